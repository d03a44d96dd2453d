package org.unmixer.dsp.patch;

import org.unmixer.params.DeviceSettings;

/** The instrument part of a patch: Wavetable's parameters and the wavetable of each oscillator. */
public record SynthSpec(DeviceSettings settings, WavetableRef oscillator1, WavetableRef oscillator2) {
}
