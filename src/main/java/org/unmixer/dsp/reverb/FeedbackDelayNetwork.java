package org.unmixer.dsp.reverb;

import org.unmixer.dsp.filter.Biquad;

/**
 * The late tail: an 8-line feedback delay network (Jot &amp; Chaigne 1991; Smith, <i>Physical
 * Audio Signal Processing</i>, "FDN reverberation"; cf. Faust {@code re.zita_rev_fdn}) with
 * Hadamard mixing, one Schroeder all-pass per line for diffusion, first-order damping filters, and
 * optional sinusoidal modulation of the delay reads (chorus).
 *
 * <p>Per sample and line i: read the delay (linear interpolation when modulated), all-pass
 * {@code (−g + γ^M z^−M)/(1 − g·γ^M z^−M)}, high filter (carrying the line gain), low shelf; the
 * eight results are summed into the outputs with two orthogonal sign patterns (rows 3 and 5 of
 * the Hadamard matrix), mixed by the fast Hadamard transform and written back with the input.
 * The left input feeds the even lines, the right input the odd lines, each with gains ±½.
 *
 * <p>Memory lives in arrays created per call; buffers are powers of two indexed with a mask.
 * Modulated delays are computed every {@link #BLOCK} samples and ramped linearly in between.
 */
public final class FeedbackDelayNetwork {
    /** Control block (samples) for modulated delays elsewhere (early reflections), as Live's 32. */
    public static final int BLOCK = 32;
    /**
     * Longest processing block of the network (samples); the chorus delays ramp linearly over a
     * block (2.9 ms at 44.1 kHz, far below a chorus period).
     */
    public static final int MAX_BLOCK = 128;

    private static final int N = FdnControls.LINES;
    /** Input gains ±½ per line; the left input feeds the even lines, the right the odd ones. */
    private static final double[] IN_GAIN = {0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5};
    private static final double TAP = 1 / Math.sqrt(N);
    // Output sign patterns: rows 3 and 5 of the 8×8 Sylvester Hadamard matrix (orthogonal),
    // written out in render().

    private FeedbackDelayNetwork() {
    }

    /**
     * Runs the network over {@code inL}/{@code inR} and writes (not adds) the tail into
     * {@code outL}/{@code outR}; all four arrays have the same length.
     *
     * <p>Works a block at a time. The block is a power of two no longer than the shortest line
     * (at most {@link #MAX_BLOCK}), so a block's reads never need that block's writes and a block
     * never wraps around a ring. Ring segments are copied into block arrays so that the
     * all-passes, output taps, Hadamard mixing and writes are loops in which every array is
     * indexed alike, the form HotSpot's C2 vectorises; only the loop filters' recursions run
     * sample by sample, with the eight lines interleaved. The chorus modulation is evaluated at
     * block edges (a rotating phasor, no per-sample sin) and ramped linearly in between.
     */
    public static void render(double[] inL, double[] inR, FdnControls c, double sampleRate,
            double[] outL, double[] outR) {
        final int n = inL.length;
        final int[] delay = c.delays();
        int shortest = Integer.MAX_VALUE;
        for (int d : delay) {
            shortest = Math.min(shortest, d);
        }
        final int block = Integer.highestOneBit(Math.min(MAX_BLOCK, shortest));
        final int len = Math.max(c.bufferLength(), block);
        final int mask = len - 1;
        final int apLen = Math.max(c.allPassBufferLength(), block);
        final int apMask = apLen - 1;
        final double[][] ring = new double[N][len];
        final double[][] apRing = new double[N][apLen];
        final int[] apDelay = c.allPassLengths();
        final double g = c.allPassGain();
        final double[] apScale = c.allPassLoopGains();
        final double[][] x = new double[N][block];
        final double[] delayed = new double[block];
        final double[] w = new double[block];
        final double[] xl = new double[block];
        final double[] xr = new double[block];
        final double[] ol = new double[block];
        final double[] or = new double[block];
        final boolean modulated = c.modExcursion() > 0;
        final double excursion = c.modExcursion();
        final double[] sin = new double[N];
        final double[] cos = new double[N];
        for (int i = 0; i < N; i++) {
            sin[i] = Math.sin(2 * Math.PI * i / N);
            cos[i] = Math.cos(2 * Math.PI * i / N);
        }
        final double rotCos = Math.cos(2 * Math.PI * c.modRateHz() * block / sampleRate);
        final double rotSin = Math.sin(2 * Math.PI * c.modRateHz() * block / sampleRate);
        final Biquad[] f = c.loopFilters();
        final double[] b0 = new double[N];
        final double[] b1 = new double[N];
        final double[] b2 = new double[N];
        final double[] a1 = new double[N];
        final double[] a2 = new double[N];
        for (int i = 0; i < N; i++) {
            b0[i] = f[i].b0();
            b1[i] = f[i].b1();
            b2[i] = f[i].b2();
            a1[i] = f[i].a1();
            a2[i] = f[i].a2();
        }
        final double[] state = new double[4 * N];
        final double[] x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6], x7 = x[7];

