package org.unmixer.dsp.effects;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;

/** Loads one device file of the catalog from the class path (independent of the other files). */
final class TestDevices {
    private TestDevices() {
    }

    static DeviceSpec load(String file) {
        String resource = "assets/devices/" + file;
        try (InputStream in = TestDevices.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Catalog.parseDevice(new ObjectMapper().readTree(in), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeviceSpec saturator() {
        return load("saturator.json");
    }

    static DeviceSpec eqEight() {
        return load("eq-eight.json");
    }
}
