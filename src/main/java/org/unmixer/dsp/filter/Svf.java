package org.unmixer.dsp.filter;

/**
 * Coefficients of Andrew Simper's (Cytomic) trapezoidal-integrated state-variable filter, "Clean"
 * circuit of Live's Wavetable and the filter of EQ Eight (dsp-reference §1.3; Simper,
 * "SvfLinearTrapOptimised2.pdf"; as in {@code surge-synthesizer/sst-filters} {@code CytomicSVF.h}).
 *
 * <pre>
 * g = tan(π·fc/fs), k = 1/Q, A = 10^(gainDb/40)
 *   (bell: k = 1/(Q·A); low shelf: g /= √A; high shelf: g *= √A)
 * a1 = 1/(1 + g·(g + k)), a2 = g·a1, a3 = g·a2
 * out = m0·v0 + m1·v1 + m2·v2   (v0 input, v1 band-pass state, v2 low-pass state)
 * </pre>
 *
 * <p>Its response is exactly the bilinear transform (pre-warped at fc) of the analogue prototype
 * {@code H(s) = m0 + (m1·s + m2)/(s² + k·s + 1)}, so {@link #magnitudeDb} is closed-form and equals
 * the RBJ cookbook designs in {@link Biquads}; unlike a direct-form biquad it stays well behaved
 * when cutoff or Q change between samples. {@link SvfFilter} runs it.
 *
 * <p>Band-pass is the un-normalised state v1 (constant skirt gain: peak gain = Q), as in the
 * reference; {@link Mode#PEAK} is Simper's "peak" (high-pass minus low-pass), not a bell.
 */
public record Svf(double g, double k, double a1, double a2, double a3, double m0, double m1, double m2) {

    /** Filter shapes of the Cytomic SVF; mix vectors as in dsp-reference §1.3. */
    public enum Mode {
        LOW_PASS, BAND_PASS, HIGH_PASS, NOTCH, PEAK, ALL_PASS, BELL, LOW_SHELF, HIGH_SHELF
    }

    /**
     * Highest cutoff the design accepts, as a fraction of the sample rate: tan(π·fc/fs) diverges
     * at Nyquist. Cutoffs above it are designed at this value (documented projection, as
     * {@link Biquads} does).
     */
    public static final double MAX_CUTOFF_FRACTION = 0.49;

    /** Lowest cutoff the design accepts, in Hz (keeps g &gt; 0). */
    public static final double MIN_CUTOFF_HZ = 1e-3;

    public Svf {
        if (!(g > 0) || !(k > 0) || !Double.isFinite(g)) {
            throw new IllegalArgumentException("SVF needs g > 0 and k > 0, got g=" + g + ", k=" + k);
        }
    }

    /**
     * Designs a section.
     *
     * @param cutoffHz cutoff / centre frequency; limited to [{@link #MIN_CUTOFF_HZ},
     *     {@link #MAX_CUTOFF_FRACTION}·fs]
     * @param q quality factor (&gt; 0); 1/√2 is Butterworth for low/high-pass
     * @param gainDb gain of bell and shelves; ignored by the other modes
     * @param sampleRate in Hz
     */
    public static Svf design(Mode mode, double cutoffHz, double q, double gainDb, double sampleRate) {
        if (!(q > 0)) {
            throw new IllegalArgumentException("SVF Q must be > 0, got " + q);
        }
        double a = Math.pow(10, gainDb / 40);
        double g = prewarp(cutoffHz, sampleRate);
        double k = 1 / q;
        return switch (mode) {
            case LOW_PASS -> of(g, k, 0, 0, 1);
            case BAND_PASS -> of(g, k, 0, 1, 0);
            case HIGH_PASS -> of(g, k, 1, -k, -1);
            case NOTCH -> of(g, k, 1, -k, 0);
            case PEAK -> of(g, k, 1, -k, -2);
            case ALL_PASS -> of(g, k, 1, -2 * k, 0);
            case BELL -> {
                double kb = 1 / (q * a);
                yield of(g, kb, 1, kb * (a * a - 1), 0);
            }
            case LOW_SHELF -> of(g / Math.sqrt(a), k, 1, k * (a - 1), a * a - 1);
            case HIGH_SHELF -> of(g * Math.sqrt(a), k, a * a, k * (1 - a) * a, 1 - a * a);
        };
    }

    /** A section with an explicit mix vector (for morphing filters), damping k = 1/Q. */
    public static Svf withMix(double cutoffHz, double q, double m0, double m1, double m2, double sampleRate) {
        if (!(q > 0)) {
            throw new IllegalArgumentException("SVF Q must be > 0, got " + q);
        }
        return of(prewarp(cutoffHz, sampleRate), 1 / q, m0, m1, m2);
    }

    /** Builds the a-coefficients from g and k. */
    public static Svf of(double g, double k, double m0, double m1, double m2) {
        double a1 = 1 / (1 + g * (g + k));
        double a2 = g * a1;
        double a3 = g * a2;
        return new Svf(g, k, a1, a2, a3, m0, m1, m2);
    }

    /** g = tan(π·fc/fs) with fc limited to [{@link #MIN_CUTOFF_HZ}, {@link #MAX_CUTOFF_FRACTION}·fs]. */
    public static double prewarp(double cutoffHz, double sampleRate) {
        double fc = Math.min(Math.max(cutoffHz, MIN_CUTOFF_HZ), MAX_CUTOFF_FRACTION * sampleRate);
        return Math.tan(Math.PI * fc / sampleRate);
    }

    /**
     * |H| in dB at {@code hz}, closed form: with s = j·tan(π·hz/fs)/g (the bilinear map the
     * trapezoidal integrators realise), H = m0 + (m1·s + m2)/(s² + k·s + 1).
     */
    public double magnitudeDb(double hz, double sampleRate) {
        double w = Math.tan(Math.PI * hz / sampleRate) / g; // s = j·w
        // D = s² + k s + 1 = (1 − w²) + j k w ;  N = m1 s + m2 = m2 + j m1 w
        double dr = 1 - w * w;
        double di = k * w;
        double nr = m2;
        double ni = m1 * w;
        double den = dr * dr + di * di;
        // (N / D) = N·conj(D) / |D|²
        double qr = (nr * dr + ni * di) / den;
        double qi = (ni * dr - nr * di) / den;
        double hr = m0 + qr;
        return 10 * Math.log10(hr * hr + qi * qi);
    }

    /** Analytic magnitude of a freshly designed section, see {@link #design} and {@link #magnitudeDb(double, double)}. */
    public static double magnitudeDb(Mode mode, double cutoffHz, double q, double gainDb, double hz, double sampleRate) {
        return design(mode, cutoffHz, q, gainDb, sampleRate).magnitudeDb(hz, sampleRate);
    }

    /**
     * True when the recursion is stable: the trapezoidal SVF's poles are the bilinear images of the
     * analogue poles, inside the unit circle whenever g &gt; 0 and k &gt; 0 (checked here on the
     * equivalent denominator 1 + a1·z⁻¹ + a2·z⁻², a1 = 2(g²−1)/(1+gk+g²), a2 = (1−gk+g²)/(1+gk+g²)).
     */
    public boolean isStable() {
        double d = 1 + g * k + g * g;
        double p1 = 2 * (g * g - 1) / d;
        double p2 = (1 - g * k + g * g) / d;
        return Math.abs(p2) < 1 && Math.abs(p1) < 1 + p2;
    }
}
