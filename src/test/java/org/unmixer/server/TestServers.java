package org.unmixer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.model.GradMode;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.Locations;

/**
 * What the server tests share: the shipped model, loaded once per test JVM (it takes seconds, and
 * every server class needs it; never closed, the JVM's exit frees it), servers on ephemeral ports
 * on loopback, and a small HTTP/1.1 client.
 */
final class TestServers {
    static final URI NOWHERE = URI.create("http://127.0.0.1:1");
    private static ModelEstimator model;

    private TestServers() {
    }

    static synchronized ModelEstimator model() {
        if (model == null) {
            GradMode.offOnThisThread();
            model = ModelEstimator.load("model", Locations.model(Locations.DEFAULT_MODEL), EstimationOptions.DEFAULT.topK());
        }
        return model;
    }

    /** A started server on a free port with these settings. */
    static InferenceServer start(ServerSettings settings) {
        return InferenceServer.bind(settings.withPort(0), System.err).start(model(), Locations.DEFAULT_MODEL);
    }

    static ServerSettings settings(int workers, int queue) {
        return ServerSettings.defaults().withWork(workers, queue);
    }

    /** An HTTP/1.1 client (no h2c upgrade attempt) for one test class. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpResponse<String> get(HttpClient client, URI base, String path) {
        return send(client, HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    static HttpResponse<String> post(HttpClient client, URI base, String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(client, b.build());
    }

    static HttpResponse<byte[]> postForBytes(HttpClient client, URI base, String pathAndQuery, String contentType, byte[] body) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls health until no job holds a place: a worker gives its place back just after its answer
     * is handed over, and a cancelled job at its next check. Bounded, so a job that ignored a cancel
     * fails the test; no assertion on how long it took.
     */
    static void awaitIdle(HttpClient client, InferenceServer server) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 600; i++) {
            JsonNode health = json.readTree(get(client, server.uri(), "/v1/health").body());
            if (health.path("running").asInt() == 0 && health.path("queued").asInt() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a job still holds its place after a minute");
    }

    /**
     * Sends raw request bytes on a fresh socket and returns everything the server wrote until it
     * closed the connection (for what {@link HttpClient} will not send: a lying Content-Length).
     */
    static String raw(int port, byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[4096];
            StringBuilder s = new StringBuilder();
            int n;
            while ((n = in.read(head)) > 0) {
                s.append(new String(head, 0, n, StandardCharsets.ISO_8859_1));
                if (s.indexOf("\r\n\r\n") >= 0 && s.indexOf("}") >= 0) {
                    break; // the JSON error is in; do not wait for the server to give up on the body
                }
            }
            return s.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
