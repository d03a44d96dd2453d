package org.unmixer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.session.PatchDocument;

/**
 * A patch from a file that is either a patch JSON ({@code unmixer-patch/1}) or an estimate JSON
 * ({@code unmixer-estimate/1}, whose {@code best} patch is taken and whose {@code input.file} names
 * the original sound), told apart by {@code format}, so the output of {@code estimate} can be
 * exported or rebuilt without editing it. The parsing is {@link PatchDocument}'s, shared with the
 * HTTP API; this adds the file and where the estimate's original sound is.
 *
 * @param patch the patch
 * @param originalFile the estimate's input file, when the file is an estimate that names one
 */
record PatchInput(Patch patch, Optional<Path> originalFile) {
    static PatchInput read(Path file) {
        return parse(InputFiles.readText(file), file);
    }

    static PatchInput parse(String text, Path file) {
        PatchDocument document = PatchDocument.parse(text, file.toString());
        return new PatchInput(document.patch(), document.inputFile().map(input -> resolve(file, input)));
    }

    /** The estimate's input path as written, or relative to the estimate's folder when only that exists. */
    private static Path resolve(Path estimate, String input) {
        Path p = Path.of(input);
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path folder = estimate.toAbsolutePath().getParent();
        Path beside = folder == null ? p : folder.resolve(input);
        return Files.exists(beside) ? beside : p;
    }
}
