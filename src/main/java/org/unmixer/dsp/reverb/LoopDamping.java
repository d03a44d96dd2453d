package org.unmixer.dsp.reverb;

/**
 * How the decay of a reverb loop depends on frequency.
 *
 * @param t60Seconds broadband (mid-band) decay time, RT60 in seconds, &gt; 0
 * @param freeze loop gain exactly 1 (no broadband decay); the band filters still act unless
 *     {@code flat}, with the same per-pass gains as at {@code t60Seconds}, so frozen bands beyond
 *     the corners still fade
 * @param flat when frozen, bypass the band filters too (a perfectly lossless loop)
 * @param high damping of high frequencies
 * @param highHz corner of the high filter (Hz)
 * @param highRatio for {@link High#SHELF}: decay time above {@code highHz} as a fraction of
 *     {@code t60Seconds} (0 &lt; ratio ≤ 1)
 * @param lowShelf whether the low shelf acts
 * @param lowHz corner of the low shelf (Hz)
 * @param lowRatio decay time below {@code lowHz} as a fraction of {@code t60Seconds}
 */
public record LoopDamping(
        double t60Seconds, boolean freeze, boolean flat,
        High high, double highHz, double highRatio,
        boolean lowShelf, double lowHz, double lowRatio) {

    /** The kind of high-frequency loop filter. */
    public enum High { OFF, SHELF, LOW_PASS }

    public LoopDamping {
        if (!(t60Seconds > 0)) {
            throw new IllegalArgumentException("decay time must be positive, got " + t60Seconds);
        }
        if (high == High.SHELF && !(highRatio > 0 && highRatio <= 1)) {
            throw new IllegalArgumentException("high decay ratio must be in (0, 1], got " + highRatio);
        }
        if (lowShelf && !(lowRatio > 0 && lowRatio <= 1)) {
            throw new IllegalArgumentException("low decay ratio must be in (0, 1], got " + lowRatio);
        }
    }

    /** Broadband decay only: no band filters, not frozen. */
    public static LoopDamping broadband(double t60Seconds) {
        return new LoopDamping(t60Seconds, false, false, High.OFF, 1000, 1, false, 100, 1);
    }
}
