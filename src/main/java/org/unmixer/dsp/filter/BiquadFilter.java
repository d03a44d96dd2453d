package org.unmixer.dsp.filter;

/**
 * Runs one or more cascaded {@link Biquad} sections over a signal (transposed direct form II, in
 * double precision). An instance holds the filter memory of one channel; create one per render and
 * channel.
 */
public final class BiquadFilter {
    private final Biquad[] sections;
    private final double[] z1;
    private final double[] z2;

    public BiquadFilter(Biquad... sections) {
        this.sections = sections.clone();
        this.z1 = new double[sections.length];
        this.z2 = new double[sections.length];
    }

    /** Filters one sample. */
    public double process(double x) {
        double y = x;
        for (int s = 0; s < sections.length; s++) {
            Biquad c = sections[s];
            double in = y;
            y = c.b0() * in + z1[s];
            z1[s] = c.b1() * in - c.a1() * y + z2[s];
            z2[s] = c.b2() * in - c.a2() * y;
        }
        return y;
    }

    /** Filters a whole signal into a new array. */
    public float[] process(float[] input) {
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = (float) process(input[i]);
        }
        return out;
    }

    /** Convenience: a fresh filter over a whole signal. */
    public static float[] apply(float[] input, Biquad... sections) {
        return new BiquadFilter(sections).process(input);
    }

    /** Product of the sections' magnitudes at {@code hz}. */
    public static double cascadeMagnitudeDb(double hz, double sampleRate, Biquad... sections) {
        double db = 0;
        for (Biquad s : sections) {
            db += s.magnitudeDb(hz, sampleRate);
        }
        return db;
    }
}