        for (int start = 0; start < n; start += block) {
            final int m = Math.min(block, n - start);
            for (int i = 0; i < N; i++) {
                double[] xi = x[i];
                // 1. delay read
                double[] r = ring[i];
                if (modulated) {
                    double from = delay[i] + excursion * (1 + sin[i]);
                    double s = sin[i] * rotCos + cos[i] * rotSin; // phase advanced by one block
                    cos[i] = cos[i] * rotCos - sin[i] * rotSin;
                    sin[i] = s;
                    double to = delay[i] + excursion * (1 + s);
                    double step = (to - from) / block;
                    double pos = start + len - from; // ≥ 0, same index modulo len
                    for (int t = 0; t < m; t++) {
                        int i0 = (int) pos;
                        double fr = pos - i0;
                        double s0 = r[i0 & mask];
                        xi[t] = s0 + fr * (r[(i0 + 1) & mask] - s0);
                        pos += 1 - step;
                    }
                } else {
                    copyFromRing(r, (start - delay[i]) & mask, xi, m);
                }
                // 2. all-pass (−g + q·z^−M)/(1 − g·q·z^−M), q = γ^M
                double[] a = apRing[i];
                double q = apScale[i];
                int md = apDelay[i];
                if (md >= m) {
                    copyFromRing(a, (start - md) & apMask, delayed, m);
                    for (int t = 0; t < m; t++) {
                        double dl = q * delayed[t];
                        double wt = xi[t] + g * dl;
                        w[t] = wt;
                        xi[t] = dl - g * wt;
                    }
                    System.arraycopy(w, 0, a, start & apMask, m);
                } else {
                    for (int t = 0; t < m; t++) {
                        int now = start + t;
                        double dl = q * a[(now - md) & apMask];
                        double wt = xi[t] + g * dl;
                        a[now & apMask] = wt;
                        xi[t] = dl - g * wt;
                    }
                }
            }
            // 3. loop filters (line gain and damping), four recursions interleaved
            filterQuad(x0, x1, x2, x3, m, b0, b1, b2, a1, a2, state, 0);
            filterQuad(x4, x5, x6, x7, m, b0, b1, b2, a1, a2, state, 4);
            // 4. Hadamard mixing in place (natural-order fast transform; 1/√N is in the line gains)
            for (int span = 1; span < N; span <<= 1) {
                for (int i = 0; i < N; i += 2 * span) {
                    for (int j = i; j < i + span; j++) {
                        butterfly(x[j], x[j + span], m);
                    }
                }
            }
            // 5. output taps = rows 3 and 5 of the mixed lines; then the input joins the lines
            for (int t = 0; t < m; t++) {
                ol[t] = TAP * x3[t];
                or[t] = TAP * x5[t];
            }
            System.arraycopy(ol, 0, outL, start, m);
            System.arraycopy(or, 0, outR, start, m);
            System.arraycopy(inL, start, xl, 0, m);
            System.arraycopy(inR, start, xr, 0, m);
            int at = start & mask;
            for (int i = 0; i < N; i++) {
                addScaled(x[i], (i & 1) == 0 ? xl : xr, IN_GAIN[i], m);
                System.arraycopy(x[i], 0, ring[i], at, m);
            }
        }
    }

    /** {@code a, b ← a + b, a − b}. */
    private static void butterfly(double[] a, double[] b, int m) {
        for (int t = 0; t < m; t++) {
            double u = a[t];
            double v = b[t];
            a[t] = u + v;
            b[t] = u - v;
        }
    }

    /** {@code y += k·x}. */
    private static void addScaled(double[] y, double[] x, double k, int m) {
        for (int t = 0; t < m; t++) {
            y[t] += k * x[t];
        }
    }

    /**
     * Four lines' loop filters in one pass (direct form I, in place): four independent
     * recursions overlap, and each has a single multiply-add on its critical path.
     * {@code state[4·line + 0..3]} holds x[t−1], x[t−2], y[t−1], y[t−2].
     */
    private static void filterQuad(double[] p, double[] q, double[] r, double[] s, int m, double[] b0,
            double[] b1, double[] b2, double[] a1, double[] a2, double[] state, int i) {
        final double pb0 = b0[i], pb1 = b1[i], pb2 = b2[i], pa1 = a1[i], pa2 = a2[i];
        final double qb0 = b0[i + 1], qb1 = b1[i + 1], qb2 = b2[i + 1], qa1 = a1[i + 1], qa2 = a2[i + 1];
        final double rb0 = b0[i + 2], rb1 = b1[i + 2], rb2 = b2[i + 2], ra1 = a1[i + 2], ra2 = a2[i + 2];
        final double sb0 = b0[i + 3], sb1 = b1[i + 3], sb2 = b2[i + 3], sa1 = a1[i + 3], sa2 = a2[i + 3];
        int o = 4 * i;
        double px1 = state[o], px2 = state[o + 1], py1 = state[o + 2], py2 = state[o + 3];
        double qx1 = state[o + 4], qx2 = state[o + 5], qy1 = state[o + 6], qy2 = state[o + 7];
        double rx1 = state[o + 8], rx2 = state[o + 9], ry1 = state[o + 10], ry2 = state[o + 11];
        double sx1 = state[o + 12], sx2 = state[o + 13], sy1 = state[o + 14], sy2 = state[o + 15];
        for (int t = 0; t < m; t++) {
            double pu = p[t];
            double qu = q[t];
            double ru = r[t];
            double su = s[t];
            double py = pb0 * pu + pb1 * px1 + pb2 * px2 - pa2 * py2 - pa1 * py1;
            double qy = qb0 * qu + qb1 * qx1 + qb2 * qx2 - qa2 * qy2 - qa1 * qy1;
            double ry = rb0 * ru + rb1 * rx1 + rb2 * rx2 - ra2 * ry2 - ra1 * ry1;
            double sy = sb0 * su + sb1 * sx1 + sb2 * sx2 - sa2 * sy2 - sa1 * sy1;
            px2 = px1;
            px1 = pu;
            py2 = py1;
            py1 = py;
            qx2 = qx1;
            qx1 = qu;
            qy2 = qy1;
            qy1 = qy;
            rx2 = rx1;
            rx1 = ru;
            ry2 = ry1;
            ry1 = ry;
            sx2 = sx1;
            sx1 = su;
            sy2 = sy1;
            sy1 = sy;
            p[t] = py;
            q[t] = qy;
            r[t] = ry;
            s[t] = sy;
        }
        state[o] = px1;
        state[o + 1] = px2;
        state[o + 2] = py1;
        state[o + 3] = py2;
        state[o + 4] = qx1;
        state[o + 5] = qx2;
        state[o + 6] = qy1;
        state[o + 7] = qy2;
        state[o + 8] = rx1;
        state[o + 9] = rx2;
        state[o + 10] = ry1;
        state[o + 11] = ry2;
        state[o + 12] = sx1;
        state[o + 13] = sx2;
        state[o + 14] = sy1;
        state[o + 15] = sy2;
    }

    /** Copies {@code count} samples of a ring starting at {@code from} (wrapping) into {@code dst}. */
    private static void copyFromRing(double[] ring, int from, double[] dst, int count) {
        int first = Math.min(count, ring.length - from);
        System.arraycopy(ring, from, dst, 0, first);
        if (first < count) {
            System.arraycopy(ring, 0, dst, first, count - first);
        }
    }

}
