package org.unmixer.server;

import java.time.Duration;

/**
 * Time limits of the JDK's HTTP server, which it reads once per JVM from system properties when the
 * first server starts. Without them a client that sends half a request (or declares a body and
 * never sends it) holds a handler thread forever:
 *
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime} (s): from the first byte of a request until its body
 *       has been read; after it the connection is closed, which frees the handler thread blocked
 *       reading it. We use 15 s: a local client uploads 32 MB in well under a second. The JDK reads
 *       request headers on the handler threads, so a client that trickles its headers holds one
 *       for up to this long; sixteen such clients stall the API for 15 s, not for ever.
 *   <li>{@code sun.net.httpserver.maxRspTime} (s): from the end of the request until the response
 *       is written — which includes the work, so it is the work timeout plus 30 s for a slow reader.
 * </ul>
 *
 * Idle keep-alive connections are closed after {@code sun.net.httpserver.idleInterval}, 30 s by
 * default. Values the user set on the command line ({@code -D…}) are kept.
 *
 * <p>Deliberately not set: {@code jdk.httpserver.maxConnections}. JDK 17 keeps a connection in its
 * count when the client resets it while the server drains a body it refused (a 413 for a declared
 * 2 GB, the client hanging up after reading the status), until {@code maxReqTime} sweeps it. With a
 * cap of 512 the load test's 125 oversize requests per run made the server refuse new connections
 * (reset, no status) from the fifth run in quick succession; without the cap those entries are
 * only a few objects each, swept within {@code maxReqTime}. Open connections are then bounded by
 * what local clients open and by the time limits (a connection half-sent for 15 s or idle for 30 s
 * is closed).
 */
final class HttpLimits {
    static final Duration MAX_REQUEST = Duration.ofSeconds(15);
    static final Duration RESPONSE_MARGIN = Duration.ofSeconds(30);

    private HttpLimits() {
    }

    static void install(Duration workTimeout) {
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST.toSeconds()));
        setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(workTimeout.plus(RESPONSE_MARGIN).toSeconds()));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
