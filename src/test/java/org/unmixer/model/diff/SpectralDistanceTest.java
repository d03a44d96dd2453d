package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;

class SpectralDistanceTest {
    private static float[] signal(int n, long seed, double noise, double hz) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / 44_100) * Math.exp(-i / 8000.0) + noise * (r.nextDouble() - 0.5));
        }
        return x;
    }

    @Test
    void givesTheJavaDistanceForSeveralPairsInOneBatch() {
        float[][] est = {signal(11_025, 1, 0.1, 440), signal(11_025, 2, 0.0, 660), new float[11_025]};
        float[][] tgt = {signal(11_025, 3, 0.2, 445), signal(11_025, 4, 0.05, 330), signal(11_025, 5, 0.3, 100)};
        try (NDManager m = NDManager.newBaseManager()) {
            double[] d64 = SpectralDistance.standard().distance(m.create(est).toType(DataType.FLOAT64, false), m.create(tgt))
                    .toDoubleArray();
            double[] d32 = SpectralDistance.standard().distance(m.create(est), m.create(tgt)).toType(DataType.FLOAT64, false)
                    .toDoubleArray();
            for (int b = 0; b < est.length; b++) {
                double java = MultiResolutionStftDistance.standard().distance(est[b], tgt[b]);
                assertThat(d64[b]).as("pair %d, float64", b).isCloseTo(java, within(1e-6 * Math.max(1, java)));
                assertThat(d32[b]).as("pair %d, float32", b).isCloseTo(java, within(1e-3 * Math.max(1, java)));
            }
            // Identical signals are at distance 0; a silent target against a silent estimate too.
            float[][] same = {tgt[0]};
            assertThat(SpectralDistance.standard().distance(m.create(same), m.create(same)).getFloat(0)).isCloseTo(0f, within(1e-7f));
            float[][] silence = {new float[4096]};
            assertThat(SpectralDistance.standard().distance(m.create(silence), m.create(silence)).getFloat(0)).isZero();
        }
    }

    @Test
    void itsGradientMatchesFiniteDifferences() {
        float[] target = signal(1_024, 7, 0.2, 1000);
        float[] start = signal(1_024, 8, 0.2, 1100);
        try (NDManager m = NDManager.newBaseManager()) {
            double[] x0 = new double[start.length];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = start[i];
            }
            NDArray t = m.create(new float[][] {target});
            NDArray x = m.create(x0).reshape(1, x0.length);
            x.setRequiresGradient(true);
            double[] grad;
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(SpectralDistance.standard().distance(x, t).sum());
                grad = x.getGradient().toDoubleArray();
            }
            for (int i : new int[] {0, 17, 300, 511, 777, 1023}) {
                double h = 1e-6;
                double[] plus = x0.clone();
                double[] minus = x0.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (SpectralDistance.standard().distance(m.create(plus).reshape(1, x0.length), t).getDouble(0)
                        - SpectralDistance.standard().distance(m.create(minus).reshape(1, x0.length), t).getDouble(0)) / (2 * h);
                assertThat(grad[i]).as("sample %d", i).isCloseTo(fd, within(1e-3 * Math.max(1, Math.abs(fd))));
            }
        }
    }
}
