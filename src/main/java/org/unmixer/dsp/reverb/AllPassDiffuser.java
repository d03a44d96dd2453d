package org.unmixer.dsp.reverb;

/**
 * A Schroeder all-pass {@code H(z) = (−g + z^−M)/(1 − g·z^−M)} (Schroeder 1962), run in place over
 * a whole signal. Series stages smear an impulse into a dense burst with a flat magnitude
 * response (Dattorro 1997 uses four such input diffusers).
 */
public final class AllPassDiffuser {
    /** Shorter delays run sample by sample; the blocks cannot be longer than the delay. */
    private static final int MIN_BLOCK = 16;
    /** Longest processing block (samples). */
    private static final int MAX_BLOCK = 256;

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
        if (m < MIN_BLOCK) {
            int len = Integer.highestOneBit(m) << 1; // power of two > m
            int mask = len - 1;
            double[] state = new double[len];
            for (int t = 0; t < count; t++) {
                double delayed = state[(t - m) & mask];
                double w = x[from + t] + g * delayed;
                state[t & mask] = w;
                x[from + t] = delayed - g * w;
            }
            return;
        }
        // blocks no longer than m, so a block's reads never need its own writes; the block, the
        // delayed samples and the new state are staged so that the loop indexes its arrays alike
        // (the form C2 vectorises)
        int block = Integer.highestOneBit(Math.min(m, MAX_BLOCK));
        int len = Integer.highestOneBit(m + block - 1) << 1; // power of two ≥ m + block
        int mask = len - 1;
        double[] state = new double[len];
        double[] xb = new double[block];
        double[] delayed = new double[block];
        double[] wb = new double[block];
        for (int start = 0; start < count; start += block) {
            int n = Math.min(block, count - start);
            int p = (start - m) & mask;
            int first = Math.min(n, len - p);
            System.arraycopy(state, p, delayed, 0, first);
            System.arraycopy(state, 0, delayed, first, n - first);
            System.arraycopy(x, from + start, xb, 0, n);
            for (int t = 0; t < n; t++) {
                double d = delayed[t];
                double w = xb[t] + g * d;
                wb[t] = w;
                xb[t] = d - g * w;
            }
            System.arraycopy(wb, 0, state, start & mask, n);
            System.arraycopy(xb, 0, x, from + start, n);
        }
    }
}
