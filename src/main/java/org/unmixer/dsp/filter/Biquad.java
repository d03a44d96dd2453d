package org.unmixer.dsp.filter;

/**
 * Coefficients of a second-order section, normalised so that a0 = 1, in the scipy/RBJ convention:
 * {@code b} is the numerator (feed-forward), {@code a} the denominator (feedback).
 *
 * <pre>H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)</pre>
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** The identity filter. */
    public static final Biquad IDENTITY = new Biquad(1, 0, 0, 0, 0);

    /** Builds from un-normalised RBJ coefficients (divides everything by a0). */
    public static Biquad of(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /** |H(e^{jω})| at frequency {@code hz}. */
    public double magnitude(double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = -(a1 * s1 + a2 * s2);
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** 20·log10 |H| at {@code hz}. */
    public double magnitudeDb(double hz, double sampleRate) {
        return 20 * Math.log10(magnitude(hz, sampleRate));
    }

    /** Phase of H(e^{jω}) in radians at {@code hz}. */
    public double phase(double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double nr = b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w);
        double ni = -(b1 * Math.sin(w) + b2 * Math.sin(2 * w));
        double dr = 1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
        double di = -(a1 * Math.sin(w) + a2 * Math.sin(2 * w));
        return Math.atan2(ni, nr) - Math.atan2(di, dr);
    }

    /** True when both poles lie strictly inside the unit circle. */
    public boolean isStable() {
        return Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2;
    }
}
