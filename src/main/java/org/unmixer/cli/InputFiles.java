package org.unmixer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unmixer.params.BadInputException;

/** Reading small text inputs (patches) with one-line errors. */
final class InputFiles {
    /** Patches are a few kilobytes; anything this big is not a patch. */
    private static final long MAX_TEXT_BYTES = 4L << 20;

    private InputFiles() {
    }

    static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new BadInputException(file + ": too large for a patch (" + Files.size(file) + " bytes)");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
