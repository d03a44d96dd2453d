package org.unmixer.dsp.filter;

/**
 * Runs one {@link Svf} section over a signal, holding the two integrator states of one channel
 * (Simper's ic1eq, ic2eq). Create one per channel per render. Coefficients may be swapped between
 * samples ({@link #set}); the states carry over, which is what keeps modulated cutoffs click-free.
 */
public final class SvfFilter {
    private Svf c;
    private double ic1eq;
    private double ic2eq;

    public SvfFilter(Svf coefficients) {
        this.c = coefficients;
    }

    /** Replaces the coefficients, keeping the state. */
    public void set(Svf coefficients) {
        this.c = coefficients;
    }

    /** Filters one sample. */
    public double process(double v0) {
        double v3 = v0 - ic2eq;
        double v1 = c.a1() * ic1eq + c.a2() * v3;
        double v2 = ic2eq + c.a2() * ic1eq + c.a3() * v3;
        ic1eq = 2 * v1 - ic1eq;
        ic2eq = 2 * v2 - ic2eq;
        return c.m0() * v0 + c.m1() * v1 + c.m2() * v2;
    }

    /** Filters {@code x[from..to)} in place (the inner loop keeps coefficients and state in locals). */
    public void processInPlace(double[] x, int from, int to) {
        final double a1 = c.a1();
        final double a2 = c.a2();
        final double a3 = c.a3();
        final double m0 = c.m0();
        final double m1 = c.m1();
        final double m2 = c.m2();
        double s1 = ic1eq;
        double s2 = ic2eq;
        for (int i = from; i < to; i++) {
            double v0 = x[i];
            double v3 = v0 - s2;
            double v1 = a1 * s1 + a2 * v3;
            double v2 = s2 + a2 * s1 + a3 * v3;
            s1 = 2 * v1 - s1;
            s2 = 2 * v2 - s2;
            x[i] = m0 * v0 + m1 * v1 + m2 * v2;
        }
        ic1eq = s1;
        ic2eq = s2;
    }

    /** Convenience: a fresh filter over a whole signal, into a new array. */
    public static float[] apply(float[] input, Svf coefficients) {
        SvfFilter f = new SvfFilter(coefficients);
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = (float) f.process(input[i]);
        }
        return out;
    }
}
