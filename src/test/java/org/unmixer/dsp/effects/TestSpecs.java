package org.unmixer.dsp.effects;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;

/**
 * Loads one device file of the catalog straight from the class path, so these tests do not depend
 * on every other device file of {@code assets/devices/index.json} being present.
 */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static DeviceSpec load(String file) {
        String resource = "assets/devices/" + file;
        try (InputStream in = TestSpecs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Catalog.parseDevice(new ObjectMapper().readTree(in), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DeviceSpec multibandDynamics() {
        return load("multiband-dynamics.json");
    }

    public static DeviceSpec phaserFlanger() {
        return load("phaser-flanger.json");
    }
}
