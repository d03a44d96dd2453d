package org.unmixer.server;

import java.time.Duration;
import org.unmixer.params.BadInputException;

/**
 * How the server runs. Defaults are {@code ./unmixer serve}'s.
 *
 * @param port TCP port on 127.0.0.1 (0: any free one). Default 8750.
 * @param workers threads doing estimates, renders and exports at once. Default 1: an estimate keeps a
 *     core busy, and ITF runs one at a time anyway (one gradient recorder per process).
 * @param queue requests waiting for a worker beyond those running; more are answered 429. Default 4.
 * @param maxBodyBytes largest request body accepted (413 above). Default 32 MB: about three minutes
 *     of 16-bit stereo at 44.1 kHz, far more than a one-shot sound needs.
 * @param timeout longest a request may wait and work (queue time included) before 503 and
 *     cancellation. Default 120 s.
 * @param handlerThreads threads reading requests and writing answers (the HTTP server's own pool).
 *     Default 16: they only parse, wait and copy, so a few more than workers + queue keep health
 *     checks and quick rejections answered while every work place is taken.
 */
public record ServerSettings(int port, int workers, int queue, long maxBodyBytes, Duration timeout, int handlerThreads) {
    public static final int DEFAULT_PORT = 8750;
    public static final int DEFAULT_WORKERS = 1;
    public static final int DEFAULT_QUEUE = 4;
    public static final int DEFAULT_MAX_BODY_MB = 32;
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;
    public static final int DEFAULT_HANDLER_THREADS = 16;

    public ServerSettings {
        check(port >= 0 && port <= 65_535, "port " + port + " must be between 0 and 65535");
        check(workers >= 1 && workers <= 64, "workers " + workers + " must be between 1 and 64");
        check(queue >= 0 && queue <= 1000, "queue " + queue + " must be between 0 and 1000");
        check(maxBodyBytes >= 1 && maxBodyBytes <= (1L << 30), "max body " + maxBodyBytes + " bytes must be between 1 byte and 1 GB");
        check(!timeout.isNegative() && !timeout.isZero() && timeout.toHours() < 24, "timeout " + timeout + " must be between 0 and 24 h");
        check(handlerThreads >= 2 && handlerThreads <= 256, "handler threads " + handlerThreads + " must be between 2 and 256");
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, DEFAULT_WORKERS, DEFAULT_QUEUE, DEFAULT_MAX_BODY_MB * (1L << 20),
                Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), DEFAULT_HANDLER_THREADS);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(newPort, workers, queue, maxBodyBytes, timeout, handlerThreads);
    }

    public ServerSettings withWork(int newWorkers, int newQueue) {
        return new ServerSettings(port, newWorkers, newQueue, maxBodyBytes, timeout, handlerThreads);
    }

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(port, workers, queue, bytes, timeout, handlerThreads);
    }

    public ServerSettings withTimeout(Duration newTimeout) {
        return new ServerSettings(port, workers, queue, maxBodyBytes, newTimeout, handlerThreads);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}
