package org.unmixer.dsp.effects;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.dsp.filter.Biquad;

/**
 * Derived values of one EQ Eight setting: per band the effective gain and Q and its biquad
 * sections, plus the output gain. Built by {@link EqEight#controls}.
 *
 * @param bands the eight bands, in order (band 1 first)
 * @param outputGain linear gain after the bands (Output Gain)
 */
public record EqEightControls(List<Band> bands, double outputGain) {

    public EqEightControls {
        bands = List.copyOf(bands);
        if (!(outputGain > 0) || !Double.isFinite(outputGain)) {
            throw new IllegalArgumentException("output gain " + outputGain);
        }
    }

    /**
     * One band.
     *
     * @param on whether the band is switched on
     * @param type its response
     * @param frequencyHz corner or centre frequency
     * @param gainDb effective gain (band Gain × Scale), 0 for types without gain
     * @param q effective Q (after Adaptive Q)
     * @param sections its biquad sections at the render's sample rate (one, or four for 48 dB
     *     cuts); empty when the band is off or is a gain type at 0 dB (exactly the identity)
     */
    public record Band(boolean on, EqEightFilterType type, double frequencyHz, double gainDb, double q,
            List<Biquad> sections) {
        public Band {
            sections = List.copyOf(sections);
        }
    }

    /** Every section of every band that is on, band 1 first. */
    public List<Biquad> activeSections() {
        List<Biquad> all = new ArrayList<>();
        for (Band b : bands) {
            if (b.on()) {
                all.addAll(b.sections());
            }
        }
        return all;
    }
}
