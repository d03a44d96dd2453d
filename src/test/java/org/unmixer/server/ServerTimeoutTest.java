package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Work over the time limit: a 1000-step ITF against a 2 s limit is answered 503 and cancelled (the
 * worker is free again long before 1000 steps could have run), and the next request is served.
 */
class ServerTimeoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InferenceServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.settings(1, 2).withTimeout(Duration.ofSeconds(2)));
        client = TestServers.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void workOverTheLimitIs503AndCancelledAndTheNextRequestIsServed() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of("assets/examples/pluck.wav"));
        HttpResponse<String> slow = TestServers.post(client, server.uri(), "/v1/estimate?itfSteps=1000", "audio/wav", wav);
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
        assertThat(JSON.readTree(slow.body()).path("error").asText()).contains("cancelled");

        TestServers.awaitIdle(client, server); // the interrupted ITF stops at its next step and gives the worker back
        HttpResponse<byte[]> next = TestServers.postForBytes(client, server.uri(), "/v1/export/adg", "application/json",
                Files.readAllBytes(Path.of("assets/examples/pluck.json")));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(server.internalErrors()).isZero();
    }
}
