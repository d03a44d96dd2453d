package org.unmixer.dsp.source;

import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;

/** The "Wavetable" device spec of the shipped catalog. */
final class WavetableDevice {
    private WavetableDevice() {
    }

    static DeviceSpec spec() {
        return Catalog.standard().device("Wavetable");
    }
}
