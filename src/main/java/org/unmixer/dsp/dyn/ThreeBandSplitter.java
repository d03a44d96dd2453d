package org.unmixer.dsp.dyn;

import org.unmixer.dsp.filter.Biquad;

/**
 * Splits one channel into low, mid and high bands with phase-matched LR4 crossovers
 * (dsp-reference.md §4.5): split at f1 into low and rest, split the rest at f2 into mid and high,
 * and pass the low band through the all-pass of the f2 crossover. Then every band has the same
 * phase history and low + mid + high = AP(f1)·AP(f2): flat in magnitude and an all-pass in phase.
 *
 * <p>Holds filter memory: one instance per channel and render.
 */
public final class ThreeBandSplitter {
    private final Sos lp1a;
    private final Sos lp1b;
    private final Sos hp1a;
    private final Sos hp1b;
    private final Sos lp2a;
    private final Sos lp2b;
    private final Sos hp2a;
    private final Sos hp2b;
    private final Sos ap2;
    private double low;
    private double mid;
    private double high;

    /**
     * @param lowMidHz crossover between low and mid band, Hz
     * @param midHighHz crossover between mid and high band, Hz (Live keeps it above {@code lowMidHz};
     *     if not, the bands overlap but still sum to an all-pass)
     */
    public ThreeBandSplitter(double lowMidHz, double midHighHz, double sampleRate) {
        Biquad[] lp1 = LinkwitzRiley.lowPass4(lowMidHz, sampleRate);
        Biquad[] hp1 = LinkwitzRiley.highPass4(lowMidHz, sampleRate);
        Biquad[] lp2 = LinkwitzRiley.lowPass4(midHighHz, sampleRate);
        Biquad[] hp2 = LinkwitzRiley.highPass4(midHighHz, sampleRate);
        lp1a = new Sos(lp1[0]);
        lp1b = new Sos(lp1[1]);
        hp1a = new Sos(hp1[0]);
        hp1b = new Sos(hp1[1]);
        lp2a = new Sos(lp2[0]);
        lp2b = new Sos(lp2[1]);
        hp2a = new Sos(hp2[0]);
        hp2b = new Sos(hp2[1]);
        ap2 = new Sos(LinkwitzRiley.allPass(midHighHz, sampleRate));
    }

    /** Splits one sample; read the bands with {@link #low()}, {@link #mid()}, {@link #high()}. */
    public void process(double x) {
        low = ap2.process(lp1b.process(lp1a.process(x)));
        double rest = hp1b.process(hp1a.process(x));
        mid = lp2b.process(lp2a.process(rest));
        high = hp2b.process(hp2a.process(rest));
    }

    public double low() {
        return low;
    }

    public double mid() {
        return mid;
    }

    public double high() {
        return high;
    }
}
