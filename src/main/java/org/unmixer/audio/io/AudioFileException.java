package org.unmixer.audio.io;

import java.nio.file.Path;

/**
 * A file that cannot be read or written as audio. The message is always ONE line of the form
 * {@code "song.wav: truncated data chunk (declares 1000000 bytes, 312 present)"}, fit to show a
 * producer as is (no stack trace needed).
 */
public final class AudioFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AudioFileException(String message) {
        super(oneLine(message));
    }

    public AudioFileException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** {@code "<file name>: <problem>"}. */
    static AudioFileException of(Path file, String problem) {
        return new AudioFileException(name(file) + ": " + problem);
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "audio file error" : message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
