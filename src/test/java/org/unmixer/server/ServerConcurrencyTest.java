package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * More clients than places: 12 estimates at once against 1 worker and 2 queue places. Every answer
 * is a 200 or a 429 with Retry-After (nothing else: no resets, no 500s), some of each, and the
 * server is idle and healthy afterwards.
 */
class ServerConcurrencyTest {
    private static final int CLIENTS = 12;
    private static InferenceServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.settings(1, 2));
        client = TestServers.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twelveEstimatesAtOnceGet200Or429AndTheServerRecovers() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of("assets/examples/pluck.wav"));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/v1/estimate?draws=0"))
                    .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
            if (r.statusCode() == 200) {
                ok++;
            } else {
                busy++;
                assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
                assertThat(r.body()).contains("\"error\"");
            }
        }
        assertThat(ok).isGreaterThanOrEqualTo(1);
        assertThat(busy).isGreaterThanOrEqualTo(1);
        assertThat(ok + busy).isEqualTo(CLIENTS);
        TestServers.awaitIdle(client, server); // every place is given back
        JsonNode health = new ObjectMapper().readTree(TestServers.get(client, server.uri(), "/v1/health").body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(server.internalErrors()).isZero();
    }
}
