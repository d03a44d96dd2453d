package org.unmixer.dsp.dyn;

import org.unmixer.dsp.filter.Biquad;

/**
 * Splits one channel into low, mid and high bands with phase-matched LR4 crossovers
 * (dsp-reference.md §4.5): split at f1 into low and rest, split the rest at f2 into mid and high,
 * and pass the low band through the all-pass of the f2 crossover. Then every band has the same
 * phase history and low + mid + high = AP(f1)·AP(f2): flat in magnitude and an all-pass in phase.
 *
 * <p>Cost: LP4 + HP4 = AP (see {@link LinkwitzRiley}), so each high-pass side is computed as
 * AP − LP4, which needs one second-order section instead of two: seven sections per sample in all.
 * The filter memory lives in plain fields and is copied to locals for a block of samples.
 *
 * <p>Holds filter memory: one instance per channel and render.
 */
public final class ThreeBandSplitter {
    // coefficient sets (scipy convention, a0 = 1): LP at f1, AP at f1, LP at f2, AP at f2; a Butterworth
    // low-pass numerator is b0·(1, 2, 1), an all-pass numerator is (a2, a1, 1)
    private final double l1b0;
    private final double l1b0x2;
    private final double l1a1;
    private final double l1a2;
    private final double p1a1;
    private final double p1a2;
    private final double l2b0;
    private final double l2b0x2;
    private final double l2a1;
    private final double l2a2;
    private final double p2a1;
    private final double p2a2;
    // state: LP4(f1) = two sections, AP(f1), LP4(f2) = two sections, AP(f2) on the rest, AP(f2) on low
    private final double[] z = new double[14];

    /**
     * @param lowMidHz crossover between low and mid band, Hz
     * @param midHighHz crossover between mid and high band, Hz (Live keeps it above {@code lowMidHz};
     *     if not, the bands overlap but still sum to an all-pass)
     */
    public ThreeBandSplitter(double lowMidHz, double midHighHz, double sampleRate) {
        Biquad lp1 = LinkwitzRiley.lowPass4(lowMidHz, sampleRate)[0];
        Biquad ap1 = LinkwitzRiley.allPass(lowMidHz, sampleRate);
        Biquad lp2 = LinkwitzRiley.lowPass4(midHighHz, sampleRate)[0];
        Biquad ap2 = LinkwitzRiley.allPass(midHighHz, sampleRate);
        l1b0 = lp1.b0();
        l1b0x2 = 2 * l1b0;
        l1a1 = lp1.a1();
        l1a2 = lp1.a2();
        p1a1 = ap1.a1();
        p1a2 = ap1.a2();
        l2b0 = lp2.b0();
        l2b0x2 = 2 * l2b0;
        l2a1 = lp2.a1();
        l2a2 = lp2.a2();
        p2a1 = ap2.a1();
        p2a2 = ap2.a2();
    }

    /**
     * Splits {@code len} samples of {@code x} starting at {@code from} into {@code low}, {@code mid}
     * and {@code high} (indices 0..len−1), continuing from the previous call's state, and adds each
     * band's sum of squares over the block to {@code energy[0..2]} (a detector gets it for free).
     */
    public void process(float[] x, int from, int len, double[] low, double[] mid, double[] high, double[] energy) {
        double el = 0;
        double em = 0;
        double eh = 0;
        double a0 = z[0], a1 = z[1], b0 = z[2], b1 = z[3], c0 = z[4], c1 = z[5];
        double d0 = z[6], d1 = z[7], e0 = z[8], e1 = z[9], f0 = z[10], f1 = z[11], g0 = z[12], g1 = z[13];
        // Math.fma puts each y-dependent step in one instruction: the sections' recursions are the
        // loop's latency bound
        for (int i = 0; i < len; i++) {
            double in = x[from + i];
            // LP4 at f1 (Butterworth numerator b0·(1, 2, 1): one multiply for all three taps)
            double t = l1b0 * in;
            double y = t + a0;
            a0 = Math.fma(-l1a1, y, Math.fma(l1b0x2, in, a1));
            a1 = Math.fma(-l1a2, y, t);
            t = l1b0 * y;
            double lp = t + b0;
            b0 = Math.fma(-l1a1, lp, Math.fma(l1b0x2, y, b1));
            b1 = Math.fma(-l1a2, lp, t);
            // AP at f1 (numerator a2, a1, 1)
            double ap = Math.fma(p1a2, in, c0);
            c0 = Math.fma(p1a1, in - ap, c1);
            c1 = Math.fma(-p1a2, ap, in);
            double rest = ap - lp;
            // LP4 at f2 on the rest
            t = l2b0 * rest;
            y = t + d0;
            d0 = Math.fma(-l2a1, y, Math.fma(l2b0x2, rest, d1));
            d1 = Math.fma(-l2a2, y, t);
            t = l2b0 * y;
            double m = t + e0;
            e0 = Math.fma(-l2a1, m, Math.fma(l2b0x2, y, e1));
            e1 = Math.fma(-l2a2, m, t);
            // AP at f2 on the rest, and on the low band
            double apr = Math.fma(p2a2, rest, f0);
            f0 = Math.fma(p2a1, rest - apr, f1);
            f1 = Math.fma(-p2a2, apr, rest);
            double l = Math.fma(p2a2, lp, g0);
            g0 = Math.fma(p2a1, lp - l, g1);
            g1 = Math.fma(-p2a2, l, lp);
            double h = apr - m;
            low[i] = l;
            mid[i] = m;
            high[i] = h;
            el = Math.fma(l, l, el);
            em = Math.fma(m, m, em);
            eh = Math.fma(h, h, eh);
        }
        energy[0] += el;
        energy[1] += em;
        energy[2] += eh;
        z[0] = a0; z[1] = a1; z[2] = b0; z[3] = b1; z[4] = c0; z[5] = c1;
        z[6] = d0; z[7] = d1; z[8] = e0; z[9] = e1; z[10] = f0; z[11] = f1; z[12] = g0; z[13] = g1;
    }
}
