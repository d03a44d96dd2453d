package org.unmixer.dsp.effects;

/**
 * EQ Eight's band responses in the order of Live's {@code N Filter Type A} value items (LOM index
 * 0..7, ableton-integration.md §5.3; the preset XML {@code Mode} uses the same indices, §3.2 of
 * dsp-reference.md). "High Pass" is Live's LOM name for the manual's "low cut".
 */
public enum EqEightFilterType {
    HIGH_PASS_48, HIGH_PASS_12, LOW_SHELF, BELL, NOTCH, HIGH_SHELF, LOW_PASS_12, LOW_PASS_48;

    /** Whether the band's Gain acts on this type (the manual: not for cuts and notch). */
    public boolean usesGain() {
        return this == LOW_SHELF || this == BELL || this == HIGH_SHELF;
    }

    /** The type for a {@code Filter Type} item index. */
    public static EqEightFilterType ofIndex(int index) {
        EqEightFilterType[] all = values();
        if (index < 0 || index >= all.length) {
            throw new IllegalArgumentException("EQ Eight filter type index " + index + " outside 0.." + (all.length - 1));
        }
        return all[index];
    }
}
