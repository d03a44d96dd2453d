package org.unmixer.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the window remembers between runs: its size and the last folder a file came from, as a
 * small JSON file ({@code ~/.config/neural-unmixer/window.json} by default). A missing or broken
 * file gives the defaults; failing to save is not worth bothering the user about.
 */
public final class AppPreferences {
    /** Default window size, px: roomy on a 1366×768 laptop screen. */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    /** The stored values; {@code lastFolder} is empty when none. */
    public record State(double width, double height, String lastFolder) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private State state;

    private AppPreferences(Path file, State state) {
        this.file = file;
        this.state = state;
    }

    /** {@code $XDG_CONFIG_HOME/neural-unmixer/window.json}, else under {@code ~/.config}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("neural-unmixer").resolve("window.json");
    }

    /** Reads {@code file}, or starts from the defaults when it is missing or unreadable. */
    public static AppPreferences load(Path file) {
        State s = new State(DEFAULT_WIDTH, DEFAULT_HEIGHT, "");
        if (Files.isRegularFile(file)) {
            try {
                State read = JSON.readValue(file.toFile(), State.class);
                if (read.width() >= 200 && read.height() >= 150) {
                    s = new State(read.width(), read.height(), read.lastFolder() == null ? "" : read.lastFolder());
                }
            } catch (IOException | RuntimeException e) {
                // a broken file: keep the defaults, it is rewritten on exit
            }
        }
        return new AppPreferences(file, s);
    }

    public double width() {
        return state.width();
    }

    public double height() {
        return state.height();
    }

    /** The last folder used, or the user's home when none is remembered or it is gone. */
    public Path lastFolder() {
        Path p = state.lastFolder().isEmpty() ? null : Path.of(state.lastFolder());
        return p != null && Files.isDirectory(p) ? p : Path.of(System.getProperty("user.home"));
    }

    public void setSize(double width, double height) {
        state = new State(width, height, state.lastFolder());
    }

    /** Remembers the folder of {@code fileOrFolder}. */
    public void rememberFolderOf(Path fileOrFolder) {
        Path folder = Files.isDirectory(fileOrFolder) ? fileOrFolder : fileOrFolder.toAbsolutePath().getParent();
        if (folder != null) {
            state = new State(state.width(), state.height(), folder.toString());
        }
    }

    /** Writes the file; returns false (and changes nothing else) when it cannot. */
    public boolean save() {
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = JSON.writeValueAsBytes(state);
            // Temp file, then a move: a crash while saving never leaves half a preferences file.
            org.unmixer.audio.io.AtomicFiles.writeFile(file, out -> out.write(bytes));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
