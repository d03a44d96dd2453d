package org.unmixer.audio.spectral;

/**
 * Log-mel L1: mean over frames and bands of {@code |logmel(estimate) − logmel(target)|} (natural-log
 * units, so 1.0 ≈ 4.3 dB of average band-power error), on mono signals of equal length at the
 * log-mel configuration's rate.
 */
public final class LogMelDistance {
    private final LogMel logMel;

    public LogMelDistance(LogMel.Config config) {
        this.logMel = new LogMel(config);
    }

    /** With {@link LogMel.Config#DEFAULT} (44.1 kHz, 128 mels). */
    public static LogMelDistance standard() {
        return new LogMelDistance(LogMel.Config.DEFAULT);
    }

    public LogMel.Config config() {
        return logMel.config();
    }

    /** Distance between two mono signals of equal length. */
    public double distance(float[] estimate, float[] target) {
        requireSameLength(estimate, target);
        return FrameDistances.meanAbsolute(logMel.compute(estimate), logMel.compute(target));
    }

    static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length + " samples");
        }
    }
}
