package org.unmixer.model.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReverbTailProxyTest {
    private static final int RATE = 44_100;
    /** 64-sample partitions, 12 envelope points, 2 early partitions, up to 64 partitions. */
    private static final ReverbTailProxy.Config SMALL = new ReverbTailProxy.Config(1, 2, RATE, 64, 12, 2, 16, 64, 3);

    @TempDir
    Path tmp;

    private static ReverbTailProxy initialised(NDManager m, int batch, int samples) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(5);
        ReverbTailProxy net = new ReverbTailProxy(SMALL);
        net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        net.initialize(m, DataType.FLOAT32, new Shape(batch, 1, samples), new Shape(batch, 2));
        return net;
    }

    @Test
    void partitionedConvolutionIsTheLinearConvolution() {
        int n = 32;
        int samples = 300; // not a multiple of the partition
        SplittableRandom r = new SplittableRandom(2);
        double[] x = new double[samples];
        double[] h = new double[5 * n];
        for (int i = 0; i < samples; i++) {
            x[i] = r.nextDouble() - 0.5;
        }
        for (int i = 0; i < h.length; i++) {
            h[i] = (r.nextDouble() - 0.5) * Math.exp(-i / 40.0);
        }
        // each partition's 2N-point DFT, straight from the definition
        int k = n + 1;
        double[] re = new double[5 * k];
        double[] im = new double[5 * k];
        for (int j = 0; j < 5; j++) {
            for (int b = 0; b < k; b++) {
                for (int i = 0; i < n; i++) {
                    double angle = 2 * Math.PI * i * b / (2.0 * n);
                    re[j * k + b] += h[j * n + i] * Math.cos(angle);
                    im[j * k + b] -= h[j * n + i] * Math.sin(angle);
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            double[] y = ReverbTailProxy.convolve(m.create(x).reshape(1, samples), m.create(re).reshape(1, 5, k),
                    m.create(im).reshape(1, 5, k), n).toDoubleArray();
            assertThat(y).hasSize(samples);
            for (int t = 0; t < samples; t++) {
                double expected = 0;
                for (int i = 0; i < h.length && i <= t; i++) {
                    expected += h[i] * x[t - i];
                }
                assertThat(y[t]).as("sample %d", t).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void theCarrierHasUnitPowerPerBinOnAverage() {
        double[][] noise = ReverbTailProxy.noiseSpectra(3, 256, 40);
        double power = 0;
        for (int i = 0; i < noise[0].length; i++) {
            power += noise[0][i] * noise[0][i] + noise[1][i] * noise[1][i];
        }
        assertThat(power / noise[0].length).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
        // a partition's carrier does not depend on how many partitions are asked for
        assertThat(java.util.Arrays.copyOf(ReverbTailProxy.noiseSpectra(3, 256, 3)[0], 257))
                .containsExactly(java.util.Arrays.copyOf(noise[0], 257));
    }

    @Test
    void anUntrainedProxyIsTheDrySignalPlusAQuietTailThatComesAfterTheSound() {
        int samples = 1000;
        try (NDManager m = NDManager.newBaseManager()) {
            ReverbTailProxy net = initialised(m, 1, samples);
            float[] impulse = new float[samples];
            impulse[400] = 1;
            NDArray in = m.create(impulse).reshape(1, 1, samples);
            float[] y = net.forward(new ParameterStore(m, false), new NDList(in, m.create(new float[] {0.3f, 0.7f}).reshape(1, 2)), false)
                    .singletonOrThrow().toFloatArray();
            for (int t = 0; t < 400; t++) {
                assertThat(Math.abs(y[t])).as("sample %d, before the impulse", t).isLessThan(1e-7f); // DFT rounding only
            }
            double tail = 0;
            for (int t = 401; t < samples; t++) {
                tail += y[t] * y[t];
            }
            assertThat(tail).isGreaterThan(0).isLessThan(0.01);
            assertThat(y[400]).isCloseTo(1f, org.assertj.core.data.Offset.offset(0.05f));
        }
    }

    @Test
    void theTailDecaysAtThePredictedRate() {
        int samples = 64 * 64;
        try (NDManager m = NDManager.newBaseManager()) {
            ReverbTailProxy net = initialised(m, 1, samples);
            // Every output at zero but the decay rates' bias: softplus(4.6 + 4 · 1.35) ≈ 10 nepers/s.
            for (var p : net.getParameters()) {
                if (p.getKey().contains("output") && p.getKey().endsWith("bias")) {
                    NDArray b = p.getValue().getArray();
                    b.set(new NDIndex("13:25"), 1.35f);
                }
            }
            double rate = Math.log1p(Math.exp(4.6 + 4 * 1.35));
            float[] impulse = new float[samples];
            impulse[0] = 1;
            float[] y = net.forward(new ParameterStore(m, false), new NDList(m.create(impulse).reshape(1, 1, samples),
                    m.zeros(new Shape(1, 2))), false).singletonOrThrow().toFloatArray();
            // energy of the tail's first and last quarter (past the early partitions)
            double first = energy(y, 256, 1024);
            double last = energy(y, 3072, 3840);
            double seconds = (3072 - 256) / (double) RATE;
            assertThat(Math.log(first / last) / (2 * seconds)).isCloseTo(rate, org.assertj.core.data.Offset.offset(0.15 * rate));
        }
    }

    private static double energy(float[] y, int from, int to) {
        double e = 0;
        for (int t = from; t < to; t++) {
            e += y[t] * y[t];
        }
        return e;
    }

    @Test
    void theGradientReachesTheCondition() {
        try (NDManager m = NDManager.newBaseManager()) {
            ReverbTailProxy net = initialised(m, 2, 512);
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05f)); // a non-zero output layer
            NDArray cond = m.create(new float[] {0.2f, 0.9f, 0.6f, 0.1f}).reshape(2, 2);
            cond.setRequiresGradient(true);
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray out = net.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 1, 512)), cond), true)
                        .singletonOrThrow();
                gc.backward(out.square().sum());
            }
            for (float g : cond.getGradient().toFloatArray()) {
                assertThat(g).isNotZero().isFinite();
            }
        }
    }

    @Test
    void aFewStepsOnATinySetLowerTheSpectralLossOfAnExponentialTail() {
        int batch = 4;
        int samples = 2048;
        SplittableRandom r = new SplittableRandom(4);
        float[][] x = new float[batch][samples];
        float[][] y = new float[batch][samples];
        float[][] p = new float[batch][2];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < 300; i++) {
                x[b][i] = (float) (r.nextDouble() - 0.5);
            }
            p[b][0] = (float) r.nextDouble();
            // target: half dry plus a noise tail decaying at a rate set by p[0]
            double decay = 200 + 800 * p[b][0];
            float[] h = new float[samples];
            for (int i = 0; i < samples; i++) {
                h[i] = (float) ((r.nextDouble() - 0.5) * 0.3 * Math.exp(-i / decay));
            }
            for (int t = 0; t < samples; t++) {
                double s = 0.5 * x[b][t];
                for (int i = 0; i <= t && i < 300; i++) {
                    s += x[b][i] * h[t - i];
                }
                y[b][t] = (float) s;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ReverbTailProxy net = initialised(m, batch, samples);
            NDArray audio = m.create(x).reshape(batch, 1, samples);
            NDArray cond = m.create(p);
            NDArray target = m.create(y);
            double[] loss = TinyTraining.firstAndLastLoss(net, m, audio, cond, target, 2e-2, 40);
            assertThat(loss[1]).isLessThan(0.6 * loss[0]);
        }
    }

    @Test
    void savedAndLoadedAsItsOwnDesign() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ReverbTailProxy net = initialised(m, 1, 1024);
            net.getParameters().forEach(p -> p.getValue().getArray().addi(0.05f));
            NDList in = new NDList(m.randomNormal(new Shape(1, 1, 1024)), m.randomUniform(0, 1, new Shape(1, 2)));
            float[] before = net.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            ProxyFiles.save("Reverb", net, new ObjectMapper().createObjectNode(), tmp);
            ProxyFiles.Loaded loaded = ProxyFiles.load(tmp, m);
            assertThat(loaded.net()).isInstanceOf(ReverbTailProxy.class);
            assertThat(loaded.net().config()).isEqualTo(SMALL);
            float[] after = loaded.net().forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            assertThat(after).containsExactly(before);
        }
    }
}
