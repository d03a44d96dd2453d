package org.unmixer.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Drag-and-drop of sound files onto the window: accepts a drag that carries a WAV or AIFF file and
 * opens the first such file on drop. {@link #drop(List)} is what the drop calls (tests call it too).
 */
public final class FileDrops {
    /** File name patterns the window opens. */
    public static final String[] PATTERNS = {"*.wav", "*.WAV", "*.aif", "*.aiff", "*.AIF", "*.AIFF"};

    private final Consumer<Path> open;

    public FileDrops(Consumer<Path> open) {
        this.open = open;
    }

    /** Wires the drag handlers of {@code target}; {@code hover} is the style class shown while a sound hovers. */
    public void install(Node target, String hover) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && firstSound(e.getDragboard().getFiles()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!target.getStyleClass().contains(hover)) {
                    target.getStyleClass().add(hover);
                }
            }
            e.consume();
        });
        target.setOnDragExited(e -> target.getStyleClass().remove(hover));
        target.setOnDragDropped((DragEvent e) -> {
            boolean done = e.getDragboard().hasFiles() && drop(e.getDragboard().getFiles());
            e.setDropCompleted(done);
            target.getStyleClass().remove(hover);
            e.consume();
        });
    }

    /** Opens the first WAV/AIFF of {@code files}; false when there is none. */
    public boolean drop(List<File> files) {
        Optional<Path> sound = firstSound(files);
        sound.ifPresent(open);
        return sound.isPresent();
    }

    static Optional<Path> firstSound(List<File> files) {
        return files.stream().map(File::toPath).filter(FileDrops::isSound).findFirst();
    }

    static boolean isSound(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".wav") || n.endsWith(".aif") || n.endsWith(".aiff");
    }
}
