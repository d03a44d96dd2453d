package org.unmixer.preset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.BadInputException;

/**
 * Writes a patch as a Live rack preset ({@code .adg}): an Instrument Rack (Wavetable, then the
 * effect chain in order) or an Audio Effect Rack (the chain only). Every device element is copied
 * from a Live-saved donor ({@link Donors}) and every catalog parameter's {@code Manual} set from the
 * patch, so the file is fully determined by the patch, and the same patch always gives the same bytes.
 */
public final class AdgWriter {
    private AdgWriter() {
    }

    /**
     * The gzipped preset.
     *
     * @throws BadInputException if the patch cannot become this kind of rack (an Instrument Rack
     *     without a synth, nothing to put in the rack, a device with no donor)
     */
    public static byte[] toBytes(Patch patch, RackKind kind) {
        return LiveXml.toBytes(new RackAssembler(Donors.standard()).document(patch, kind));
    }

    /**
     * Writes the preset to {@code out} atomically: the whole file is built in memory, written to a
     * temporary file beside {@code out} and moved over it, so a failure never leaves half a preset
     * (Live would refuse it, or worse, load part of it).
     */
    public static void write(Patch patch, RackKind kind, Path out) {
        byte[] bytes = toBytes(patch, kind);
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(out + ": the folder does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException(out + ": is a folder, not a file name");
        }
        Path temp = null;
        try {
            // Not Files.createTempFile: it makes owner-only files, and a preset should get the usual
            // permissions (the umask's) like any file the user saves.
            temp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (java.nio.file.AccessDeniedException e) {
            throw new BadInputException(out + ": cannot write here (access denied)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }
}
