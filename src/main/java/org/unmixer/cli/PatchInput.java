package org.unmixer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.model.EstimateJson;
import org.unmixer.params.BadInputException;

/**
 * A patch from a file that is either a patch JSON ({@code unmixer-patch/1}) or an estimate JSON
 * ({@code unmixer-estimate/1}, whose {@code best} patch is taken and whose {@code input.file} names
 * the original sound), told apart by {@code format}, so the output of {@code estimate} can be
 * exported or rebuilt without editing it.
 *
 * @param patch the patch
 * @param originalFile the estimate's input file, when the file is an estimate that names one
 */
record PatchInput(Patch patch, Optional<Path> originalFile) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static PatchInput read(Path file) {
        return parse(InputFiles.readText(file), file);
    }

    static PatchInput parse(String text, Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(where + ": expected a JSON object (a patch or an estimate)");
        }
        String format = root.path("format").asText("");
        if (format.equals(PatchJson.FORMAT)) {
            return new PatchInput(PatchJson.standard().parse(root), Optional.empty());
        }
        if (format.equals(EstimateJson.FORMAT)) {
            JsonNode best = root.get("best");
            if (best == null || !best.isObject()) {
                throw new BadInputException(where + ": the estimate has no \"best\" patch");
            }
            Patch patch;
            try {
                patch = PatchJson.standard().parse(best);
            } catch (BadInputException e) {
                throw new BadInputException("best: " + e.getMessage(), e);
            }
            String input = root.path("input").path("file").asText("");
            return new PatchInput(patch, input.isEmpty() ? Optional.empty() : Optional.of(resolve(file, input)));
        }
        throw new BadInputException(where + ": \"format\" must be \"" + PatchJson.FORMAT + "\" or \""
                + EstimateJson.FORMAT + "\", got " + (root.has("format") ? "\"" + format + "\"" : "nothing"));
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
