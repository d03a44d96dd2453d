package org.unmixer.dsp.filter;

/**
 * Second-order filter designs from Robert Bristow-Johnson's "Audio EQ Cookbook" (bilinear transform
 * with pre-warped centre frequency). Frequencies in Hz, gains in dB, Q as the cookbook defines it.
 */
public final class Biquads {
    /** Q of a second-order Butterworth section, 1/√2. */
    public static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private Biquads() {
    }

    public static Biquad lowPass(double hz, double q, double sampleRate) {
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return Biquad.of((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad highPass(double hz, double q, double sampleRate) {
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return Biquad.of((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Band-pass with 0 dB peak gain. */
    public static Biquad bandPass(double hz, double q, double sampleRate) {
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return Biquad.of(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad notch(double hz, double q, double sampleRate) {
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return Biquad.of(1, -2 * cos, 1, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static Biquad allPass(double hz, double q, double sampleRate) {
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return Biquad.of(1 - alpha, -2 * cos, 1 + alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Peaking (bell) EQ. */
    public static Biquad peak(double gainDb, double hz, double q, double sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return Biquad.of(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    public static Biquad lowShelf(double gainDb, double hz, double q, double sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double s = 2 * Math.sqrt(a) * alpha;
        return Biquad.of(
                a * ((a + 1) - (a - 1) * cos + s),
                2 * a * ((a - 1) - (a + 1) * cos),
                a * ((a + 1) - (a - 1) * cos - s),
                (a + 1) + (a - 1) * cos + s,
                -2 * ((a - 1) + (a + 1) * cos),
                (a + 1) + (a - 1) * cos - s);
    }

    public static Biquad highShelf(double gainDb, double hz, double q, double sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = omega(hz, sampleRate);
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double s = 2 * Math.sqrt(a) * alpha;
        return Biquad.of(
                a * ((a + 1) + (a - 1) * cos + s),
                -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - s),
                (a + 1) - (a - 1) * cos + s,
                2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - s);
    }

    /** First-order low-pass (bilinear, pre-warped) as a biquad with b2 = a2 = 0. */
    public static Biquad onePoleLowPass(double hz, double sampleRate) {
        double k = Math.tan(Math.PI * Math.min(hz, 0.499 * sampleRate) / sampleRate);
        return Biquad.of(k, k, 0, 1 + k, k - 1, 0);
    }

    /** First-order high-pass (bilinear, pre-warped) as a biquad with b2 = a2 = 0. */
    public static Biquad onePoleHighPass(double hz, double sampleRate) {
        double k = Math.tan(Math.PI * Math.min(hz, 0.499 * sampleRate) / sampleRate);
        return Biquad.of(1, -1, 0, 1 + k, k - 1, 0);
    }

    /** w0 = 2π·f/fs, with f kept just below Nyquist so designs stay finite. */
    private static double omega(double hz, double sampleRate) {
        double f = Math.min(Math.max(hz, 1e-3), 0.4999 * sampleRate);
        return 2 * Math.PI * f / sampleRate;
    }
}
