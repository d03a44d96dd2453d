package org.unmixer.dsp.reverb;

import org.unmixer.dsp.filter.Biquad;

/**
 * The late tail: an 8-line feedback delay network (Jot &amp; Chaigne 1991; Smith, <i>Physical
 * Audio Signal Processing</i>, "FDN reverberation"; cf. Faust {@code re.zita_rev_fdn}) with
 * Hadamard mixing, one Schroeder all-pass per line for diffusion, first-order damping filters, and
 * optional sinusoidal modulation of the delay reads (chorus).
 *
 * <p>Per sample and line i: read the delay (linear interpolation when modulated), all-pass
 * {@code (−g + γ^M z^−M)/(1 − g·γ^M z^−M)}, loop filter (line gain × high filter × low shelf, one
 * second-order section); the eight results are mixed by the fast Hadamard transform, rows 3 and 5
 * of the mixed vector are the left and right outputs (orthogonal sign patterns), and the mixed
 * vector plus the input is written back. The left input feeds the even lines, the right input
 * the odd lines, with gains ±½.
 *
 * <p>Memory lives in arrays created per call; rings are powers of two. With chorus, each line's
 * delay is evaluated at block edges (rotating phasor) and held, at its value mid-way, for each
 * sub-block of {@link #BLOCK} samples.
 */
public final class FeedbackDelayNetwork {
    /** Control block (samples) for modulated delays elsewhere (early reflections), as Live's 32. */
    public static final int BLOCK = 32;
    /** Longest processing block of the network (samples); longer blocks amortise ring copies. */
    public static final int MAX_BLOCK = 128;

    private static final int N = FdnControls.LINES;
    /** Input gains ±½ per line; the left input feeds the even lines, the right the odd ones. */
    private static final double[] IN_GAIN = {0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5};
    private static final double TAP = 1 / Math.sqrt(N);

    private FeedbackDelayNetwork() {
    }

    /**
     * Runs the network over {@code inL}/{@code inR} and writes (not adds) the tail into
     * {@code outL}/{@code outR}; all four arrays have the same length.
     */
    public static void render(double[] inL, double[] inR, FdnControls c, double sampleRate,
            double[] outL, double[] outR) {
        java.util.Arrays.fill(outL, 0);
        java.util.Arrays.fill(outR, 0);
        render(inL, inR, 0, outL.length, c, sampleRate, 1, outL, outR);
    }

