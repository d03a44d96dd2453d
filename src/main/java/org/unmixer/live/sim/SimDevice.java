package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.params.DeviceSpec;

/**
 * One device on a track: name, {@code class_name}, LOM type (1 instrument, 2 audio effect, 4 MIDI
 * effect) and parameters, index 0 being "Device On". Wavetable also carries its non-parameter
 * properties.
 */
final class SimDevice {
    static final int INSTRUMENT = 1;
    static final int AUDIO_EFFECT = 2;
    static final int MIDI_EFFECT = 4;

    final String name;
    final String className;
    final int type;
    /** The catalog device; {@code null} for our Max device and for devices the catalog does not know. */
    final DeviceSpec spec;
    /** True for the Un-Mixer Link Max device. */
    final boolean link;
    final List<SimParameter> parameters;
    /** Wavetable's properties; {@code null} for every other device. */
    final WavetableState wavetable;

    SimDevice(String name, String className, int type, DeviceSpec spec, boolean link, List<SimParameter> parameters,
            WavetableState wavetable) {
        this.name = name;
        this.className = className;
        this.type = type;
        this.spec = spec;
        this.link = link;
        this.parameters = new ArrayList<>(parameters);
        this.wavetable = wavetable;
    }

    boolean isOn() {
        return parameters.get(0).value != 0;
    }

    /** The parameter with Live's name {@code paramName}, or {@code null}. */
    SimParameter parameter(String paramName) {
        for (SimParameter p : parameters) {
            if (p.name.equals(paramName)) {
                return p;
            }
        }
        return null;
    }
}
