package org.unmixer.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.unmixer.audio.SilentInputException;
import org.unmixer.audio.io.AudioFileException;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.params.BadInputException;

/**
 * The local inference API ({@code ./unmixer serve}, docs/api.md): the JDK's HTTP server on
 * 127.0.0.1 only, in front of one loaded model.
 *
 * <p>Threads, all bounded: the JDK's dispatcher accepts connections and hands each request to a
 * fixed pool of {@link ServerSettings#handlerThreads} handler threads (with a bounded backlog; a
 * connection beyond it is closed by the JDK). Handlers route, check headers and query, reserve a
 * place in the {@link WorkQueue} (429 when full, before the body is read) and then wait for the
 * worker that does the heavy part. {@link HttpLimits} keeps slow or silent clients from holding a
 * handler for long. Health and the OpenAPI document are answered by the handlers themselves, so they
 * stay quick while every worker is busy.
 *
 * <p>Requests must name this machine in {@code Host} (127.0.0.1, localhost or [::1]): a web page
 * the user visits cannot reach the API through a DNS name rebound to 127.0.0.1.
 */
public final class InferenceServer implements AutoCloseable {
    /** How long {@link #close} lets requests in progress finish before the workers are interrupted. */
    private static final int STOP_GRACE_SECONDS = 1;

    private final ServerSettings settings;
    private final HttpServer http;
    private final ThreadPoolExecutor handlers;
    private final WorkQueue work;
    private final PrintStream log;
    private final AtomicInteger internalErrors = new AtomicInteger();
    private Routes routes;
    private boolean started;
    private boolean closed;

    private InferenceServer(ServerSettings settings, HttpServer http, PrintStream log) {
        this.settings = settings;
        this.http = http;
        this.log = log;
        this.work = new WorkQueue(settings.workers(), settings.queue());
        AtomicInteger number = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(settings.handlerThreads(), settings.handlerThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.handlerThreads() * 8), r -> {
                    Thread t = new Thread(r, "unmixer-http-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        http.setExecutor(handlers);
    }

    /**
     * Binds 127.0.0.1:{@code settings.port()} (0: any free port) without serving yet, so a port in
     * use is reported before the model is loaded.
     *
     * @throws BadInputException when the port is taken
     */
    public static InferenceServer bind(ServerSettings settings, PrintStream log) {
        HttpLimits.install(settings.timeout());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port());
        try {
            return new InferenceServer(settings, HttpServer.create(address, 64), log);
        } catch (BindException e) {
            throw new BadInputException("port " + settings.port() + " on 127.0.0.1 is already in use (another ./unmixer serve?);"
                    + " choose another with --port");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open 127.0.0.1:" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** Starts answering, with {@code model} (which the caller loaded and closes after {@link #close}). */
    public synchronized InferenceServer start(ModelEstimator model, String modelName) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        Routes table = routes(model, modelName);
        http.createContext("/", exchange -> handle(table, exchange));
        routes = table;
        http.start();
        started = true;
        return this;
    }

    private Routes routes(ModelEstimator model, String modelName) {
        return new Routes()
                .add("POST", "/v1/estimate", new EstimateEndpoint(model, work, settings.timeout()))
                .add("POST", "/v1/render", new RenderEndpoint(work, settings.timeout()))
                .add("POST", "/v1/export/adg", new ExportAdgEndpoint(work, settings.timeout()))
                .add("GET", "/v1/health", new HealthEndpoint(modelName, work))
                .add("GET", "/v1/openapi.json", new OpenApiEndpoint());
    }

    /** The routes this server answers (empty before {@link #start}); the OpenAPI document is checked against it. */
    synchronized List<Routes.Route> routeTable() {
        return routes == null ? List.of() : routes.all();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void handle(Routes routes, HttpExchange exchange) {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), exchange.getRequestBody(),
                settings.maxBodyBytes());
        Response response;
        try {
            checkHost(request.host());
            response = routes.find(request.method(), request.path()).handle(request);
        } catch (HttpProblem p) {
            response = Response.error(p.status(), p.getMessage(), p.headers());
        } catch (AudioFileException e) {
            response = Response.error(400, e.getMessage(), Map.of());
        } catch (SilentInputException | BadInputException e) {
            response = Response.error(422, e.getMessage(), Map.of());
        } catch (CancellationException e) {
            response = Response.error(503, "the work was cancelled", Map.of());
        } catch (RuntimeException | OutOfMemoryError e) {
            internalErrors.incrementAndGet();
            log.println("unmixer serve: internal error on " + request.method() + " " + request.path() + ": " + e);
            if (System.getenv("UNMIXER_DEBUG") != null) {
                e.printStackTrace(log);
            }
            response = Response.error(500, "internal error: " + e, Map.of());
        }
        send(exchange, response, request.skipUnreadBody());
    }

    private void checkHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        String name = h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.replaceFirst(":\\d*$", "");
        if (!(name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]"))) {
            throw new HttpProblem(403, "Host \"" + host + "\" is not this machine's loopback address (127.0.0.1 or localhost)");
        }
    }

    /** Writes and flushes the answer before the exchange is closed (closing may wait to drain a body). */
    private static void send(HttpExchange exchange, Response response, boolean bodyConsumed) {
        try {
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (!bodyConsumed) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            exchange.close();
        }
    }

    /** Answers that were 500s so far (the load test reads it through the log; tests through this). */
    int internalErrors() {
        return internalErrors.get();
    }

    /** Stops accepting, lets requests in progress finish for a moment, then interrupts the workers. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            http.stop(STOP_GRACE_SECONDS);
        } else {
            http.stop(0);
        }
        work.close();
        handlers.shutdownNow();
    }
}
