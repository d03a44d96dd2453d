package org.unmixer.app.audio;

/** No audio output could be opened; the message is one line meant for the status bar. */
public final class OutputUnavailableException extends Exception {
    public OutputUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
