package org.unmixer.audio.spectral;

/**
 * The natural logarithm of a positive normal double, about three times faster than
 * {@link Math#log} and within a few units in the last place of it: the MR-STFT distance takes a
 * million logarithms per evaluation, and ITF evaluates it at every step.
 *
 * <p>x = m·2^e with m in [1, 2); the top 8 bits of m pick c, the centre of m's 1/256-wide cell, whose
 * logarithm and reciprocal are tabulated. Then r = (m − c)/c (m − c is exact), |r| ≤ 1/513, and
 * ln x = e·ln 2 + ln c + ln(1 + r), the last from its Taylor series to r⁶ (the next term is below
 * 10⁻¹⁹).
 */
public final class FastLog {
    private static final int TABLE_BITS = 8;
    private static final int CELLS = 1 << TABLE_BITS;
    private static final int SHIFT = 52 - TABLE_BITS;
    private static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE_EXPONENT = 0x3FF0_0000_0000_0000L;
    private static final double LN2 = Math.log(2.0);
    private static final double[] CENTRE = new double[CELLS];
    private static final double[] INVERSE = new double[CELLS];
    private static final double[] LOG = new double[CELLS];

    static {
        for (int i = 0; i < CELLS; i++) {
            double c = 1.0 + (i + 0.5) / CELLS;
            CENTRE[i] = c;
            INVERSE[i] = 1.0 / c;
            LOG[i] = Math.log(c);
        }
    }

    private FastLog() {
    }

    /** ln x for a positive, finite, normal x (the caller's guarantee: here always |X| + ε). */
    public static double ln(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) - 1023;
        int cell = (int) ((bits & MANTISSA) >>> SHIFT);
        double m = Double.longBitsToDouble((bits & MANTISSA) | ONE_EXPONENT);
        double r = (m - CENTRE[cell]) * INVERSE[cell];
        // ln(1 + r) = r − r²/2 + r³/3 − r⁴/4 + r⁵/5 − r⁶/6, in Horner form.
        double series = r * (1.0 + r * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * (0.2 + r * (-1.0 / 6))))));
        return exponent * LN2 + LOG[cell] + series;
    }
}
