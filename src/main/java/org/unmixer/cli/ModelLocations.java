package org.unmixer.cli;

import java.nio.file.Path;

/** Where shipped models live: {@code models/NAME} under {@code -Dunmixer.home} (set by ./unmixer), else the working directory. */
final class ModelLocations {
    /** The model the app and {@code estimate} use when none is named. */
    static final String DEFAULT = "unmixer-default";

    private ModelLocations() {
    }

    static Path shipped(String name) {
        return Path.of(System.getProperty("unmixer.home", ".")).resolve("models").resolve(name);
    }
}
