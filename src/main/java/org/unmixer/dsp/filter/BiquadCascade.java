package org.unmixer.dsp.filter;

import java.util.List;

/**
 * Runs a cascade of {@link Biquad} sections over whole signals in place, in double precision
 * (same transfer function as {@link org.unmixer.dsp.filter.BiquadFilter}; the structure differs for
 * speed, so results agree to rounding, not bit for bit).
 *
 * <p>One channel: transposed direct form II with all sections advancing together sample by sample,
 * so the recursions of different sections overlap in the CPU pipeline. Two channels: direct form
 * I, section by section over cache-sized blocks, both channels in one loop. Filter memory is local to the call (starts at
 * zero), so the function is pure apart from writing {@code x}.
 */
public final class BiquadCascade {
    private BiquadCascade() {
    }

    /** Filters {@code x[0..n)} in place through {@code sections} in order. */
    public static void filterInPlace(double[] x, int n, List<Biquad> sections) {
        int s = sections.size();
        if (s == 0) {
            return;
        }
        double[][] k = coefficients(sections);
        double[] b0 = k[0];
        double[] b1 = k[1];
        double[] b2 = k[2];
        double[] a1 = k[3];
        double[] a2 = k[4];
        double[] z1 = new double[s];
        double[] z2 = new double[s];
        for (int i = 0; i < n; i++) {
            double y = x[i];
            for (int j = 0; j < s; j++) {
                double in = y;
                y = b0[j] * in + z1[j];
                z1[j] = b1[j] * in - a1[j] * y + z2[j];
                z2[j] = b2[j] * in - a2[j] * y;
            }
            x[i] = y;
        }
    }

    /**
     * Filters every channel {@code xs[c][0..n)} in place through the same sections, each channel
     * with its own memory. Two channels run in one loop, so their independent recursions overlap
     * (about twice the throughput of one channel after the other).
     */
    public static void filterInPlace(double[][] xs, int n, List<Biquad> sections) {
        int s = sections.size();
        if (s == 0) {
            return;
        }
        int c = 0;
        for (; c + 1 < xs.length; c += 2) {
            filterPair(xs[c], xs[c + 1], n, sections);
        }
        if (c < xs.length) {
            filterInPlace(xs[c], n, sections);
        }
    }

    /** Samples per block of {@link #filterPair}: two channels of doubles stay in L1 cache. */
    private static final int BLOCK = 1024;

