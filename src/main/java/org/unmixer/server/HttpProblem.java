package org.unmixer.server;

import java.util.Collection;
import java.util.Map;

/**
 * A request the server answers with an error status and one line saying why ({@code {"error": "…"}}).
 * Thrown anywhere while handling a request; the dispatcher turns it into the response.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    HttpProblem(int status, String message) {
        this(status, message, Map.of());
    }

    HttpProblem(int status, String message, Map<String, String> headers) {
        super(message, null, false, false); // a routine answer, not a failure: no stack trace to fill
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    /** Extra response headers ({@code Allow}, {@code Retry-After}). */
    Map<String, String> headers() {
        return headers;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem notFound(String path) {
        return new HttpProblem(404, "no such endpoint: " + path + " (the routes are in GET /v1/openapi.json)");
    }

    static HttpProblem methodNotAllowed(String method, String path, Collection<String> allowed) {
        String allow = String.join(", ", allowed);
        return new HttpProblem(405, method + " is not allowed on " + path + " (allowed: " + allow + ")", Map.of("Allow", allow));
    }

    static HttpProblem payloadTooLarge(long limitBytes) {
        return new HttpProblem(413, "request body is larger than the server's limit of " + limitBytes + " bytes (--max-body-mb)");
    }

    static HttpProblem unsupportedMediaType(String message) {
        return new HttpProblem(415, message);
    }

    static HttpProblem unprocessable(String message) {
        return new HttpProblem(422, message);
    }

    static HttpProblem busy(int retryAfterSeconds) {
        return new HttpProblem(429, "the server is busy (every worker and queue slot is taken); retry in about "
                + retryAfterSeconds + " s", Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    static HttpProblem timedOut(long limitSeconds) {
        return new HttpProblem(503, "the work took longer than the server's limit of " + limitSeconds
                + " s (--timeout-seconds) and was cancelled");
    }
}
