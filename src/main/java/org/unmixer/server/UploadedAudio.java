package org.unmixer.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;

/**
 * An uploaded WAV/AIFF decoded by the same reader as {@code ./unmixer estimate FILE}: the bytes go
 * to a private temporary folder under the upload's own (sanitised) name, so the reader's one-line
 * messages name what the client sent ("pluck.wav: truncated data chunk …"), and the folder is
 * deleted right after.
 */
final class UploadedAudio {
    /** The name used when the client gave none (a raw {@code audio/wav} body). */
    static final String DEFAULT_NAME = "upload.wav";
    private static final int MAX_NAME = 100;

    private UploadedAudio() {
    }

    static AudioBuffer read(byte[] bytes, String name) {
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("unmixer-upload-");
            file = dir.resolve(safeName(name));
            Files.write(file, bytes);
            return AudioFiles.read(file).audio();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload in a temporary file: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
            deleteQuietly(dir);
        }
    }

    /** The last path element of the client's name, letters, digits and {@code . _ -} only. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").trim();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            return DEFAULT_NAME;
        }
        return base.length() > MAX_NAME ? base.substring(base.length() - MAX_NAME) : base;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover in the temp folder is harmless; the answer matters more
        }
    }
}
