package org.unmixer.app;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import javafx.application.Application;

/**
 * Starts the window from the command line ({@code ./unmixer} with no arguments); where there is
 * no display, says so in one line and points to the command line instead.
 */
public final class AppLauncher {
    /** Exit code when the window cannot open (DESIGN.md §4: 2 = the user's situation, not a bug). */
    public static final int NO_DISPLAY = 2;

    private AppLauncher() {
    }

    /** Opens the window and returns when it closes: 0, or {@link #NO_DISPLAY} with a line on {@code err}. */
    public static int launch(PrintWriter err) {
        if (GraphicsEnvironment.isHeadless()) {
            return noDisplay(err, "no display");
        }
        try {
            Application.launch(UnmixerApp.class);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\\R")[0];
            return noDisplay(err, "JavaFX could not start (" + why + ")");
        }
    }

    private static int noDisplay(PrintWriter err, String why) {
        err.println("unmixer: cannot open the window: " + why
                + "; see ./unmixer --help, or run ./unmixer estimate FILE.wav on the command line");
        err.flush();
        return NO_DISPLAY;
    }
}
