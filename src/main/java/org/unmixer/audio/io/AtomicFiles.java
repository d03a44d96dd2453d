package org.unmixer.audio.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same directory, then moves it into place, so a
 * reader never sees half a file. The one implementation of temp-then-move in the project.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What goes into the file. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Audio writers' form: failures become one-line {@link AudioFileException}s. */
    static void write(Path target, Body body) {
        try {
            writeFile(target, body);
        } catch (IOException e) {
            throw new AudioFileException(target + ": cannot write (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Writes {@code target} whole or not at all; the finished file gets ordinary permissions. */
    public static void writeFile(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + AudioFileException.name(target) + ".", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.writeTo(out);
            }
            giveOrdinaryPermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more
                }
            }
        }
    }

    /** Streams the samples in blocks through {@link SampleCodec#encode}. */
    static void writeSamples(OutputStream out, float[][] channels, SampleFormat format, boolean bigEndian)
            throws IOException {
        int frames = channels[0].length;
        int blockAlign = format.bytes() * channels.length;
        int framesPerBlock = Math.max(1, (1 << 16) / blockAlign);
        byte[] buf = new byte[framesPerBlock * blockAlign];
        for (int f = 0; f < frames; f += framesPerBlock) {
            int n = Math.min(framesPerBlock, frames - f);
            SampleCodec.encode(channels, f, n, format.encoding(), format.bits(), bigEndian, buf);
            out.write(buf, 0, n * blockAlign);
        }
    }

    static void requireFinite(float[][] channels) {
        for (int c = 0; c < channels.length; c++) {
            for (int i = 0; i < channels[c].length; i++) {
                if (!Float.isFinite(channels[c][i])) {
                    throw new IllegalArgumentException("sample " + i + " of channel " + (c + 1) + " is "
                            + channels[c][i] + "; refusing to write a non-finite sample");
                }
            }
        }
    }

    /**
     * Temp files are created owner-only (0600); a finished file should read like any other the
     * user saves: the permissions of the file it replaces, else rw-r--r--.
     */
    private static void giveOrdinaryPermissions(Path tmp, Path target) throws IOException {
        try {
            var perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: ACLs are inherited from the directory already.
        }
    }
}
