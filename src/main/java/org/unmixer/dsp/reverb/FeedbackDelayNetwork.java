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
 * sub-block of {@link #holdBlock} samples ({@link #BLOCK} at the fastest, deepest Chorus).
 */
public final class FeedbackDelayNetwork {
    /** Control block (samples) for modulated delays elsewhere (early reflections), as Live's 32. */
    public static final int BLOCK = 32;
    /** Longest processing block of the network (samples); longer blocks amortise ring copies. */
    public static final int MAX_BLOCK = 128;
    /**
     * Largest jump (samples) of a held modulated delay from one hold to the next: what Chorus's
     * extremes give with 32-sample holds, 2π·8 Hz·4·32/44100 ≈ 0.15 sample.
     */
    static final double MAX_HOLD_STEP = 0.15;

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
     * two-tap recursions run sample by sample, all eight lines interleaved (C2 vectorises no loop
     * whose arrays are indexed with different offsets, not even t and t + 1). The chorus modulation is
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
        final double[] older = new double[block];
        final double[] newer = new double[block];
        final double[] olderW = new double[block];
        final double[] newerW = new double[block];
        final double[] xl = new double[block];
        final double[] xr = new double[block];
        final double[] ol = new double[block];
        final double[] or = new double[block];
        final double[] w = new double[block];
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
        final double[] x3 = x[3], x5 = x[5];

        final int hold = holdBlock(excursion, c.modRateHz(), sampleRate, block);

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
                    // the delay holds for each sub-block of `hold` samples, at its value mid-way;
                    // the two neighbours of each read are staged in `older`/`newer` with their
                    // weights in `olderW`/`newerW`, so the interpolation is one same-index loop
                    double fr = 0;
                    for (int sb = 0; sb < m; sb += hold) {
                        int count = Math.min(hold, m - sb);
                        double d = from + (to - from) * (sb + 0.5 * hold) / block;
                        int whole = (int) Math.ceil(d);
                        fr = whole - d;
                        copyFromRing(r, (start + sb - whole) & mask, older, sb, count);
                        copyFromRing(r, (start + sb - whole + 1) & mask, newer, sb, count);
                        if (hold < m) {
                            java.util.Arrays.fill(olderW, sb, sb + count, 1 - fr);
                            java.util.Arrays.fill(newerW, sb, sb + count, fr);
                        }
                    }
                    if (hold < m) {
                        for (int t = 0; t < m; t++) {
                            xi[t] = olderW[t] * older[t] + newerW[t] * newer[t];
                        }
                    } else { // one sub-block: the weights are scalars
                        double wOld = 1 - fr;
                        for (int t = 0; t < m; t++) {
                            xi[t] = wOld * older[t] + fr * newer[t];
                        }
                    }
                } else {
                    copyFromRing(r, (start - delay[i]) & mask, xi, 0, m);
                }
                // 2. all-pass (−g + q·z^−M)/(1 − g·q·z^−M), q = γ^M
                double[] a = apRing[i];
                double q = apScale[i];
                int md = apDelay[i];
                if (md >= m) {
                    copyFromRing(a, (start - md) & apMask, delayed, 0, m);
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
            //    eight recursions interleaved
            for (int i = 0; i < N; i++) {
                feedForward(x[i], m, b0[i], b1[i], b2[i], state, 4 * i, shift1, shift2);
            }
            recursions(x, m, a1, a2, state);
            // 4. Hadamard mixing in place (natural-order fast transform; 1/√N is in the line gains)
            for (int span = 1; span < N; span <<= 1) {
                for (int i = 0; i < N; i += 2 * span) {
                    for (int j = i; j < i + span; j++) {
                        butterfly(x[j], x[j + span], m);
                    }
                }
            }
            // 5. output taps = rows 3 and 5 of the mixed lines; then the input joins the lines.
            //    Every loop indexes its arrays alike (staging copies), the form C2 vectorises.
            System.arraycopy(outL, start, ol, 0, m);
            System.arraycopy(outR, start, or, 0, m);
            addScaled(ol, x3, tap, m);
            addScaled(or, x5, tap, m);
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

    /**
     * Samples for which a modulated read holds its delay: the longest power of two from
     * {@link #BLOCK} up to {@code block} over which the delay (slope at most 2π·rate·excursion/fs
     * samples per sample) moves by at most {@link #MAX_HOLD_STEP}; Chorus at its extremes gets 32.
     */
    static int holdBlock(double excursion, double rateHz, double sampleRate, int block) {
        double slope = 2 * Math.PI * rateHz * excursion / sampleRate;
        int hold = Math.min(BLOCK, block);
        while (hold < block && 2 * hold * slope <= MAX_HOLD_STEP) {
            hold *= 2;
        }
        return hold;
    }

    /** {@code y += k·x}. */
    private static void addScaled(double[] y, double[] x, double k, int m) {
        for (int t = 0; t < m; t++) {
            y[t] += k * x[t];
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
     * {@code y[t] ← u[t] − a1·y[t−1] − a2·y[t−2]} in place on all eight lines at once, so eight
     * recursions overlap; {@code state[4·line + 2], state[4·line + 3]} carry y[t−1], y[t−2].
     */
    private static void recursions(double[][] x, int m, double[] a1, double[] a2, double[] state) {
        final double[] u0 = x[0], u1 = x[1], u2 = x[2], u3 = x[3], u4 = x[4], u5 = x[5], u6 = x[6], u7 = x[7];
        final double c0 = a1[0], c1 = a1[1], c2 = a1[2], c3 = a1[3], c4 = a1[4], c5 = a1[5], c6 = a1[6], c7 = a1[7];
        final double e0 = a2[0], e1 = a2[1], e2 = a2[2], e3 = a2[3], e4 = a2[4], e5 = a2[5], e6 = a2[6], e7 = a2[7];
        double p0 = state[2], q0 = state[3], p1 = state[6], q1 = state[7];
        double p2 = state[10], q2 = state[11], p3 = state[14], q3 = state[15];
        double p4 = state[18], q4 = state[19], p5 = state[22], q5 = state[23];
        double p6 = state[26], q6 = state[27], p7 = state[30], q7 = state[31];
        for (int t = 0; t < m; t++) {
            double y0 = u0[t] - e0 * q0 - c0 * p0;
            double y1 = u1[t] - e1 * q1 - c1 * p1;
            double y2 = u2[t] - e2 * q2 - c2 * p2;
            double y3 = u3[t] - e3 * q3 - c3 * p3;
            double y4 = u4[t] - e4 * q4 - c4 * p4;
            double y5 = u5[t] - e5 * q5 - c5 * p5;
            double y6 = u6[t] - e6 * q6 - c6 * p6;
            double y7 = u7[t] - e7 * q7 - c7 * p7;
            q0 = p0;
            p0 = y0;
            q1 = p1;
            p1 = y1;
            q2 = p2;
            p2 = y2;
            q3 = p3;
            p3 = y3;
            q4 = p4;
            p4 = y4;
            q5 = p5;
            p5 = y5;
            q6 = p6;
            p6 = y6;
            q7 = p7;
            p7 = y7;
            u0[t] = y0;
            u1[t] = y1;
            u2[t] = y2;
            u3[t] = y3;
            u4[t] = y4;
            u5[t] = y5;
            u6[t] = y6;
            u7[t] = y7;
        }
        state[2] = p0;
        state[3] = q0;
        state[6] = p1;
        state[7] = q1;
        state[10] = p2;
        state[11] = q2;
        state[14] = p3;
        state[15] = q3;
        state[18] = p4;
        state[19] = q4;
        state[22] = p5;
        state[23] = q5;
        state[26] = p6;
        state[27] = q6;
        state[30] = p7;
        state[31] = q7;
    }

    /**
     * Copies {@code count} samples of a ring starting at {@code from} (wrapping) into
     * {@code dst[at ..]}.
     */
    private static void copyFromRing(double[] ring, int from, double[] dst, int at, int count) {
        int first = Math.min(count, ring.length - from);
        System.arraycopy(ring, from, dst, at, first);
        if (first < count) {
            System.arraycopy(ring, 0, dst, at + first, count - first);
        }
    }

}
