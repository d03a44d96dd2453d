package org.unmixer.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.unmixer.params.BadInputException;
import org.unmixer.session.PatchDocument;

/**
 * Patch or estimate JSON from a request body, parsed by the command line's {@link PatchDocument}:
 * bytes that are not UTF-8 JSON are a 400, a well-formed document with a bad patch in it (a
 * misspelt parameter, an out-of-range value) a 422 with the same one line the command line prints.
 */
final class PatchBodies {
    static final String WHERE = "request body";
    private static final Set<String> JSON_TYPES = Set.of("application/json", "text/json");

    private PatchBodies() {
    }

    static void requireJson(Request request) {
        String type = request.mediaType();
        if (!JSON_TYPES.contains(type)) {
            throw HttpProblem.unsupportedMediaType("Content-Type must be application/json (a patch or an estimate); got "
                    + (type.isEmpty() ? "none" : "\"" + type + "\""));
        }
    }

    static PatchDocument parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest(WHERE + ": not UTF-8 text");
        }
        JsonNode root;
        try {
            root = PatchDocument.tree(text, WHERE);
        } catch (BadInputException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        try {
            return PatchDocument.parse(root, WHERE);
        } catch (BadInputException e) {
            throw HttpProblem.unprocessable(e.getMessage());
        }
    }
}
