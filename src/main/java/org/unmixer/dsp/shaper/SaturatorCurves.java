package org.unmixer.dsp.shaper;

/**
 * Saturator's static transfer curves y = f(x), x = input × Drive gain (dsp-reference.md §2.2).
 *
 * <p>No public measurement of Live's curves exists; each function says where its formula comes
 * from: [DOC] Live's manual describes the behaviour, [SRC] read in open code, [3P] a third-party
 * clone, [INF] our own choice from the documented behaviour. All are odd-symmetric (f(−x) = −f(x))
 * and pass through 0, so silence stays silence. {@code tanh} and {@code sin} are evaluated with
 * {@link ShaperMath} (errors ≤ 10⁻⁵ and 10⁻⁹).
 */
public final class SaturatorCurves {
    /**
     * Analog Clip is linear up to this level and bends smoothly to ±1 above it [UNV: the manual says
     * only "linear below the clipping point, smoother transition around it"].
     */
    public static final double ANALOG_CLIP_KNEE = 0.6;

    /** Input gain inside Hard Curve, tanh(2.4·x) [3P clone; UNV]. */
    public static final double HARD_CURVE_GAIN = 2.4;

    /** |Waveshaper| never exceeds this when WS Drive is 100 %: 1.5 + 0.19 (cubic) + 0.25 (ripple). */
    public static final double WAVESHAPER_BOUND = 2.0;

    private SaturatorCurves() {
    }

    /**
     * y = x for |x| ≤ k, else sign(x)·(k + (1 − k)·tanh((|x| − k)/(1 − k))): slope 1 through the
     * knee, bounded by 1 [INF, one of the knee shapes proposed in dsp-reference.md §2.2]. k ≥ 1
     * (or within 10⁻⁹ of it) degenerates to a hard clip.
     */
    public static double kneeClip(double x, double knee) {
        double ax = Math.abs(x);
        if (ax <= knee) {
            return x;
        }
        double width = 1 - knee;
        if (width < 1e-9) {
            return Math.copySign(Math.min(ax, 1.0), x);
        }
        return Math.copySign(knee + width * ShaperMath.tanh((ax - knee) / width), x);
    }

    /** Analog Clip: {@link #kneeClip} with knee {@link #ANALOG_CLIP_KNEE} [DOC behaviour, INF shape]. */
    public static double analogClip(double x) {
        return kneeClip(x, ANALOG_CLIP_KNEE);
    }

    /**
     * Soft Sine: sin(πx/2) for |x| &lt; 1, ±(1 − 10⁻¹⁴) beyond (see {@link ShaperMath#sinHalfPi}) [SRC chowdsp_utils {@code ADAASineClipper},
     * "based on the Soft Sine saturator in Ableton"; not an Ableton statement].
     */
    public static double softSine(double x) {
        // clamp with min/max rather than branches: a sample loop of min/max is vectorised by the
        // JIT (a driven signal crosses ±1 unpredictably); sinHalfPi(±1) = ±(1 − 10⁻¹⁴)
        return ShaperMath.sinHalfPi(Math.max(-1.0, Math.min(1.0, x)));
    }

    /**
     * Bass Shaper: linear below the threshold, smooth clip to ±1 above it: {@link #kneeClip} with
     * the knee at the threshold amplitude [DOC: "linear below threshold, smoothly clips above; a low
     * threshold gives soft clipping, a high one hard clipping"; formula 3P/INF]. Odd-symmetric like
     * the rest (the manual says nothing of asymmetry).
     *
     * @param threshold linear amplitude 10^(dB/20) of the Threshold parameter, in (0, 1]
     */
    public static double bassShaper(double x, double threshold) {
        return kneeClip(x, threshold);
    }

    /** Medium Curve: tanh(x) [3P clone; UNV]. */
    public static double mediumCurve(double x) {
        return ShaperMath.tanh(x);
    }

    /** Hard Curve: tanh(2.4·x) [3P clone; UNV]. */
    public static double hardCurve(double x) {
        return ShaperMath.tanh(HARD_CURVE_GAIN * x);
    }

    /**
     * Sinoid Fold: sin(πx), folding back past |x| = ½ and bounded by 1 [3P clone whose tests assert
     * f(0.5) = 1, f(1) = 0 at 0 dB drive; DOC "the output folds over itself"].
     */
    public static double sinoidFold(double x) {
        return ShaperMath.sinPi(x);
    }

    /** Digital Clip: clamp to ±1 (0 dBFS) [DOC behaviour; the clip level is INF]. */
    public static double digitalClip(double x) {
        return x > 1 ? 1 : (x < -1 ? -1 : x);
    }

