package org.unmixer.dsp.shaper;

/**
 * The six parameters of Saturator's Waveshaper curve, each as a fraction 0..1 (display % / 100).
 *
 * <p>Live documents only what each knob does (dsp-reference.md §2.1, manual §26.34); the formula
 * in {@link SaturatorCurves#waveshaper} is our own structure built from that wording [INF].
 *
 * @param drive how much of the shaped curve replaces the straight line (0 = no effect)
 * @param linearity slope of the linear part: 0 → 0.5, 0.5 → 1, 1 → 1.5
 * @param curve amount of the cubic (mostly 3rd-harmonic) term
 * @param damp width of the near-origin gate that flattens small signals
 * @param period ripple density: 1 + 7·period ripple cycles across [−1, 1]
 * @param depth amplitude of the superimposed sine ripple (up to 0.25)
 */
public record WaveshaperShape(double drive, double linearity, double curve, double damp, double period,
        double depth) {

    /** Live's defaults as stored in a Live-saved Saturator preset (WsDrive 1, WsLin 0.5, WsCurve 0.05). */
    public static final WaveshaperShape DEFAULT = new WaveshaperShape(1, 0.5, 0.05, 0, 0, 0);

    public WaveshaperShape {
        check("drive", drive);
        check("linearity", linearity);
        check("curve", curve);
        check("damp", damp);
        check("period", period);
        check("depth", depth);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("Waveshaper " + name + " " + v + " outside 0..1");
        }
    }
}
