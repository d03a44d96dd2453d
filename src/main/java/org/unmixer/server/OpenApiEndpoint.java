package org.unmixer.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/** {@code GET /v1/openapi.json}: the API described in OpenAPI 3.0, from the resource beside this class. */
final class OpenApiEndpoint implements Endpoint {
    static final String RESOURCE = "openapi.json";
    private final byte[] document;

    OpenApiEndpoint() {
        this.document = load();
    }

    static byte[] load() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource org/unmixer/server/" + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response handle(Request request) {
        request.query().allowOnly(Set.of());
        return new Response(200, Response.JSON, document, Map.of());
    }
}
