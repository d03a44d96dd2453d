package org.unmixer.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** {@code GET /v1/health}: answered on the handler thread, so it works while every worker is busy. */
final class HealthEndpoint implements Endpoint {
    private final String modelName;
    private final WorkQueue work;

    HealthEndpoint(String modelName, WorkQueue work) {
        this.modelName = modelName;
        this.work = work;
    }

    @Override
    public Response handle(Request request) {
        request.query().allowOnly(Set.of());
        ObjectNode node = Response.object();
        node.put("status", "ok");
        node.put("model", modelName);
        node.put("version", version());
        node.put("queued", work.queued());
        node.put("running", work.running());
        node.put("workers", work.workers());
        node.put("queueCapacity", work.capacity());
        return Response.json(node);
    }

    /** The jar's version, or the development marker when run from classes (as {@code --version}). */
    static String version() {
        String v = HealthEndpoint.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT (development build)" : v;
    }
}
