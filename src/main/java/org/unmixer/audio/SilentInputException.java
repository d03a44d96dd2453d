package org.unmixer.audio;

/**
 * Audio with nothing to analyse: every sample, or its loudness, is below the silence floor. The
 * message is one line fit to show a producer as is, e.g. {@code "input is silent: peak −83.2 dBFS
 * is below the −70 dBFS floor"}.
 *
 * <p>An {@link IllegalArgumentException} because the audio layer cannot name the project's
 * user-input exception (it lives in a higher layer); front ends that want exit code 2 catch this
 * type next to {@code AudioFileException}.
 */
public final class SilentInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SilentInputException(String message) {
        super(message);
    }
}