    /**
     * Two channels through the cascade, block by block, in direct form I:
     * y = (b0·x + b1·x₁ + b2·x₂ − a2·y₂) − a1·y₁ keeps one multiply-add on the feedback path. Two
     * sections per pass over the block (the second reads the first's output straight from
     * registers), both channels side by side, coefficients and state in locals.
     */
    private static void filterPair(double[] x, double[] w, int n, List<Biquad> sections) {
        int s = sections.size();
        double[] state = new double[8 * s]; // per section: x1, x2, y1, y2 of each channel
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            int j = 0;
            for (; j + 1 < s; j += 2) {
                twoSections(x, w, start, end, sections.get(j), sections.get(j + 1), state, 8 * j);
            }
            if (j < s) {
                oneSection(x, w, start, end, sections.get(j), state, 8 * j);
            }
        }
    }

    private static void oneSection(double[] x, double[] w, int start, int end, Biquad q, double[] state, int o) {
        double b0 = q.b0();
        double b1 = q.b1();
        double b2 = q.b2();
        double a1 = q.a1();
        double a2 = q.a2();
        double px1 = state[o];
        double px2 = state[o + 1];
        double py1 = state[o + 2];
        double py2 = state[o + 3];
        double qx1 = state[o + 4];
        double qx2 = state[o + 5];
        double qy1 = state[o + 6];
        double qy2 = state[o + 7];
        for (int i = start; i < end; i++) {
            double px = x[i];
            double qx = w[i];
            double py = (b0 * px + b1 * px1 + b2 * px2 - a2 * py2) - a1 * py1;
            double qy = (b0 * qx + b1 * qx1 + b2 * qx2 - a2 * qy2) - a1 * qy1;
            px2 = px1;
            px1 = px;
            py2 = py1;
            py1 = py;
            qx2 = qx1;
            qx1 = qx;
            qy2 = qy1;
            qy1 = qy;
            x[i] = py;
            w[i] = qy;
        }
        state[o] = px1;
        state[o + 1] = px2;
        state[o + 2] = py1;
        state[o + 3] = py2;
        state[o + 4] = qx1;
        state[o + 5] = qx2;
        state[o + 6] = qy1;
        state[o + 7] = qy2;
    }

    /** Sections f then g over one block; g's input history is f's output history (y₁, y₂). */
    private static void twoSections(double[] x, double[] w, int start, int end, Biquad f, Biquad g, double[] state,
            int o) {
        double fb0 = f.b0();
        double fb1 = f.b1();
        double fb2 = f.b2();
        double fa1 = f.a1();
        double fa2 = f.a2();
        double gb0 = g.b0();
        double gb1 = g.b1();
        double gb2 = g.b2();
        double ga1 = g.a1();
        double ga2 = g.a2();
        double px1 = state[o];
        double px2 = state[o + 1];
        double py1 = state[o + 2];
        double py2 = state[o + 3];
        double qx1 = state[o + 4];
        double qx2 = state[o + 5];
        double qy1 = state[o + 6];
        double qy2 = state[o + 7];
        double pz1 = state[o + 10];
        double pz2 = state[o + 11];
        double qz1 = state[o + 14];
        double qz2 = state[o + 15];
        for (int i = start; i < end; i++) {
            double px = x[i];
            double qx = w[i];
            double py = (fb0 * px + fb1 * px1 + fb2 * px2 - fa2 * py2) - fa1 * py1;
            double qy = (fb0 * qx + fb1 * qx1 + fb2 * qx2 - fa2 * qy2) - fa1 * qy1;
            double pz = (gb0 * py + gb1 * py1 + gb2 * py2 - ga2 * pz2) - ga1 * pz1;
            double qz = (gb0 * qy + gb1 * qy1 + gb2 * qy2 - ga2 * qz2) - ga1 * qz1;
            px2 = px1;
            px1 = px;
            py2 = py1;
            py1 = py;
            pz2 = pz1;
            pz1 = pz;
            qx2 = qx1;
            qx1 = qx;
            qy2 = qy1;
            qy1 = qy;
            qz2 = qz1;
            qz1 = qz;
            x[i] = pz;
            w[i] = qz;
        }
        state[o] = px1;
        state[o + 1] = px2;
        state[o + 2] = py1;
        state[o + 3] = py2;
        state[o + 4] = qx1;
        state[o + 5] = qx2;
        state[o + 6] = qy1;
        state[o + 7] = qy2;
        // the second section's input history is the first's output history: store it in its slot
        state[o + 8] = py1;
        state[o + 9] = py2;
        state[o + 10] = pz1;
        state[o + 11] = pz2;
        state[o + 12] = qy1;
        state[o + 13] = qy2;
        state[o + 14] = qz1;
        state[o + 15] = qz2;
    }

    /** {b0, b1, b2, a1, a2} arrays of the sections. */
    private static double[][] coefficients(List<Biquad> sections) {
        int s = sections.size();
        double[][] k = new double[5][s];
        for (int j = 0; j < s; j++) {
            Biquad q = sections.get(j);
            k[0][j] = q.b0();
            k[1][j] = q.b1();
            k[2][j] = q.b2();
            k[3][j] = q.a1();
            k[4][j] = q.a2();
        }
        return k;
    }

    /** The exact inverse 1/H of a section (numerator and denominator swapped, renormalised). */
    public static Biquad inverse(Biquad q) {
        return Biquad.of(1, q.a1(), q.a2(), q.b0(), q.b1(), q.b2());
    }
}
