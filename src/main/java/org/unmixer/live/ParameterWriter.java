package org.unmixer.live;

import java.util.List;
import org.unmixer.params.DeviceSettings;

/** Sets the parameters of a track's devices (device {@code i} of the list at index {@code i}) and reads them back. */
interface ParameterWriter {
    /** Values sent, and values read back as intended. */
    record Counts(int sent, int verified) {
    }

    Counts write(List<DeviceSettings> devices);
}
