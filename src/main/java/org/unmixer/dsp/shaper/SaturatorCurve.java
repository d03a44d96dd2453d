package org.unmixer.dsp.shaper;

/**
 * Saturator's curve types in the order of Live's {@code Type} parameter {@code value_items}
 * (Live 12.1+, ableton-integration.md §5.2, source S2). Whether the preset XML {@code Type} index
 * follows the same order (Bass Shaper third) is unverified.
 */
public enum SaturatorCurve {
    ANALOG_CLIP, SOFT_SINE, BASS_SHAPER, MEDIUM_CURVE, HARD_CURVE, SINOID_FOLD, DIGITAL_CLIP, WAVESHAPER;

    /** The curve for an item index of the {@code Type} parameter. */
    public static SaturatorCurve ofIndex(int index) {
        SaturatorCurve[] all = values();
        if (index < 0 || index >= all.length) {
            throw new IllegalArgumentException("Saturator Type index " + index + " outside 0.." + (all.length - 1));
        }
        return all[index];
    }
}
