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
 *       reading it. We use 30 s: a local client uploads 32 MB in well under a second.
 *   <li>{@code sun.net.httpserver.maxRspTime} (s): from the end of the request until the response
 *       is written — which includes the work, so it is the work timeout plus 30 s for a slow reader.
 *   <li>{@code jdk.httpserver.maxConnections}: open connections beyond it are closed at once (file
 *       descriptors stay bounded). 512.
 * </ul>
 *
 * Idle keep-alive connections are closed after {@code sun.net.httpserver.idleInterval}, 30 s by
 * default. Values the user set on the command line ({@code -D…}) are kept.
 */
final class HttpLimits {
    static final Duration MAX_REQUEST = Duration.ofSeconds(30);
    static final Duration RESPONSE_MARGIN = Duration.ofSeconds(30);
    static final int MAX_CONNECTIONS = 512;

    private HttpLimits() {
    }

    static void install(Duration workTimeout) {
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST.toSeconds()));
        setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(workTimeout.plus(RESPONSE_MARGIN).toSeconds()));
        setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
