package org.unmixer.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FilePrompts} with JavaFX file dialogs owned by the main window. */
final class FileChooserPrompts implements FilePrompts {
    private final Window owner;

    FileChooserPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openSound(Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a sound");
        chooser.setInitialDirectory(folder.toFile());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV or AIFF", FileDrops.PATTERNS));
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> saveAs(Path folder, String suggestedName, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + description);
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extension));
        File f = chooser.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
