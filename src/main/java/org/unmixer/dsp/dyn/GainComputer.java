package org.unmixer.dsp.dyn;

/**
 * Static gain curve of one Multiband Dynamics band (dsp-reference.md §4.4): an "Above" processor
 * acting on levels over {@code aboveThresholdDb} and a "Below" processor acting under
 * {@code belowThresholdDb}, each with a slope (output dB per input dB).
 *
 * <p>Hard knee: y = T_a + s_a(x − T_a) above T_a, y = T_b + s_b(x − T_b) below T_b, y = x between.
 * Soft knee: the quadratic knee of Giannoulis, Massberg &amp; Reiss, "Digital Dynamic Range
 * Compressor Design — A Tutorial and Analysis", JAES 60(6), 2012, eq. (4), mirrored for the Below
 * side. The gain is Amount·(y − x) dB, i.e. Amount interpolates every slope toward 1 (Live manual
 * §26.26: "at 0 %, each compressor/expander has an effective ratio of 1").
 *
 * <p>Two guards keep silence and near-silence finite: the detector level is floored at
 * {@link #DETECTOR_FLOOR_DB}, and each side's boost is capped at {@link #BOOST_CAP_DB}. Live's
 * behaviour there is not documented; OTT's upward compression reaches about +30 dB at the floor.
 *
 * @param aboveThresholdDb T_a, dB
 * @param aboveSlope s_a = 1 + Above Ratio (0 = ∞:1 limiting, 1 = off, 2 = 1:2 upward expansion)
 * @param belowThresholdDb T_b, dB
 * @param belowSlope s_b = 1 − Below Ratio (0 = lift to T_b, 1 = off, 4 = 1:4 downward expansion)
 * @param kneeDb knee width W in dB, 0 for a hard knee
 * @param amount 0..1 scale of the gain in dB
 */
public record GainComputer(
        double aboveThresholdDb, double aboveSlope, double belowThresholdDb, double belowSlope,
        double kneeDb, double amount) {

    /** Levels below this are treated as this level (Live's threshold range ends at −80 dB). */
    public static final double DETECTOR_FLOOR_DB = -80;
    /** Largest boost one side may apply; OTT's upward side gives ≈ +29.8 dB at the floor. */
    public static final double BOOST_CAP_DB = 30;

    /** s_a for a Live "Above Ratio" value r ∈ [−1, 1]: s_a = 1 + r (−0.985 → 66.7:1). */
    public static double aboveSlope(double aboveRatio) {
        return 1 + aboveRatio;
    }

    /** s_b for a Live "Below Ratio" value r ∈ [−3, 1]: s_b = 1 − r (0.76 → 1:4.17 upward). */
    public static double belowSlope(double belowRatio) {
        return 1 - belowRatio;
    }

    /** Gain in dB of the Above processor for a detector level {@code levelDb}. */
    public double aboveGainDb(double levelDb) {
        double x = Math.max(levelDb, DETECTOR_FLOOR_DB);
        double d = x - aboveThresholdDb;
        double half = kneeDb / 2;
        double g;
        if (d <= -half) {
            g = 0;
        } else if (d >= half) {
            g = (aboveSlope - 1) * d;
        } else {
            double e = d + half;
            g = (aboveSlope - 1) * e * e / (2 * kneeDb);
        }
        return Math.min(amount * g, BOOST_CAP_DB);
    }

    /** Gain in dB of the Below processor for a detector level {@code levelDb}. */
    public double belowGainDb(double levelDb) {
        double x = Math.max(levelDb, DETECTOR_FLOOR_DB);
        double d = x - belowThresholdDb;
        double half = kneeDb / 2;
        double g;
        if (d >= half) {
            g = 0;
        } else if (d <= -half) {
            g = (belowSlope - 1) * d;
        } else {
            double e = d - half;
            g = -(belowSlope - 1) * e * e / (2 * kneeDb);
        }
        return Math.min(amount * g, BOOST_CAP_DB);
    }

    /** Total static gain in dB (Above + Below). */
    public double gainDb(double levelDb) {
        return aboveGainDb(levelDb) + belowGainDb(levelDb);
    }
}
