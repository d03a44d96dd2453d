package org.unmixer.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an endpoint answers: status, content type, body bytes and any extra headers. Built whole in
 * memory (estimates are kilobytes, renders a few megabytes), so the length is always known.
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    Response {
        headers = Map.copyOf(headers);
    }

    static Response json(String json) {
        return new Response(200, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response json(ObjectNode node) {
        return json(node.toString());
    }

    /** A file to save: {@code Content-Disposition: attachment} with its name. */
    static Response file(String contentType, byte[] body, String fileName) {
        return new Response(200, contentType, body, Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
    }

    /** {@code {"error": "one line"}} with the problem's status and headers. */
    static Response error(int status, String message, Map<String, String> headers) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", oneLine(message));
        return new Response(status, JSON, node.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
