package org.unmixer.cli;

import java.nio.file.Path;
import org.unmixer.session.Locations;

/** Where shipped models live; see {@link Locations}, which every front end shares. */
final class ModelLocations {
    /** The model the app and {@code estimate} use when none is named. */
    static final String DEFAULT = Locations.DEFAULT_MODEL;

    private ModelLocations() {
    }

    static Path shipped(String name) {
        return Locations.model(name);
    }
}
