package org.unmixer.dsp;

import java.util.List;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceSettings;

/**
 * An ordered list of up to {@link Patch#MAX_CHAIN} audio effects with their settings. Rendering
 * runs each device's pure {@link Effect#render} in order; order matters (a saturator before a
 * reverb is not a reverb before a saturator).
 */
public record Chain(List<DeviceSettings> devices) {

    public Chain {
        devices = List.copyOf(devices);
        if (devices.size() > Patch.MAX_CHAIN) {
            throw new BadInputException("the chain has " + devices.size() + " devices; at most " + Patch.MAX_CHAIN + " are allowed");
        }
        for (DeviceSettings d : devices) {
            Effects.forDevice(d.device().name()); // fail early, with the list of what we render
        }
    }

    /** Runs {@code input} through every device in order; the result has the input's length. */
    public AudioBuffer render(AudioBuffer input) {
        AudioBuffer signal = input;
        for (DeviceSettings d : devices) {
            signal = Effects.forDevice(d.device().name()).render(signal, d);
        }
        return signal;
    }
}
