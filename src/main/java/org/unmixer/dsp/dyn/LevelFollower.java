package org.unmixer.dsp.dyn;

/**
 * Detector level follower with separate attack and release (dsp-reference.md §4.4): a one-pole
 * smoother of the detector's linear input, level ← x + α(level − x), α = exp(−step / (τ·fs)), with
 * τ = attack while the input is above the level (the level rises) and τ = release otherwise.
 *
 * <p>The input is the mean square of the band (RMS mode) or its magnitude (Peak mode); the gain
 * computer then maps the smoothed level to a gain statically. Smoothing the level in the linear
 * domain rather than the gain in dB is what real compressors do (Giannoulis, Massberg &amp; Reiss,
 * JAES 60(6), 2012, §3, "level-corrected" detectors; Zölzer, DAFX 2nd ed. §4.2.2): a step up from
 * silence moves a linear level by (1 − α) of the new value in the first step, i.e. to within
 * 10·log10(step / (τ·fs)) dB of it, so an upward (Below) boost that sat at its cap in silence vanishes
 * at once and only the downward (Above) stage lags by the attack time.
 */
public final class LevelFollower {
    private LevelFollower() {
    }

    /** α for a time constant {@code timeMs} when the level is updated every {@code stepSamples}. */
    public static double coefficient(double timeMs, int stepSamples, double sampleRate) {
        return Math.exp(-stepSamples / (timeMs * 1e-3 * sampleRate));
    }

    /** One step of {@code level} toward the detector input {@code input} (both linear, ≥ 0). */
    public static double step(double level, double input, double attackAlpha, double releaseAlpha) {
        double alpha = input > level ? attackAlpha : releaseAlpha;
        return input + alpha * (level - input);
    }
}
