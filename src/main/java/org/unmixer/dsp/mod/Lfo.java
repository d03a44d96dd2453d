package org.unmixer.dsp.mod;

/**
 * Low-frequency oscillator shapes as pure functions of phase (in cycles), so a render can evaluate
 * them at any control-block time without state and the same phase always gives the same value.
 * Values lie in [−1, 1]. Shapes follow the Phaser-Flanger LFO list (Live 12 manual; dsp-reference.md
 * §5.1); the exact curves of Live's "Triangle Analog" and "Random" are not documented, see the
 * notes on {@link Waveform}.
 */
public final class Lfo {
    /** RC time constant of "Triangle Analog" (a low-passed square), in periods [UNV]. */
    static final double ANALOG_TAU = 0.15;
    /** Largest |duty| used, so that neither half of the warped cycle shrinks to nothing. */
    static final double MAX_DUTY = 0.98;

    private Lfo() {
    }

    /** The waveforms, in the order of Live's "Mod Wave" items. */
    public enum Waveform {
        /** sin(2πp). */
        SINE,
        /** Rises from 0 at p = 0 to 1 at p = ¼, falls to −1 at p = ¾: in phase with the sine. */
        TRIANGLE,
        /** A square through a one-pole low-pass (time constant {@link #ANALOG_TAU} periods), normalised. */
        TRIANGLE_ANALOG,
        /** The triangle held over 8 steps per cycle. */
        TRIANGLE_8,
        /** The triangle held over 16 steps per cycle. */
        TRIANGLE_16,
        /** 2p − 1 per cycle. */
        SAW_UP,
        /** 1 − 2p per cycle. */
        SAW_DOWN,
        /** +1 for the first half cycle, −1 for the second. */
        RECTANGLE,
        /** Seeded random values at whole cycles, joined by cosine interpolation [UNV]. */
        RANDOM,
        /** Seeded random value held for each cycle. */
        RANDOM_SH
    }

    /**
     * LFO value at {@code phase} cycles.
     *
     * @param duty duty cycle −1..1: the first half of the cycle takes (1 + duty)/2 of it (0 = plain)
     * @param seed seed of the random shapes (the same seed and phase give the same value)
     */
    public static double value(Waveform w, double phase, double duty, long seed) {
        double cycle = Math.floor(phase);
        double p = warp(phase - cycle, duty);
        return switch (w) {
            case SINE -> Math.sin(2 * Math.PI * p);
            case TRIANGLE -> triangle(p);
            case TRIANGLE_ANALOG -> analogTriangle(p);
            case TRIANGLE_8 -> triangle(Math.floor(p * 8) / 8);
            case TRIANGLE_16 -> triangle(Math.floor(p * 16) / 16);
            case SAW_UP -> 2 * p - 1;
            case SAW_DOWN -> 1 - 2 * p;
            case RECTANGLE -> p < 0.5 ? 1 : -1;
            case RANDOM -> {
                long k = (long) cycle;
                double a = random(seed, k);
                double b = random(seed, k + 1);
                yield a + (b - a) * 0.5 * (1 - Math.cos(Math.PI * p));
            }
            case RANDOM_SH -> random(seed, (long) cycle);
        };
    }

    /** Phase warp of the duty cycle: maps [0, 1) onto itself with the midpoint moved to (1 + duty)/2. */
    static double warp(double p, double duty) {
        double mid = 0.5 * (1 + Math.max(-MAX_DUTY, Math.min(MAX_DUTY, duty)));
        return p < mid ? 0.5 * p / mid : 0.5 + 0.5 * (p - mid) / (1 - mid);
    }

    static double triangle(double p) {
        if (p < 0.25) {
            return 4 * p;
        }
        return p < 0.75 ? 2 - 4 * p : 4 * p - 4;
    }

    /**
     * Steady-state response of a one-pole low-pass to a ±1 square, divided by its peak so it spans
     * [−1, 1]; shifted to peak near the triangle's peak.
     */
    static double analogTriangle(double p) {
        double q = p + 0.25;
        q -= Math.floor(q);
        double peak = Math.tanh(0.25 / ANALOG_TAU);
        double half = q < 0.5 ? q : q - 0.5;
        double v = 1 - (1 + peak) * Math.exp(-half / ANALOG_TAU);
        return (q < 0.5 ? v : -v) / peak;
    }

    /** A uniform value in [−1, 1] for cycle {@code k} (SplitMix64 of seed and k). */
    static double random(long seed, long k) {
        long z = seed + k * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }
}
