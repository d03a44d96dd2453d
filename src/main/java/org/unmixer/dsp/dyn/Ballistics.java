package org.unmixer.dsp.dyn;

/**
 * One-pole smoothing of a gain in dB with separate attack and release (dsp-reference.md §4.4):
 * g ← g + (1 − α)(target − g), α = exp(−step / (τ·fs)). "Attack" applies while the gain moves
 * toward more action (a larger |gain|, whether cut or boost), "release" otherwise — matching Live's
 * manual: attack is the time to reach full action after crossing the threshold.
 */
public final class Ballistics {
    private Ballistics() {
    }

    /** α for a time constant {@code timeMs} when the gain is updated every {@code stepSamples}. */
    public static double coefficient(double timeMs, int stepSamples, double sampleRate) {
        return Math.exp(-stepSamples / (timeMs * 1e-3 * sampleRate));
    }

    /** One smoothing step of {@code currentDb} toward {@code targetDb}. */
    public static double step(double currentDb, double targetDb, double attackAlpha, double releaseAlpha) {
        double alpha = Math.abs(targetDb) > Math.abs(currentDb) ? attackAlpha : releaseAlpha;
        return targetDb + alpha * (currentDb - targetDb);
    }
}
