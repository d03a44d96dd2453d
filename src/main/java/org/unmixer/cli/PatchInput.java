package org.unmixer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.params.BadInputException;

/**
 * A patch from a file that holds either a patch ({@code unmixer-patch/1}) or an estimate
 * ({@code unmixer-estimate/1}, whose {@code best} patch is taken, and whose {@code input.file}
 * names the original sound).
 *
 * @param patch the patch
 * @param originalFile the estimate's input file, when there is one
 */
record PatchInput(Patch patch, Optional<Path> originalFile) {
    static final String ESTIMATE_FORMAT = "unmixer-estimate/1";

    static PatchInput read(Path file) {
        String text = InputFiles.readText(file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new BadInputException(file + ": not JSON (" + ErrorReporter.oneLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object (a patch or an estimate)");
        }
        String format = root.path("format").asText("");
        try {
            if (format.equals(ESTIMATE_FORMAT)) {
                if (!root.path("best").isObject()) {
                    throw new BadInputException("the estimate has no \"best\" patch");
                }
                String input = root.path("input").path("file").asText("");
                Optional<Path> original = input.isEmpty() ? Optional.empty() : Optional.of(resolve(file, input));
                return new PatchInput(PatchJson.standard().parse(root.path("best")), original);
            }
            if (format.equals(PatchJson.FORMAT)) {
                return new PatchInput(PatchJson.standard().parse(root), Optional.empty());
            }
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        throw new BadInputException(file + ": \"format\" is \"" + format + "\"; expected " + PatchJson.FORMAT + " or " + ESTIMATE_FORMAT);
    }

    /** The estimate's input path as written, or relative to the estimate's folder when that exists. */
    private static Path resolve(Path estimate, String input) {
        Path p = Path.of(input);
        if (p.isAbsolute() || java.nio.file.Files.exists(p)) {
            return p;
        }
        Path beside = estimate.toAbsolutePath().getParent().resolve(input);
        return java.nio.file.Files.exists(beside) ? beside : p;
    }
}
