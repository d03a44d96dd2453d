package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Two workers share one {@code ModelEstimator}: its forward passes run side by side (each in its own
 * NDManager), and ITF, which DJL allows one gradient recorder for per process, is taken in turns by
 * {@code Estimation}. Without that lock the second ITF fails with "A PtGradientCollector is already
 * collecting" (a 500). Both estimates must succeed and agree exactly with each other (the estimate
 * is deterministic), so neither saw the other's tensors.
 */
class ServerTwoWorkersTest {
    private static InferenceServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.settings(2, 2));
        client = TestServers.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoEstimatesWithItfAtOnceBothSucceedAndAgree() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of("assets/examples/pluck.wav"));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/v1/estimate?itfSteps=3&itfCandidates=2"))
                    .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<String> estimates = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            ObjectNode estimate = (ObjectNode) new ObjectMapper().readTree(r.body());
            assertThat(estimate.has("itf")).isTrue();
            estimate.remove("timing");
            estimates.add(estimate.toString());
        }
        assertThat(estimates.get(0)).isEqualTo(estimates.get(1));
        assertThat(server.internalErrors()).isZero();
    }
}
