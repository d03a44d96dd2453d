package org.unmixer.model.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class ModulatedFilterProxyTest {
    private static final int RATE = 44_100;
    private static final int N = 4096;
    private static final ProxyConditioning CONDITIONING = new ProxyConditioning(Catalog.standard().device("Phaser-Flanger"));

    @TempDir
    Path tmp;

    private static ModulatedFilterProxy untrained(NDManager m, int batch) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(8);
        ModulatedFilterProxy net = new ModulatedFilterProxy(ProxyDesigns.modulatedFilter(CONDITIONING));
        net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        net.initialize(m, DataType.FLOAT32, new Shape(batch, 2, N), new Shape(batch, CONDITIONING.size()));
        return net;
    }

    private static float[] run(NDManager m, ModulatedFilterProxy net, float[] signal, Map<String, Object> values) {
        DeviceSettings s = Catalog.standard().device("Phaser-Flanger").defaults().with(values);
        float[] in = new float[2 * N];
        System.arraycopy(signal, 0, in, 0, N);
        System.arraycopy(ProxySideChannels.of(s, N, RATE, 0).get(0), 0, in, N, N);
        return net.forward(new ParameterStore(m, false), new NDList(m.create(in).reshape(1, 2, N),
                m.create(CONDITIONING.encode(s)).reshape(1, -1)), false).singletonOrThrow().toFloatArray();
    }

    private static float[] sine(double hz) {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return x;
    }

    private static double rms(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += x[i] * x[i];
        }
        return Math.sqrt(e / (to - from));
    }

    @Test
    void safeBassIsAButterworthHighPassAtOneHundredHertz() {
        int n = 1 << 14;
        double[][] h = ModulatedFilterProxy.safeBass(n, RATE);
        int bin = (int) Math.round(100.0 * n / RATE);
        double hz = (double) bin * RATE / n;
        double expected = Math.pow(hz / 100, 2) / Math.sqrt(1 + Math.pow(hz / 100, 4)); // |H| of a 2nd-order Butterworth HP
        assertThat(Math.hypot(h[0][bin], h[1][bin])).isCloseTo(expected, Offset.offset(0.01));
        assertThat(Math.hypot(h[0][0], h[1][0])).isCloseTo(0, Offset.offset(1e-9));
        assertThat(Math.hypot(h[0][n / 8], h[1][n / 8])).isCloseTo(1, Offset.offset(1e-3));
    }

    @Test
    void anUntrainedProxyAtZeroPercentWetIsItsInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] x = sine(440);
            float[] y = run(m, untrained(m, 1), x, Map.of("Dry/Wet", 0.0));
            for (int i = 0; i < N; i++) {
                assertThat(y[i]).isCloseTo(x[i], Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void onePhaserStageMixedHalfAndHalfNotchesItsCentreFrequency() {
        // one second-order all-pass turns its centre by 180°: half dry plus half wet cancels there
        try (NDManager m = NDManager.newBaseManager()) {
            ModulatedFilterProxy net = untrained(m, 1);
            Map<String, Object> phaser = Map.of("Mode", "Phaser", "Notches", 1.0, "Center Freq", 2000.0, "Feedback", 0.0,
                    "Amount", 0.0, "Dry/Wet", 50.0);
            double atCentre = rms(run(m, net, sine(2000), phaser), 1024, 3072);
            double octaveUp = rms(run(m, net, sine(4000), phaser), 1024, 3072);
            assertThat(atCentre).isLessThan(0.05);
            assertThat(octaveUp).isGreaterThan(0.3);
        }
    }

    @Test
    void theFlangerEchoesItsInputAfterTheFlangeTime() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] click = new float[N];
            click[100] = 1;
            float[] y = run(m, untrained(m, 1), click, Map.of("Mode", "Flanger", "Flange Time", 5.0, "Feedback", 0.0,
                    "Amount", 0.0, "Dry/Wet", 100.0));
            int peak = 0;
            for (int i = 110; i < N; i++) {
                peak = Math.abs(y[i]) > Math.abs(y[peak]) ? i : peak;
            }
            assertThat(peak - 100).isCloseTo((int) Math.round(5e-3 * RATE), Offset.offset(2));
        }
    }

    @Test
    void theGradientReachesTheCondition() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModulatedFilterProxy net = untrained(m, 1);
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05f)); // corrections and laws not zero
            DeviceSettings s = Catalog.standard().device("Phaser-Flanger").defaults().with(Map.of("Feedback", 30.0, "Mode", "Flanger"));
            float[] in = new float[2 * N];
            System.arraycopy(sine(300), 0, in, 0, N);
            System.arraycopy(ProxySideChannels.of(s, N, RATE, 0).get(0), 0, in, N, N);
            NDArray cond = m.create(CONDITIONING.encode(s)).reshape(1, -1);
            cond.setRequiresGradient(true);
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray out = net.forward(new ParameterStore(m, false), new NDList(m.create(in).reshape(1, 2, N), cond), true).singletonOrThrow();
                gc.backward(out.square().sum());
            }
            float[] g = cond.getGradient().toFloatArray();
            for (String knob : new String[] {"Flange Time", "Feedback", "Dry/Wet"}) {
                assertThat(g[CONDITIONING.position(knob)]).as(knob).isNotZero().isFinite();
            }
        }
    }

    @Test
    void aFewStepsOnPairsFromTheDeviceLowerTheSpectralLoss() {
        int batch = 4;
        ProxyData data = new ProxyData(new org.unmixer.data.PatchSampler(org.unmixer.data.DatasetConfig.load(
                Path.of("assets/training/train-full.json"), Catalog.standard()), Catalog.standard()), CONDITIONING, N, RATE, 21);
        float[] x = new float[batch * 2 * N];
        float[] c = new float[batch * CONDITIONING.size()];
        float[] y = new float[batch * N];
        for (int b = 0; b < batch; b++) {
            ProxyData.Example e = data.example(100 + b);
            System.arraycopy(e.network(), 0, x, b * 2 * N, 2 * N);
            System.arraycopy(e.condition(), 0, c, b * CONDITIONING.size(), CONDITIONING.size());
            System.arraycopy(e.target(), 0, y, b * N, N);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ModulatedFilterProxy net = untrained(m, batch);
            NDArray audio = m.create(x).reshape(batch, 2, N);
            NDArray cond = m.create(c).reshape(batch, -1);
            NDArray target = m.create(y).reshape(batch, N);
            // The trainer's NaN guard skipped 1 step in 1 000 of the shipped proxy's training; allow a few here.
            double[] loss = TinyTraining.firstAndLastLoss(net, m, audio, cond, target, 2e-3, 30, 5);
            assertThat(loss[1]).isLessThan(0.95 * loss[0]);
        }
    }

    @Test
    void savedAndLoadedAsItsOwnDesign() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ModulatedFilterProxy net = untrained(m, 1);
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05f));
            Map<String, Object> flanger = Map.of("Mode", "Flanger", "Feedback", 20.0);
            float[] before = run(m, net, sine(700), flanger);
            ProxyFiles.save("Phaser-Flanger", net, new ObjectMapper().createObjectNode(), tmp);
            ProxyFiles.Loaded loaded = ProxyFiles.load(tmp, m);
            assertThat(loaded.net().config()).isEqualTo(net.config());
            assertThat(run(m, (ModulatedFilterProxy) loaded.net(), sine(700), flanger)).containsExactly(before);
        }
    }
}
