package org.unmixer.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for files (the app uses FileChooser dialogs; tests answer with fixed paths, so the
 * window's actions run without a dialog).
 */
public interface FilePrompts {
    /** A sound to open, starting in {@code folder}; empty when cancelled. */
    Optional<Path> openSound(Path folder);

    /**
     * Where to save, starting in {@code folder} with {@code suggestedName}; {@code description} and
     * {@code extension} (e.g. "*.adg") name the file type. Empty when cancelled.
     */
    Optional<Path> saveAs(Path folder, String suggestedName, String description, String extension);
}
