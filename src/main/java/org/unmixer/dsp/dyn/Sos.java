package org.unmixer.dsp.dyn;

import org.unmixer.dsp.filter.Biquad;

/**
 * One second-order section with its own memory (transposed direct form II, double precision), kept
 * as plain fields so that hot loops over a few cascaded sections stay allocation-free and inline.
 * Coefficients follow {@link Biquad}'s scipy convention (b numerator, a denominator, a0 = 1).
 * Create one per channel and render.
 */
public final class Sos {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double z1;
    private double z2;

    public Sos(Biquad c) {
        this.b0 = c.b0();
        this.b1 = c.b1();
        this.b2 = c.b2();
        this.a1 = c.a1();
        this.a2 = c.a2();
    }

    /** Filters one sample. */
    public double process(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
}
