package org.unmixer.dsp.patch;

import org.unmixer.dsp.source.Unison;
import org.unmixer.params.DeviceSettings;

/**
 * The instrument part of a patch: Wavetable's parameters, the wavetable of each oscillator, and the
 * unison mode and voice count (device properties in Live, not parameters).
 */
public record SynthSpec(DeviceSettings settings, WavetableRef oscillator1, WavetableRef oscillator2, Unison unison) {
    public SynthSpec(DeviceSettings settings, WavetableRef oscillator1, WavetableRef oscillator2) {
        this(settings, oscillator1, oscillator2, Unison.NONE);
    }
}
