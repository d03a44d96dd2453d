package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MrStftGradientTest {
    private static float[] signal(int n, long seed, double hz) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 44_100) * Math.exp(-i / 900.0) + 0.05 * (r.nextDouble() - 0.5));
        }
        return x;
    }

    @Test
    void itsValueIsTheProjectsDistance() {
        float[] target = signal(3_000, 1, 440);
        float[] estimate = signal(3_000, 2, 520);
        double expected = MultiResolutionStftDistance.standard().distance(estimate, target);
        assertThat(new MrStftGradient(target).evaluate(estimate).value()).isCloseTo(expected, within(1e-12));
        assertThat(new MrStftGradient(target).value(estimate)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void itsGradientMatchesCentralFiniteDifferences() {
        int n = 700;
        float[] target = signal(n, 3, 300);
        double[] x = new double[n];
        float[] e = signal(n, 4, 410);
        for (int i = 0; i < n; i++) {
            x[i] = e[i];
        }
        // Spectral convergence only: the log-magnitude L1 has a kink wherever a bin's log ratio crosses
        // zero, which finite differences straddle; that term is checked against autograd below.
        int[] sizes = MultiResolutionStftDistance.STANDARD_FFT_SIZES;
        MrStftGradient d = new MrStftGradient(target, sizes, 1.0, 0.0);
        double[] g = d.evaluate(toFloat(x)).gradient();
        MultiResolutionStftDistance reference = MultiResolutionStftDistance.of(sizes, 1.0, 0.0);
        // float32 inputs: a step of 1e-3 keeps the rounding of x ± h small against the difference.
        double h = 1e-3;
        int checked = 0;
        for (int i = 3; i < n; i += 37) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (reference.distance(toFloat(plus), target) - reference.distance(toFloat(minus), target)) / (2 * h);
            assertThat(g[i]).as("sample %d", i).isCloseTo(fd, within(0.01 * Math.abs(fd) + 1e-5));
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    /** Against PyTorch's autograd through the NDArray twin of the distance (itself checked), at every sample. */
    @Test
    void itsGradientIsAutogradsThroughTheNdArrayDistance() {
        int n = 2_000;
        float[] target = signal(n, 6, 250);
        float[] estimate = signal(n, 7, 330);
        double[] g = new MrStftGradient(target).evaluate(estimate).gradient();
        double[] expected;
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            double[] e = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = estimate[i];
                t[i] = target[i];
            }
            ai.djl.ndarray.NDArray x = m.create(e).reshape(1, n);
            x.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(org.unmixer.model.diff.SpectralDistance.standard().distance(x, m.create(t).reshape(1, n)).sum());
            }
            expected = x.getGradient().toDoubleArray();
        }
        double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < n; i++) {
            assertThat(g[i]).as("sample %d", i).isCloseTo(expected[i], within(1e-6 * scale));
        }
    }

    @Test
    void aSilentTargetGivesOnlyTheLogMagnitudeGradient() {
        float[] target = new float[1_000];
        float[] estimate = signal(1_000, 5, 200);
        MrStftGradient.ValueAndGradient v = new MrStftGradient(target).evaluate(estimate);
        assertThat(v.value()).isCloseTo(MultiResolutionStftDistance.standard().distance(estimate, target), within(1e-12));
        assertThat(java.util.Arrays.stream(v.gradient()).allMatch(Double::isFinite)).isTrue();
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
