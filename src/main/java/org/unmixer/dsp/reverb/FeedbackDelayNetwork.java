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
    /** Control block (samples) for the modulated delays, as Live's 32-sample modulation rate. */
    public static final int BLOCK = 32;

    private static final int N = FdnControls.LINES;
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
     * <p>Works a block at a time: no line is shorter than a block, so a block's reads never need
     * that block's writes. Reads and all-passes run per line, the loop filters run with the lines
     * interleaved (eight independent recursions), and output taps, Hadamard mixing and writes run
     * over the block, which the JIT can vectorise.
     */
    public static void render(double[] inL, double[] inR, FdnControls c, double sampleRate,
            double[] outL, double[] outR) {
        final int n = inL.length;
        final int len = c.bufferLength();
        final int mask = len - 1;
        final int apLen = c.allPassBufferLength();
        final int apMask = apLen - 1;
        final double[][] ring = new double[N][len];
        final double[][] apRing = new double[N][apLen];
        final int[] delay = c.delays();
        final int[] apDelay = c.allPassLengths();
        final double g = c.allPassGain();
        final double[] apScale = c.allPassLoopGains();
        final double[] b0 = new double[N];
        final double[] b1 = new double[N];
        final double[] b2 = new double[N];
        final double[] a1 = new double[N];
        final double[] a2 = new double[N];
        int shortest = Integer.MAX_VALUE;
        for (int i = 0; i < N; i++) {
            Biquad f = c.loopFilters()[i];
            b0[i] = f.b0();
            b1[i] = f.b1();
            b2[i] = f.b2();
            a1[i] = f.a1();
            a2[i] = f.a2();
            shortest = Math.min(shortest, delay[i]);
        }
        final int block = Math.min(BLOCK, shortest);
        final double[] z1 = new double[N];
        final double[] z2 = new double[N];
        final double[][] y = new double[N][block];
        final boolean modulated = c.modExcursion() > 0;
        final double excursion = c.modExcursion();
        final double phaseStep = 2 * Math.PI * c.modRateHz() / sampleRate;

        for (int start = 0; start < n; start += block) {
            final int m = Math.min(block, n - start);
            // 1. delay reads and the all-pass, line by line
            for (int i = 0; i < N; i++) {
                double[] r = ring[i];
                double[] a = apRing[i];
                double[] yi = y[i];
                double q = apScale[i];
                int md = apDelay[i];
                if (modulated) {
                    double phase = 2 * Math.PI * i / N;
                    double from = modulatedDelay(delay[i], excursion, phase + phaseStep * start);
                    double to = modulatedDelay(delay[i], excursion, phase + phaseStep * (start + m));
                    double step = (to - from) / m;
                    double pos = start + len - from; // ≥ 0, same index modulo len
                    for (int t = 0; t < m; t++) {
                        int i0 = (int) pos;
                        double fr = pos - i0;
                        double s0 = r[i0 & mask];
                        yi[t] = s0 + fr * (r[(i0 + 1) & mask] - s0);
                        pos += 1 - step;
                    }
                } else {
                    int from = start - delay[i];
                    for (int t = 0; t < m; t++) {
                        yi[t] = r[(from + t) & mask];
                    }
                }
                for (int t = 0; t < m; t++) {
                    int now = start + t;
                    double delayed = q * a[(now - md) & apMask];
                    double w = yi[t] + g * delayed;
                    a[now & apMask] = w;
                    yi[t] = delayed - g * w;
                }
            }
            // 2. loop filters (line gain and damping), eight recursions interleaved
            for (int t = 0; t < m; t++) {
                for (int i = 0; i < N; i++) {
                    double x = y[i][t];
                    double out = b0[i] * x + z1[i];
                    z1[i] = b1[i] * x - a1[i] * out + z2[i];
                    z2[i] = b2[i] * x - a2[i] * out;
                    y[i][t] = out;
                }
            }
            // 3. output taps, Hadamard mixing, writes with the input
            final double[] y0 = y[0];
            final double[] y1 = y[1];
            final double[] y2 = y[2];
            final double[] y3 = y[3];
            final double[] y4 = y[4];
            final double[] y5 = y[5];
            final double[] y6 = y[6];
            final double[] y7 = y[7];
            for (int t = 0; t < m; t++) {
                double v0 = y0[t];
                double v1 = y1[t];
                double v2 = y2[t];
                double v3 = y3[t];
                double v4 = y4[t];
                double v5 = y5[t];
                double v6 = y6[t];
                double v7 = y7[t];
                outL[start + t] = TAP * (v0 - v1 - v2 + v3 + v4 - v5 - v6 + v7);
                outR[start + t] = TAP * (v0 - v1 + v2 - v3 - v4 + v5 - v6 + v7);
                double p0 = v0 + v1;
                double p1 = v0 - v1;
                double p2 = v2 + v3;
                double p3 = v2 - v3;
                double p4 = v4 + v5;
                double p5 = v4 - v5;
                double p6 = v6 + v7;
                double p7 = v6 - v7;
                double q0 = p0 + p2;
                double q2 = p0 - p2;
                double q1 = p1 + p3;
                double q3 = p1 - p3;
                double q4 = p4 + p6;
                double q6 = p4 - p6;
                double q5 = p5 + p7;
                double q7 = p5 - p7;
                int w = (start + t) & mask;
                double xl = inL[start + t];
                double xr = inR[start + t];
                ring[0][w] = q0 + q4 + IN_GAIN[0] * xl;
                ring[1][w] = q1 + q5 + IN_GAIN[1] * xr;
                ring[2][w] = q2 + q6 + IN_GAIN[2] * xl;
                ring[3][w] = q3 + q7 + IN_GAIN[3] * xr;
                ring[4][w] = q0 - q4 + IN_GAIN[4] * xl;
                ring[5][w] = q1 - q5 + IN_GAIN[5] * xr;
                ring[6][w] = q2 - q6 + IN_GAIN[6] * xl;
                ring[7][w] = q3 - q7 + IN_GAIN[7] * xr;
            }
        }
    }

    /** Read delay of a modulated line: from d to d + 2·excursion, mean d + excursion. */
    static double modulatedDelay(int delay, double excursion, double phase) {
        return delay + excursion * (1 + Math.sin(phase));
    }
}
