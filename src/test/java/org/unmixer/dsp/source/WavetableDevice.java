package org.unmixer.dsp.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;

/**
 * The "Wavetable" device spec read straight from {@code assets/devices/wavetable.json} (on the
 * class path), so these tests do not depend on the other devices' catalog files.
 */
final class WavetableDevice {
    private static final DeviceSpec SPEC = load();

    private WavetableDevice() {
    }

    static DeviceSpec spec() {
        return SPEC;
    }

    private static DeviceSpec load() {
        String resource = "assets/devices/wavetable.json";
        try (InputStream in = WavetableDevice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return Catalog.parseDevice(new ObjectMapper().readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
