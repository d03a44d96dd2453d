package org.unmixer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.model.EstimateJson;
import org.unmixer.params.BadInputException;

/**
 * A patch from a file that is either a patch JSON ({@code unmixer-patch/1}) or an estimate JSON
 * ({@code unmixer-estimate/1}, whose {@code best} patch is taken), told apart by {@code format},
 * so the output of {@code estimate} can be exported without editing it.
 */
final class PatchInput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PatchInput() {
    }

    static Patch read(Path file) {
        return parse(InputFiles.readText(file), file.toString());
    }

    static Patch parse(String text, String where) {
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
            return PatchJson.standard().parse(root);
        }
        if (format.equals(EstimateJson.FORMAT)) {
            JsonNode best = root.get("best");
            if (best == null || !best.isObject()) {
                throw new BadInputException(where + ": the estimate has no \"best\" patch");
            }
            try {
                return PatchJson.standard().parse(best);
            } catch (BadInputException e) {
                throw new BadInputException("best: " + e.getMessage(), e);
            }
        }
        throw new BadInputException(where + ": \"format\" must be \"" + PatchJson.FORMAT + "\" or \""
                + EstimateJson.FORMAT + "\", got " + (root.has("format") ? "\"" + format + "\"" : "nothing"));
    }
}
