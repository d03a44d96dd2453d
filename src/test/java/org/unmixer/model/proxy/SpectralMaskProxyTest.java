package org.unmixer.model.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.params.BadInputException;

class SpectralMaskProxyTest {
    private static final int RATE = 44_100;
    private static final SpectralMaskProxy.Config SMALL = new SpectralMaskProxy.Config(1, 1, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16);

    @TempDir
    Path tmp;

    @Test
    void anUntrainedProxyReconstructsItsInputExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralMaskProxy net = new SpectralMaskProxy(SMALL);
            net.setInitializer(new NormalInitializer(0.3f), ai.djl.nn.Parameter.Type.WEIGHT);
            int samples = 3001; // not a multiple of the hop
            net.initialize(m, DataType.FLOAT32, new Shape(2, 1, samples), new Shape(2, 1));
            NDArray x = m.randomNormal(new Shape(2, 1, samples));
            float[] y = net.forward(new ParameterStore(m, false), new NDList(x, m.ones(new Shape(2, 1))), false).singletonOrThrow()
                    .toFloatArray();
            float[] expected = x.toFloatArray();
            assertThat(y).hasSize(expected.length);
            double worst = 0;
            for (int i = 0; i < y.length; i++) {
                worst = Math.max(worst, Math.abs(y[i] - expected[i]));
            }
            assertThat(worst).isLessThan(1e-4); // float32 DFTs as matrix products
        }
    }

    @Test
    void theMinimumPhaseOfAOnePoleLowPassIsItsAnalyticPhase() {
        // H(z) = (1 − a)/(1 − a·z⁻¹) is minimum phase: its phase is −atan2(a·sin ω, 1 − a·cos ω).
        int n = 1024;
        double a = 0.9;
        double[] logMagnitude = new double[n / 2 + 1];
        double[] expected = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double w = 2 * Math.PI * k / n;
            double re = 1 - a * Math.cos(w);
            double im = a * Math.sin(w);
            logMagnitude[k] = Math.log(1 - a) - 0.5 * Math.log(re * re + im * im);
            expected[k] = -Math.atan2(im, re);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            double[] phase = SpectralMaskProxy.minimumPhase(m.create(logMagnitude), n).toDoubleArray();
            for (int k = 0; k <= n / 2; k++) {
                assertThat(phase[k]).as("bin %d", k).isCloseTo(expected[k], org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    @Test
    void anUntrainedMinimumPhaseProxyIsTheIdentityToo() {
        SpectralMaskProxy.Config config = new SpectralMaskProxy.Config(1, 1, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16, List.of(), true, true);
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralMaskProxy net = new SpectralMaskProxy(config);
            net.setInitializer(new NormalInitializer(0.3f), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1500), new Shape(1, 1));
            NDArray x = m.randomNormal(new Shape(1, 1, 1500));
            float[] y = net.forward(new ParameterStore(m, false), new NDList(x, m.ones(new Shape(1, 1))), false).singletonOrThrow()
                    .toFloatArray();
            float[] expected = x.toFloatArray();
            for (int i = 0; i < y.length; i++) {
                assertThat((double) y[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void aTimeInvariantProxyIsALinearFilterOfItsInput() {
        // Its gain comes from the condition alone, so proxy(a·x₁ + x₂) = a·proxy(x₁) + proxy(x₂).
        SpectralMaskProxy.Config config = new SpectralMaskProxy.Config(1, 3, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16,
                List.of(), true, false);
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralMaskProxy net = new SpectralMaskProxy(config);
            net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT64, new Shape(1, 1, 2000), new Shape(1, 3));
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05));
            NDArray cond = m.create(new double[] {0.2, 0.7, 0.4}).reshape(1, 3);
            NDArray x1 = m.randomNormal(0, 1, new Shape(1, 1, 2000), DataType.FLOAT64);
            NDArray x2 = m.randomNormal(0, 1, new Shape(1, 1, 2000), DataType.FLOAT64).mul(m.create(0.01)); // very different levels
            java.util.function.Function<NDArray, double[]> run = x -> net.forward(new ParameterStore(m, false), new NDList(x, cond), false)
                    .singletonOrThrow().toDoubleArray();
            double[] mixed = run.apply(x1.mul(m.create(3.0)).add(x2));
            double[] y1 = run.apply(x1);
            double[] y2 = run.apply(x2);
            double[] x = x1.toDoubleArray();
            double change = 0;
            for (int i = 0; i < mixed.length; i++) {
                assertThat(mixed[i]).isCloseTo(3 * y1[i] + y2[i], org.assertj.core.api.Assertions.within(1e-9));
                change += Math.abs(y1[i] - x[i]);
            }
            assertThat(change / mixed.length).as("the gain is not the identity").isGreaterThan(1e-3);
        }
    }

    @Test
    void receptiveFieldIsAFramePlusTheFrameContext() {
        assertThat(SMALL.receptiveField()).isEqualTo(256 + 64 * 2 * (1 + 2));
        assertThat(new SpectralMaskProxy.Config(1, 1, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16, List.of(), true, false).receptiveField())
                .isEqualTo(256);
        assertThatThrownBy(() -> new SpectralMaskProxy.Config(1, 1, RATE, 300, 8, 16, 8, 3, List.of(1), 16))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A one-pole low-pass whose corner the condition p sets: 300 Hz … 6.3 kHz. */
    private static float[] lowPass(float[] x, double p) {
        double hz = 300 * Math.pow(21, p);
        double a = Math.exp(-2 * Math.PI * hz / RATE);
        float[] y = new float[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s = (1 - a) * x[i] + a * s;
            y[i] = (float) s;
        }
        return y;
    }

    @Test
    void aFewStepsOnATinySetLowerTheSpectralLossOfAConditionedFilter() {
        int batch = 8;
        int samples = 2048;
        SplittableRandom r = new SplittableRandom(4);
        float[][] x = new float[batch][samples];
        float[][] y = new float[batch][];
        float[][] p = new float[batch][1];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < samples; i++) {
                x[b][i] = (float) (r.nextDouble() - 0.5);
            }
            p[b][0] = (float) r.nextDouble();
            y[b] = lowPass(x[b], p[b][0]);
        }
        ai.djl.engine.Engine.getInstance().setRandomSeed(4);
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralMaskProxy net = new SpectralMaskProxy(SMALL);
            net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(batch, 1, samples), new Shape(batch, 1));
            NDArray audio = m.create(x).reshape(batch, 1, samples);
            NDArray cond = m.create(p);
            NDArray target = m.create(y);
            double[] loss = TinyTraining.firstAndLastLoss(net, m, audio, cond, target, 1e-2, 40);
            assertThat(loss[1]).isLessThan(0.6 * loss[0]);
        }
    }

    @Test
    void aSideChannelReachesTheGain() {
        SpectralMaskProxy.Config withLfo = new SpectralMaskProxy.Config(2, 1, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16);
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralMaskProxy net = new SpectralMaskProxy(withLfo);
            net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, 2048), new Shape(1, 1));
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05f)); // a non-identity output layer
            NDArray signal = m.randomNormal(new Shape(1, 1, 2048));
            NDArray cond = m.ones(new Shape(1, 1));
            NDArray lfoLow = ai.djl.ndarray.NDArrays.concat(new NDList(signal, m.zeros(new Shape(1, 1, 2048))), 1);
            NDArray lfoHigh = ai.djl.ndarray.NDArrays.concat(new NDList(signal, m.ones(new Shape(1, 1, 2048))), 1);
            float[] a = net.forward(new ParameterStore(m, false), new NDList(lfoLow, cond), false).singletonOrThrow().toFloatArray();
            float[] b = net.forward(new ParameterStore(m, false), new NDList(lfoHigh, cond), false).singletonOrThrow().toFloatArray();
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff += Math.abs(a[i] - b[i]);
            }
            assertThat(diff / a.length).isGreaterThan(1e-3);
        }
    }

    @Test
    void savedAndLoadedAsItsOwnDesign() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            // Two repeated sections of two values each, so the shared section MLP is saved and used too.
            // A three-layer section MLP of its own width, so those fields are saved and used too.
            SpectralMaskProxy net = new SpectralMaskProxy(new SpectralMaskProxy.Config(1, 5, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16,
                    List.of(List.of(0, 1), List.of(2, 3)), true, true, 12, 3));
            net.setInitializer(new NormalInitializer(0.3f), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1024), new Shape(1, 5));
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05f));
            NDList in = new NDList(m.randomNormal(new Shape(1, 1, 1024)), m.randomUniform(0, 1, new Shape(1, 5)));
            float[] before = net.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            ProxyFiles.save("EQ Eight", net, new ObjectMapper().createObjectNode(), tmp);
            assertThat(Files.readString(tmp.resolve(ProxyFiles.CONFIG_FILE))).contains("\"design\" : \"spectral-mask\"")
                    .contains("\"sectionLayers\" : 3");

            ProxyFiles.Loaded loaded = ProxyFiles.load(tmp, m);
            assertThat(loaded.net()).isInstanceOf(SpectralMaskProxy.class);
            float[] after = loaded.net().forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            assertThat(after).containsExactly(before);

            Files.writeString(tmp.resolve(ProxyFiles.CONFIG_FILE),
                    Files.readString(tmp.resolve(ProxyFiles.CONFIG_FILE)).replace("spectral-mask", "spectral-maks"));
            assertThatThrownBy(() -> ProxyFiles.load(tmp, m)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("unknown proxy design \"spectral-maks\"");
        }
    }

    @Test
    void aConfigSavedBeforeTheSectionWidthAndDepthHasTheOldNetwork() throws IOException {
        String old = "{\"inputChannels\":1,\"conditionSize\":5,\"sampleRate\":44100,\"fftSize\":256,\"featureBands\":8,"
                + "\"maskBands\":16,\"channels\":8,\"kernel\":3,\"dilations\":[1,2],\"conditionHidden\":16,"
                + "\"sections\":[[0,1],[2,3]],\"minimumPhase\":true,\"timeVarying\":true}";
        SpectralMaskProxy.Config c = new ObjectMapper().readValue(old, SpectralMaskProxy.Config.class);
        assertThat(c.sectionHidden()).isEqualTo(16);
        assertThat(c.sectionLayers()).isEqualTo(2);
    }

    @Test
    void filteringByAConstantLogGainScalesTheSignal() {
        // A flat response has zero minimum phase: the output is the input times the gain.
        SpectralMaskProxy.Config config = new SpectralMaskProxy.Config(1, 1, RATE, 256, 8, 16, 8, 3, List.of(1, 2), 16, List.of(), true, false);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 1500));
            NDArray logGain = m.full(new Shape(2, 1, 16), (float) Math.log(0.5));
            float[] y = SpectralMaskProxy.filter(config, x, logGain).toFloatArray();
            float[] expected = x.toFloatArray();
            assertThat(y).hasSize(expected.length);
            for (int i = 0; i < y.length; i++) {
                assertThat((double) y[i]).isCloseTo(0.5 * expected[i], org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void maskFrequenciesRunFromTwentyHertzToNyquistOnALogScale() {
        double[] hz = SMALL.maskFrequencies();
        assertThat(hz).hasSize(16);
        assertThat(hz[0]).isCloseTo(20, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(hz[15]).isCloseTo(RATE / 2.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(hz[8] / hz[7]).isCloseTo(hz[1] / hz[0], org.assertj.core.api.Assertions.within(1e-9));
    }
}
