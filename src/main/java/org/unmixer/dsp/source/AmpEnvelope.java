package org.unmixer.dsp.source;

/**
 * Wavetable's amp envelope (ADSR with slopes, Loop Mode None), as a closed-form function of time.
 * dsp-reference §1.4: each segment goes from a to b over T as y = a + (b − a)·s(t/T) with
 * s(u) = (1 − e^(−c·u))/(1 − e^(−c)), s(u) = u for c = 0; c = {@link #SLOPE_CURVATURE}·slope, so a
 * positive slope is fast-then-slow, a negative one flat-then-fast, 0 a straight line. The curvature
 * scale and the times are [UNV]: Live does not document them. Release runs from the level reached
 * at note-off to 0 in the release time, whatever that level is.
 *
 * @param attackSeconds 0 … 20 s (0 = instant)
 * @param decaySeconds &gt; 0
 * @param sustainLevel linear gain 0 … 1
 * @param releaseSeconds &gt; 0
 * @param attackSlope −1 … 1
 * @param decaySlope −1 … 1
 * @param releaseSlope −1 … 1
 */
public record AmpEnvelope(double attackSeconds, double decaySeconds, double sustainLevel, double releaseSeconds,
        double attackSlope, double decaySlope, double releaseSlope) {

    /** Curvature c at slope ±1 (dsp-reference §1.4 suggests "[−8, 8] or so"); [UNV] against Live. */
    public static final double SLOPE_CURVATURE = 8;

    public AmpEnvelope {
        if (!(attackSeconds >= 0) || !(decaySeconds > 0) || !(releaseSeconds > 0)) {
            throw new IllegalArgumentException("envelope times: attack ≥ 0, decay and release > 0, got "
                    + attackSeconds + ", " + decaySeconds + ", " + releaseSeconds);
        }
        if (!(sustainLevel >= 0 && sustainLevel <= 1)) {
            throw new IllegalArgumentException("sustain level " + sustainLevel + " outside [0, 1]");
        }
        for (double s : new double[] {attackSlope, decaySlope, releaseSlope}) {
            if (!(s >= -1 && s <= 1)) {
                throw new IllegalArgumentException("envelope slope " + s + " outside [−1, 1]");
            }
        }
    }

    /** Segment shape s(u) for u ∈ [0, 1] and curvature c: (1 − e^(−c·u))/(1 − e^(−c)), or u when c = 0. */
    public static double shape(double u, double curvature) {
        if (Math.abs(curvature) < 1e-9) {
            return u;
        }
        return Math.expm1(-curvature * u) / Math.expm1(-curvature);
    }

    /** Level at {@code seconds} after note-on while the key is held (attack, decay, sustain). */
    public double heldLevel(double seconds) {
        if (seconds < 0) {
            return 0;
        }
        if (seconds < attackSeconds) {
            return shape(seconds / attackSeconds, SLOPE_CURVATURE * attackSlope);
        }
        double t = seconds - attackSeconds;
        if (t < decaySeconds) {
            return 1 + (sustainLevel - 1) * shape(t / decaySeconds, SLOPE_CURVATURE * decaySlope);
        }
        return sustainLevel;
    }

    /** Level at {@code seconds} after note-on for a key released at {@code gateSeconds}. */
    public double level(double seconds, double gateSeconds) {
        if (seconds < gateSeconds) {
            return heldLevel(seconds);
        }
        double start = heldLevel(gateSeconds);
        double u = (seconds - gateSeconds) / releaseSeconds;
        if (u >= 1) {
            return 0;
        }
        return start * (1 - shape(u, SLOPE_CURVATURE * releaseSlope));
    }
}
