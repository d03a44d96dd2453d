package org.unmixer.app.audio;

/**
 * What the A/B player tells the window. Called on the player's audio thread (or on the thread of the
 * command that caused the change); the view-model hands it to the FX thread with
 * {@code Platform.runLater}.
 */
public interface PlaybackListener {
    /** The playhead moved (once per rendered block, about every 12 ms while playing, and on seek). */
    void positionChanged(double seconds);

    /** Transport or source changed, including the stop at the end of a non-looping programme. */
    default void stateChanged(boolean playing, AbSource source) {}

    /** A one-line status for the user, e.g. "no audio output device: …"; empty when fine again. */
    default void statusChanged(String status) {}
}
