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
    // coefficient sets (scipy convention, a0 = 1): LP at f1, AP at f1, LP at f2, AP at f2
    private final double l1b0;
    private final double l1b1;
    private final double l1b2;
    private final double l1a1;
    private final double l1a2;
    private final double p1a1;
    private final double p1a2;
    private final double l2b0;
    private final double l2b1;
    private final double l2b2;
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
        l1b1 = lp1.b1();
        l1b2 = lp1.b2();
        l1a1 = lp1.a1();
        l1a2 = lp1.a2();
        p1a1 = ap1.a1();
        p1a2 = ap1.a2();
        l2b0 = lp2.b0();
        l2b1 = lp2.b1();
        l2b2 = lp2.b2();
        l2a1 = lp2.a1();
        l2a2 = lp2.a2();
        p2a1 = ap2.a1();
        p2a2 = ap2.a2();
    }

    /**
     * Splits {@code len} samples of {@code x} starting at {@code from} into {@code low}, {@code mid}
     * and {@code high} (indices 0..len−1), continuing from the previous call's state.
     */
    public void process(float[] x, int from, int len, double[] low, double[] mid, double[] high) {
        double a0 = z[0], a1 = z[1], b0 = z[2], b1 = z[3], c0 = z[4], c1 = z[5];
        double d0 = z[6], d1 = z[7], e0 = z[8], e1 = z[9], f0 = z[10], f1 = z[11], g0 = z[12], g1 = z[13];
        for (int i = 0; i < len; i++) {
            double in = x[from + i];
            // LP4 at f1
            double y = l1b0 * in + a0;
            a0 = l1b1 * in - l1a1 * y + a1;
            a1 = l1b2 * in - l1a2 * y;
            double lp = l1b0 * y + b0;
            b0 = l1b1 * y - l1a1 * lp + b1;
            b1 = l1b2 * y - l1a2 * lp;
            // AP at f1 (b0 = a2, b1 = a1, b2 = 1)
            double ap = p1a2 * in + c0;
            c0 = p1a1 * in - p1a1 * ap + c1;
            c1 = in - p1a2 * ap;
            double rest = ap - lp;
            // LP4 at f2 on the rest
            y = l2b0 * rest + d0;
            d0 = l2b1 * rest - l2a1 * y + d1;
            d1 = l2b2 * rest - l2a2 * y;
            double m = l2b0 * y + e0;
            e0 = l2b1 * y - l2a1 * m + e1;
            e1 = l2b2 * y - l2a2 * m;
            // AP at f2 on the rest, and on the low band
            double apr = p2a2 * rest + f0;
            f0 = p2a1 * rest - p2a1 * apr + f1;
            f1 = rest - p2a2 * apr;
            double l = p2a2 * lp + g0;
            g0 = p2a1 * lp - p2a1 * l + g1;
            g1 = lp - p2a2 * l;
            low[i] = l;
            mid[i] = m;
            high[i] = apr - m;
        }
        z[0] = a0; z[1] = a1; z[2] = b0; z[3] = b1; z[4] = c0; z[5] = c1;
        z[6] = d0; z[7] = d1; z[8] = e0; z[9] = e1; z[10] = f0; z[11] = f1; z[12] = g0; z[13] = g1;
    }
}
