package org.unmixer.session;

import java.nio.file.Path;

/**
 * Where the shipped files live: under {@code -Dunmixer.home} (set by ./unmixer and the installed
 * app), else the working directory. Every front end finds models and examples the same way.
 */
public final class Locations {
    /** The model the app and {@code estimate} use when none is named. */
    public static final String DEFAULT_MODEL = "unmixer-default";

    private Locations() {
    }

    public static Path home() {
        return Path.of(System.getProperty("unmixer.home", "."));
    }

    /** {@code models/NAME}. */
    public static Path model(String name) {
        return home().resolve("models").resolve(name);
    }

    /** The bundled example sound the window opens with and the demo uses. */
    public static Path exampleSound() {
        return home().resolve("assets").resolve("examples").resolve("pluck.wav");
    }
}
