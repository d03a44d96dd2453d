package org.unmixer.session;

import java.nio.file.Path;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFormatInfo;

/**
 * A sound file as read: its path, its audio and its format (for the window's file line: name,
 * length, rate).
 */
public record LoadedSound(Path file, AudioBuffer audio, AudioFormatInfo format) {
    public String name() {
        return file.getFileName().toString();
    }
}
