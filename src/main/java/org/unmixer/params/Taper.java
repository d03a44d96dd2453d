package org.unmixer.params;

/**
 * How a continuous parameter's display range is spread over normalised θ ∈ [0, 1].
 *
 * <ul>
 *   <li>{@code LIN}: display = min + θ·(max − min).</li>
 *   <li>{@code LOG}: geometric, display = min·(max/min)^θ; needs 0 &lt; min &lt; max (frequencies,
 *       times with a non-zero minimum, Reverb's Decay Time).</li>
 *   <li>{@code EXP}: display = min + (max − min)·(e^(cθ) − 1)/(e^c − 1) with curvature c &gt; 0;
 *       for ranges that start at 0 but want resolution near it (envelope attack 0…20 s).</li>
 * </ul>
 */
public enum Taper {
    LIN, LOG, EXP;

    /** Display value for θ; {@code curve} is used by {@link #EXP} only. */
    public double toDisplay(double theta, double min, double max, double curve) {
        return switch (this) {
            case LIN -> min + theta * (max - min);
            case LOG -> min * Math.pow(max / min, theta);
            case EXP -> min + (max - min) * Math.expm1(curve * theta) / Math.expm1(curve);
        };
    }

    /** Inverse of {@link #toDisplay}. */
    public double toNormalized(double display, double min, double max, double curve) {
        return switch (this) {
            case LIN -> (display - min) / (max - min);
            case LOG -> Math.log(display / min) / Math.log(max / min);
            case EXP -> Math.log1p((display - min) / (max - min) * Math.expm1(curve)) / curve;
        };
    }

    public static Taper parse(String name) {
        return switch (name) {
            case "lin" -> LIN;
            case "log" -> LOG;
            case "exp" -> EXP;
            default -> throw new IllegalArgumentException("unknown taper \"" + name + "\" (lin, log, exp)");
        };
    }
}