    /**
     * Runs the network over {@code frames} input samples starting at {@code inL[offset]} /
     * {@code inR[offset]} and <em>adds</em> {@code gain} times the tail into {@code outL} /
     * {@code outR} from index 0.
     *
     * <p>Works a block at a time. The block is a power of two no longer than the shortest line
     * (at most {@link #MAX_BLOCK}), so a block's reads never need that block's writes and a block
     * never wraps around a ring. Ring segments are copied into block arrays so that the
     * all-passes, output taps, Hadamard mixing and writes are loops in which every array is
     * indexed alike, the form HotSpot's C2 (JDK 17) vectorises; only the loop filters'
     * two-tap recursions run sample by sample, four lines interleaved. The chorus modulation is
     * evaluated at block edges with a rotating phasor (no per-sample sin).
     */
    public static void render(double[] inL, double[] inR, int offset, int frames, FdnControls c,
            double sampleRate, double gain, double[] outL, double[] outR) {
        final int n = frames;
        final double tap = gain * TAP;
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
        final double[] segment = new double[BLOCK + 1];
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
        final double[] state = new double[4 * N]; // per line: x[t−1], x[t−2], y[t−1], y[t−2]
        final double[] shift1 = new double[block];
        final double[] shift2 = new double[block];
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
                    // the delay holds for each sub-block of BLOCK samples, at its value mid-way:
                    // at most 2π·8 Hz·4·32/44100 ≈ 0.15 sample from one sub-block to the next
                    for (int sb = 0; sb < m; sb += BLOCK) {
                        int count = Math.min(BLOCK, m - sb);
                        double d = from + (to - from) * (sb + 0.5 * BLOCK) / block;
                        int whole = (int) Math.ceil(d);
                        double newer = whole - d;
                        double older = 1 - newer;
                        copyFromRing(r, (start + sb - whole) & mask, segment, count + 1);
                        for (int t = 0; t < count; t++) {
                            xi[sb + t] = older * segment[t] + newer * segment[t + 1];
                        }
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
            // 3. loop filters (line gain and damping): feed-forward halves over the block, then the
            //    recursions, four lines interleaved
            for (int i = 0; i < N; i++) {
                feedForward(x[i], m, b0[i], b1[i], b2[i], state, 4 * i, shift1, shift2);
            }
            recursionQuad(x0, x1, x2, x3, m, a1, a2, state, 0);
            recursionQuad(x4, x5, x6, x7, m, a1, a2, state, 4);
            // 4. Hadamard mixing in place (natural-order fast transform; 1/√N is in the line gains)
            for (int span = 1; span < N; span <<= 1) {
                for (int i = 0; i < N; i += 2 * span) {
                    for (int j = i; j < i + span; j++) {
                        butterfly(x[j], x[j + span], m);
                    }
                }
            }
            // 5. output taps = rows 3 and 5 of the mixed lines; then the input joins the lines
            System.arraycopy(outL, start, ol, 0, m);
            System.arraycopy(outR, start, or, 0, m);
            for (int t = 0; t < m; t++) {
                ol[t] += tap * x3[t];
                or[t] += tap * x5[t];
            }
            System.arraycopy(ol, 0, outL, start, m);
            System.arraycopy(or, 0, outR, start, m);
            System.arraycopy(inL, offset + start, xl, 0, m);
            System.arraycopy(inR, offset + start, xr, 0, m);
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
     * {@code x[t] ← b0·x[t] + b1·x[t−1] + b2·x[t−2]} in place; {@code state[o], state[o + 1]}
     * carry x[t−1], x[t−2] across blocks. Shifted copies keep the loop in the vectorisable form.
     */
    private static void feedForward(double[] x, int m, double b0, double b1, double b2, double[] state, int o,
            double[] shift1, double[] shift2) {
        shift1[0] = state[o];
        shift2[0] = state[o + 1];
        if (m > 1) {
            shift2[1] = state[o];
            System.arraycopy(x, 0, shift1, 1, m - 1);
            System.arraycopy(x, 0, shift2, 2, m - 2);
            state[o + 1] = x[m - 2];
        } else {
            state[o + 1] = state[o];
        }
        state[o] = x[m - 1];
        for (int t = 0; t < m; t++) {
            x[t] = b0 * x[t] + b1 * shift1[t] + b2 * shift2[t];
        }
    }

    /**
     * {@code y[t] ← u[t] − a1·y[t−1] − a2·y[t−2]} in place on four lines at once, so four
     * recursions overlap; {@code state[4·line + 2], state[4·line + 3]} carry y[t−1], y[t−2].
     */
    private static void recursionQuad(double[] p, double[] q, double[] r, double[] s, int m,
            double[] a1, double[] a2, double[] state, int i) {
        final double pa1 = a1[i], pa2 = a2[i], qa1 = a1[i + 1], qa2 = a2[i + 1];
        final double ra1 = a1[i + 2], ra2 = a2[i + 2], sa1 = a1[i + 3], sa2 = a2[i + 3];
        final int o = 4 * i;
        double p1 = state[o + 2], p2 = state[o + 3];
        double q1 = state[o + 6], q2 = state[o + 7];
        double r1 = state[o + 10], r2 = state[o + 11];
        double s1 = state[o + 14], s2 = state[o + 15];
        for (int t = 0; t < m; t++) {
            double py = p[t] - pa2 * p2 - pa1 * p1;
            double qy = q[t] - qa2 * q2 - qa1 * q1;
            double ry = r[t] - ra2 * r2 - ra1 * r1;
            double sy = s[t] - sa2 * s2 - sa1 * s1;
            p2 = p1;
            p1 = py;
            q2 = q1;
            q1 = qy;
            r2 = r1;
            r1 = ry;
            s2 = s1;
            s1 = sy;
            p[t] = py;
            q[t] = qy;
            r[t] = ry;
            s[t] = sy;
        }
        state[o + 2] = p1;
        state[o + 3] = p2;
        state[o + 6] = q1;
        state[o + 7] = q2;
        state[o + 10] = r1;
        state[o + 11] = r2;
        state[o + 14] = s1;
        state[o + 15] = s2;
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
