package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.unmixer.model.proxy.ModulatedFilterProxy;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyData;
import org.unmixer.model.proxy.ProxyDesigns;
import org.unmixer.model.proxy.ProxySideChannels;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class SweepCalibrationTest {
    private static final int N = 4096;
    private static final int RATE = 44_100;

    @Test
    void findsTheSweepThatMadeItsTargets() {
        ProxyConditioning conditioning = new ProxyConditioning(Catalog.standard().device("Phaser-Flanger"));
        ai.djl.engine.Engine.getInstance().setRandomSeed(2);
        try (NDManager m = NDManager.newBaseManager()) {
            ModulatedFilterProxy net = new ModulatedFilterProxy(ProxyDesigns.modulatedFilter(conditioning));
            net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, N), new Shape(1, conditioning.size()));
            // targets: the proxy itself with a phaser sweep of 2 octaves and a flanger sweep of ½ octave
            // (both on the search grid), fast LFOs so the sweep shows within the clip
            double phaser = 2 * Math.log(2);
            double flanger = 0.5 * Math.log(2);
            net.sweepParameter().getArray().set(new NDIndex("0"), (float) phaser);
            net.sweepParameter().getArray().set(new NDIndex("1"), (float) flanger);
            SplittableRandom r = new SplittableRandom(5);
            List<ProxyData.Example> examples = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                DeviceSettings s = Catalog.standard().device("Phaser-Flanger").defaults().with(Map.of(
                        "Mode", i % 2 == 0 ? "Phaser" : "Flanger", "Mod Freq", 4.0 + i, "Mod Wave", "Triangle", "Dry/Wet", 50.0));
                float[] x = new float[N];
                for (int t = 0; t < N; t++) {
                    x[t] = (float) (r.nextDouble() - 0.5);
                }
                List<float[]> side = ProxySideChannels.of(s, N, RATE, 0);
                float[] in = new float[2 * N];
                System.arraycopy(x, 0, in, 0, N);
                System.arraycopy(side.get(0), 0, in, N, N);
                float[] cond = conditioning.encode(s);
                float[] y = net.forward(new ParameterStore(m, false), new NDList(m.create(in).reshape(1, 2, N),
                        m.create(cond).reshape(1, -1)), false).singletonOrThrow().toFloatArray();
                examples.add(new ProxyData.Example(x, y, cond, s, side));
            }
            net.sweepParameter().getArray().set(new NDIndex("..."), 0f);

            SweepCalibration calibration = new SweepCalibration(examples::get, examples.size());
            calibration.run(net, m, new ProxyTrainer.Progress() {
                @Override
                public void step(int step, int total, double loss) {
                }

                @Override
                public void message(String text) {
                }
            });
            assertThat(calibration.found()[0]).isCloseTo(phaser, Offset.offset(1e-5));
            assertThat(calibration.found()[1]).isCloseTo(flanger, Offset.offset(1e-5));
            assertThat(calibration.found()[2]).as("no Doubler pairs: left at zero").isZero();
            assertThat(net.sweepParameter().getArray().toFloatArray()[0]).isCloseTo((float) phaser, Offset.offset(1e-5f));
            assertThat(calibration.frozen(net)).containsExactly(net.sweepParameter());
        }
    }
}
