package org.unmixer.dsp.reverb;

/**
 * A Schroeder all-pass {@code H(z) = (−g + z^−M)/(1 − g·z^−M)} (Schroeder 1962), run in place over
 * a whole signal. Series stages smear an impulse into a dense burst with a flat magnitude
 * response (Dattorro 1997 uses four such input diffusers).
 */
public final class AllPassDiffuser {
    private AllPassDiffuser() {
    }

    /** Filters {@code x} in place with delay {@code m} ≥ 1 samples and gain |g| &lt; 1. */
    public static void processInPlace(double[] x, int m, double g) {
        processInPlace(x, 0, x.length, m, g);
    }

    /** Filters {@code x[from .. from + count)} in place. */
    public static void processInPlace(double[] x, int from, int count, int m, double g) {
        if (m < 1 || !(Math.abs(g) < 1)) {
            throw new IllegalArgumentException("all-pass needs m ≥ 1 and |g| < 1, got m=" + m + ", g=" + g);
        }
        int len = Integer.highestOneBit(m) << 1; // power of two > m
        int mask = len - 1;
        double[] state = new double[len];
        for (int t = 0; t < count; t++) {
            double delayed = state[(t - m) & mask];
            double w = x[from + t] + g * delayed;
            state[t & mask] = w;
            x[from + t] = delayed - g * w;
        }
    }
}
