package org.unmixer.server;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What an endpoint sees of a request: method, path, query, headers and a body read at most once and
 * never beyond the server's size limit. The body is read by the endpoint when it decides to (after
 * the cheap checks and after a work slot is reserved), not up front.
 */
final class Request {
    private final String method;
    private final String path;
    private final String rawQuery;
    private QueryParams query;
    private final Headers headers;
    private final InputStream body;
    private final long maxBodyBytes;
    private boolean bodyRead;

    Request(String method, String path, String rawQuery, Headers headers, InputStream body, long maxBodyBytes) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.maxBodyBytes = maxBodyBytes;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The query, parsed on first use (a malformed one is a 400 from the endpoint that asks). */
    QueryParams query() {
        if (query == null) {
            query = QueryParams.parse(rawQuery);
        }
        return query;
    }

    /** The Host header as sent, or "" without one. */
    String host() {
        String value = headers.getFirst("Host");
        return value == null ? "" : value.trim();
    }

    /** The Content-Type header as sent, or "" without one. */
    String contentTypeHeader() {
        String value = headers.getFirst("Content-Type");
        return value == null ? "" : value.trim();
    }

    /** The media type alone, lower case, without parameters ({@code multipart/form-data}). */
    String mediaType() {
        String value = contentTypeHeader();
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The declared Content-Length; empty for a chunked body (or none). */
    OptionalLong declaredLength() {
        String value = headers.getFirst("Content-Length");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("Content-Length \"" + value + "\" is not a number");
        }
    }

    /** 413 before a byte is read when the declared length is over the limit. */
    void rejectDeclaredOversize() {
        OptionalLong declared = declaredLength();
        if (declared.isPresent() && declared.getAsLong() > maxBodyBytes) {
            throw HttpProblem.payloadTooLarge(maxBodyBytes);
        }
    }

    /**
     * The whole body: 413 when it is (or, chunked, turns out to be) over the limit, 400 when empty.
     */
    byte[] body() {
        rejectDeclaredOversize();
        bodyRead = true;
        try {
            byte[] bytes = BoundedBody.read(body, maxBodyBytes);
            if (bytes.length == 0) {
                throw HttpProblem.badRequest("the request body is empty");
            }
            return bytes;
        } catch (IOException e) {
            // the client hung up or stalled past the request time limit; it will hardly read this
            throw HttpProblem.badRequest("the request body could not be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads and drops what is left of a body within the size limit, so that an HTTP/1.1 client that
     * is still sending sees our answer instead of a reset connection. Returns false when the body was
     * too large to skip (the connection should then be closed).
     */
    boolean skipUnreadBody() {
        if (bodyRead) {
            return true;
        }
        bodyRead = true;
        OptionalLong declared;
        try {
            declared = declaredLength();
        } catch (HttpProblem e) {
            return false;
        }
        if (declared.isPresent() && declared.getAsLong() > maxBodyBytes) {
            return false;
        }
        try {
            return BoundedBody.skip(body, maxBodyBytes);
        } catch (IOException e) {
            return false;
        }
    }
}