    /**
     * Waveshaper [INF structure from the manual's description of the six knobs, §2.1]:
     *
     * <pre>
     * u      = clamp(x, −1, 1)
     * core   = (0.5 + lin)·u + ½·curve·(u − u³)         linear part + cubic (3rd harmonic)
     * ripple = ¼·depth·sin(2π·(1 + 7·period)·u)          superimposed sine
     * gate   = u² / (u² + (0.05·damp)²)                  flattens |u| ≲ 0.05·damp (1 when damp = 0)
     * y      = (1 − drive)·x + drive·gate·(core + ripple)
     * </pre>
     *
     * With WS Drive at 100 % the output is bounded by {@link #WAVESHAPER_BOUND}; below 100 % the
     * straight-line share (1 − drive)·x passes through unbounded, so WS Drive 0 % leaves the
     * signal untouched, as the manual says.
     */
    public static double waveshaper(double x, WaveshaperShape ws) {
        double u = x > 1 ? 1 : (x < -1 ? -1 : x);
        double core = (0.5 + ws.linearity()) * u + 0.5 * ws.curve() * (u - u * u * u);
        double ripple = 0.25 * ws.depth() * ShaperMath.sinPi(2 * (1 + 7 * ws.period()) * u);
        double g = 0.05 * ws.damp();
        double gate = g == 0 ? 1 : u * u / (u * u + g * g);
        return (1 - ws.drive()) * x + ws.drive() * gate * (core + ripple);
    }

    /** One curve at one point. */
    public static double shape(SaturatorCurve curve, double x, double threshold, WaveshaperShape ws) {
        return switch (curve) {
            case ANALOG_CLIP -> analogClip(x);
            case SOFT_SINE -> softSine(x);
            case BASS_SHAPER -> bassShaper(x, threshold);
            case MEDIUM_CURVE -> mediumCurve(x);
            case HARD_CURVE -> hardCurve(x);
            case SINOID_FOLD -> sinoidFold(x);
            case DIGITAL_CLIP -> digitalClip(x);
            case WAVESHAPER -> waveshaper(x, ws);
        };
    }

    /**
     * Applies a curve to {@code buf[from..to)} in place; the choice of curve is made once, outside
     * the sample loop.
     */
    public static void shapeInPlace(double[] buf, int from, int to, SaturatorCurve curve, double threshold,
            WaveshaperShape ws) {
        switch (curve) {
            case ANALOG_CLIP -> {
                for (int i = from; i < to; i++) {
                    buf[i] = analogClip(buf[i]);
                }
            }
            case SOFT_SINE -> {
                for (int i = from; i < to; i++) {
                    buf[i] = softSine(buf[i]);
                }
            }
            case BASS_SHAPER -> {
                for (int i = from; i < to; i++) {
                    buf[i] = bassShaper(buf[i], threshold);
                }
            }
            case MEDIUM_CURVE -> {
                for (int i = from; i < to; i++) {
                    buf[i] = mediumCurve(buf[i]);
                }
            }
            case HARD_CURVE -> {
                for (int i = from; i < to; i++) {
                    buf[i] = hardCurve(buf[i]);
                }
            }
            case SINOID_FOLD -> {
                for (int i = from; i < to; i++) {
                    buf[i] = sinoidFold(buf[i]);
                }
            }
            case DIGITAL_CLIP -> {
                for (int i = from; i < to; i++) {
                    buf[i] = digitalClip(buf[i]);
                }
            }
            case WAVESHAPER -> waveshaperInPlace(buf, from, to, ws);
        }
    }

    /** {@link #waveshaper} over an array, with its constants hoisted and unused terms skipped. */
    private static void waveshaperInPlace(double[] buf, int from, int to, WaveshaperShape ws) {
        double drive = ws.drive();
        double straight = 1 - drive;
        double slope = 0.5 + ws.linearity();
        double cubic = 0.5 * ws.curve();
        double rippleAmp = 0.25 * ws.depth();
        double rippleFreq = 2 * (1 + 7 * ws.period());
        double g = 0.05 * ws.damp();
        double g2 = g * g;
        for (int i = from; i < to; i++) {
            double x = buf[i];
            double u = x > 1 ? 1 : (x < -1 ? -1 : x);
            double v = slope * u + cubic * (u - u * u * u);
            if (rippleAmp != 0) {
                v += rippleAmp * ShaperMath.sinPi(rippleFreq * u);
            }
            if (g2 != 0) {
                v *= u * u / (u * u + g2);
            }
            buf[i] = straight * x + drive * v;
        }
    }
}
