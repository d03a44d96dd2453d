package org.unmixer.dsp.mod;

/**
 * Cheap, accurate replacements for {@link Math#pow}(2, x) and {@link Math#tan} where a device maps
 * an LFO value to filter coefficients once per control block (Phaser-Flanger evaluates both ~1400
 * times per second of audio and channel). Both are exact at 0 and within 1e-10 relative of the
 * {@code Math} functions on their stated domains (ControlMathTest), far below what the devices'
 * tests can resolve.
 */
public final class ControlMath {
    private static final double LN2 = Math.log(2);

    private ControlMath() {
    }

    /**
     * 2^x: 2^round(x) times the degree-9 Taylor polynomial of e^(f·ln 2), |f| ≤ ½ (relative error
     * below 1e-11). Exact at integers. For |x| ≤ 1000 (normal results).
     */
    public static double exp2(double x) {
        double whole = Math.rint(x);
        double f = (x - whole) * LN2;
        double p = 1 + f * (1 + f * (1.0 / 2 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120
                + f * (1.0 / 720 + f * (1.0 / 5040 + f * (1.0 / 40_320 + f / 362_880))))))));
        // 2^whole built from its exponent bits (Math.scalb is not intrinsified)
        return p * Double.longBitsToDouble(((long) whole + 1023) << 52);
    }

    /**
     * tan x for |x| ≤ 0.45π, from the eighth convergent of Lambert's continued fraction
     * tan x = x/(1 − x²/(3 − x²/(5 − …))), expanded into the rational function x·P(x²)/Q(x²)
     * below (relative error below 1e-10 on that domain; two short Horner chains and one division).
     */
    public static double tan(double x) {
        double y = x * x;
        double p = 2_027_025 + y * (-270_270 + y * (6_930 - 36 * y));
        double q = 2_027_025 + y * (-945_945 + y * (51_975 + y * (-630 + y)));
        return x * p / q;
    }
}
