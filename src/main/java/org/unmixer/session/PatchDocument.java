package org.unmixer.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.model.EstimateJson;
import org.unmixer.params.BadInputException;

/**
 * A patch from JSON text that is either a patch ({@code unmixer-patch/1}) or an estimate ({@code
 * unmixer-estimate/1}, whose {@code best} patch is taken), told apart by {@code format}, so the
 * output of an estimate can be rendered, exported or rebuilt without editing it. The command line
 * reads it from files, the HTTP API from request bodies.
 *
 * @param patch the patch
 * @param inputFile the estimate's {@code input.file} as written, when the document is an estimate that names one
 */
public record PatchDocument(Patch patch, Optional<String> inputFile) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param where what to name in messages (a file name, "request body")
     * @throws BadInputException with one line: not JSON, not an object, wrong format, a bad patch
     */
    public static PatchDocument parse(String text, String where) {
        return parse(tree(text, where), where);
    }

    /**
     * The JSON syntax step alone, so a caller can tell text that is not JSON at all from a document
     * with a bad patch in it (the HTTP API answers 400 for one and 422 for the other).
     */
    public static JsonNode tree(String text, String where) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException(where + ": empty, expected a JSON object (a patch or an estimate)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    public static PatchDocument parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw new BadInputException(where + ": expected a JSON object (a patch or an estimate)");
        }
        String format = root.path("format").asText("");
        if (format.equals(PatchJson.FORMAT)) {
            return new PatchDocument(PatchJson.standard().parse(root), Optional.empty());
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
            return new PatchDocument(patch, input.isEmpty() ? Optional.empty() : Optional.of(input));
        }
        throw new BadInputException(where + ": \"format\" must be \"" + PatchJson.FORMAT + "\" or \""
                + EstimateJson.FORMAT + "\", got " + (root.has("format") ? "\"" + format + "\"" : "nothing"));
    }
}
