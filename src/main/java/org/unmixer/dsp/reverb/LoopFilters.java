package org.unmixer.dsp.reverb;

import org.unmixer.dsp.filter.Biquad;

/**
 * First-order shelving filters for the damping inside a reverb loop, as {@link Biquad}s with
 * {@code b2 = a2 = 0} (scipy convention). First order because a loop filter must never boost nor
 * ring: its magnitude moves monotonically from one plateau to the other.
 *
 * <p>Analogue prototypes with the pole at the corner ω, so the damping <em>starts</em> at the
 * corner and leaves the band beyond it alone (the corner is "where the filter begins to act"):
 * low shelf {@code H(s) = (s + G·ω)/(s + ω)} (G at DC, 1 at Nyquist), high shelf
 * {@code H(s) = (G·s + ω)/(s + ω)} (1 at DC, G at Nyquist); both have gain √((1 + G²)/2) at the
 * corner. Bilinear transform with the corner pre-warped (k = tan(π·f/fs)).
 */
public final class LoopFilters {
    /** Corners are kept below this fraction of the sample rate so tan() stays finite. */
    private static final double MAX_CORNER_FRACTION = 0.49;

    private LoopFilters() {
    }

    /** First-order low shelf: linear gain {@code gain} at DC, 1 at Nyquist, pole at {@code hz}. */
    public static Biquad lowShelf(double gain, double hz, double sampleRate) {
        double k = prewarp(hz, sampleRate);
        return Biquad.of(1 + k * gain, k * gain - 1, 0, 1 + k, k - 1, 0);
    }

    /** First-order high shelf: 1 at DC, linear gain {@code gain} at Nyquist, pole at {@code hz}. */
    public static Biquad highShelf(double gain, double hz, double sampleRate) {
        double k = prewarp(hz, sampleRate);
        return Biquad.of(gain + k, k - gain, 0, 1 + k, k - 1, 0);
    }

    /** A first-order section scaled by a broadband gain. */
    public static Biquad scaled(Biquad b, double gain) {
        return new Biquad(b.b0() * gain, b.b1() * gain, b.b2() * gain, b.a1(), b.a2());
    }

    /**
     * Two first-order sections (b2 = a2 = 0) multiplied into one second-order section, so a loop
     * runs one recursion instead of two.
     */
    public static Biquad product(Biquad p, Biquad q) {
        if (p.b2() != 0 || p.a2() != 0 || q.b2() != 0 || q.a2() != 0) {
            throw new IllegalArgumentException("product() takes first-order sections");
        }
        return new Biquad(p.b0() * q.b0(), p.b0() * q.b1() + p.b1() * q.b0(), p.b1() * q.b1(),
                p.a1() + q.a1(), p.a1() * q.a1());
    }

    private static double prewarp(double hz, double sampleRate) {
        return Math.tan(Math.PI * Math.min(hz, MAX_CORNER_FRACTION * sampleRate) / sampleRate);
    }
}
