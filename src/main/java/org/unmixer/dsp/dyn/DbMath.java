package org.unmixer.dsp.dyn;

/**
 * Fast decibel conversions for control-rate gain computers, accurate to about 1e-6 dB (far below
 * anything audible or any tolerance we test), several times cheaper than {@code Math.log10} /
 * {@code Math.pow}. Both split the argument into a power of two and a mantissa polynomial.
 */
public final class DbMath {
    private static final double LN2 = Math.log(2);
    /** 10·log10(2): dB per octave of power. */
    private static final double DB_PER_POWER_OCTAVE = 10 * Math.log10(2);
    /** log2(10)/20: octaves of amplitude per dB. */
    private static final double OCTAVES_PER_DB = Math.log(10) / Math.log(2) / 20;
    private static final double SQRT2 = Math.sqrt(2);

    private DbMath() {
    }

    /**
     * 10·log10(power) for a positive, normal {@code power} (callers add a tiny floor such as 1e-30
     * before calling; subnormals and 0 are outside the contract).
     */
    public static double powerToDb(double power) {
        long bits = Double.doubleToRawLongBits(power);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > SQRT2) { // keep m in [√½, √2) so the series below converges fast
            m *= 0.5;
            exponent++;
        }
        // ln m = 2·atanh(t), t = (m − 1)/(m + 1), |t| < 0.1716
        double t = (m - 1) / (m + 1);
        double t2 = t * t;
        double ln = 2 * t * (1 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9 + t2 / 11)))));
        return DB_PER_POWER_OCTAVE * (exponent + ln / LN2);
    }

    /**
     * 10^(db/20) for db in ±6000 (±1000 octaves; beyond that the argument is clamped, where the
     * true result under/overflows anyway).
     */
    public static double dbToGain(double db) {
        double octaves = Math.max(-1000, Math.min(1000, db * OCTAVES_PER_DB));
        double whole = Math.rint(octaves);
        double u = (octaves - whole) * LN2; // |u| ≤ ln2/2
        // e^u by its Taylor series to u^9 (error < 1e-10 for |u| ≤ 0.347)
        double e = 1 + u * (1 + u * (1.0 / 2 + u * (1.0 / 6 + u * (1.0 / 24 + u * (1.0 / 120
                + u * (1.0 / 720 + u * (1.0 / 5040 + u * (1.0 / 40320 + u / 362880))))))));
        // 2^whole built from its exponent bits (whole is within ±1000, a normal double)
        return e * Double.longBitsToDouble(((long) whole + 1023) << 52);
    }
}
