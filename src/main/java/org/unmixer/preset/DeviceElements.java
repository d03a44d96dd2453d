package org.unmixer.preset;

import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * Writes parameter values into a (cleaned) donor device element. Every catalog parameter gets its
 * {@code Manual} set, including those at their defaults, so the preset does not depend on whatever
 * the donor happened to hold.
 */
final class DeviceElements {
    private DeviceElements() {
    }

    /** The donor element with every catalog parameter's {@code Manual} set from {@code settings}. */
    static XmlElement withSettings(XmlElement donor, DeviceSettings settings) {
        XmlElement out = donor;
        for (ParamSpec p : settings.device().params()) {
            String text = p.xmlText(settings.get(p.name()));
            out = out.replaceAt(p.xmlElement(), param -> param.withValueAt("Manual", text));
        }
        return out;
    }

    /**
     * Wavetable: its parameters plus the settings Live keeps outside the automatable parameters —
     * the wavetable of each oscillator by name ({@code SpriteName1/2}; the donor stores no category,
     * so Live is assumed to find factory tables by name) and the unison mode and voice count.
     * With unison off the donor's voice count stays, since a count of 1 is not a value Live offers.
     */
    static XmlElement withSynth(XmlElement donor, SynthSpec synth) {
        XmlElement out = withSettings(donor, synth.settings())
                .withValueAt("SpriteName1", synth.oscillator1().name())
                .withValueAt("SpriteName2", synth.oscillator2().name());
        out = out.withValueAt("Voice_Unison_Mode", Integer.toString(synth.unison().mode().liveIndex()));
        if (synth.unison().voices() > 1) {
            out = out.withValueAt("Voice_Unison_VoiceCount", Integer.toString(synth.unison().voices()));
        }
        return out;
    }
}
