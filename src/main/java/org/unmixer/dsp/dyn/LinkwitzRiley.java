package org.unmixer.dsp.dyn;

import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;

/**
 * Fourth-order Linkwitz–Riley (LR4) crossover designs: each side is two identical second-order
 * Butterworth sections (Q = 1/√2) at the crossover frequency, so both sides are −6.02 dB there and
 * LP4 + HP4 equals the second-order all-pass with Q = 1/√2 at the same frequency (analog algebra:
 * (s² + √2s + 1)(s² − √2s + 1) = s⁴ + 1; the RBJ designs are bilinear with the same pre-warp, so it
 * holds exactly in the digital domain too). dsp-reference.md §4.5.
 */
public final class LinkwitzRiley {
    private LinkwitzRiley() {
    }

    /** LR4 low-pass at {@code hz}: two Butterworth low-pass sections. */
    public static Biquad[] lowPass4(double hz, double sampleRate) {
        Biquad s = Biquads.lowPass(hz, Biquads.BUTTERWORTH_Q, sampleRate);
        return new Biquad[] {s, s};
    }

    /** LR4 high-pass at {@code hz}: two Butterworth high-pass sections. */
    public static Biquad[] highPass4(double hz, double sampleRate) {
        Biquad s = Biquads.highPass(hz, Biquads.BUTTERWORTH_Q, sampleRate);
        return new Biquad[] {s, s};
    }

    /** The all-pass that LP4 + HP4 at {@code hz} equals (second order, Q = 1/√2). */
    public static Biquad allPass(double hz, double sampleRate) {
        return Biquads.allPass(hz, Biquads.BUTTERWORTH_Q, sampleRate);
    }
}
