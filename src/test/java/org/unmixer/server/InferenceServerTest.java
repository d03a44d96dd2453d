package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.AudioFormatInfo;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.params.BadInputException;
import org.unmixer.preset.AdgFile;
import org.unmixer.preset.AdgReader;
import org.unmixer.preset.RackKind;
import org.unmixer.session.Estimation;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.Progress;

/**
 * The API over real HTTP on loopback, one server for the class (1 worker, 2 queue places, a 1 MB
 * body limit so oversize is cheap to send): every endpoint's happy path, then bad requests, each
 * answered with its status and one JSON line — and after every test the server still answers health.
 */
class InferenceServerTest {
    private static final Path PLUCK = Path.of("assets/examples/pluck.wav");
    private static final Path PLUCK_PATCH = Path.of("assets/examples/pluck.json");
    private static final long BODY_LIMIT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static InferenceServer server;
    private static HttpClient client;
    private static URI base;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.settings(1, 2).withMaxBodyBytes(BODY_LIMIT));
        client = TestServers.client();
        base = server.uri();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillAnswersHealth() throws Exception {
        HttpResponse<String> health = TestServers.get(client, base, "/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void healthNamesTheModelAndTheCapacity() throws Exception {
        HttpResponse<String> r = TestServers.get(client, base, "/v1/health");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode h = JSON.readTree(r.body());
        assertThat(h.path("model").asText()).isEqualTo("unmixer-default");
        assertThat(h.path("workers").asInt()).isEqualTo(1);
        assertThat(h.path("queueCapacity").asInt()).isEqualTo(2);
        assertThat(h.has("version") && h.has("queued") && h.has("running")).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesServed() throws Exception {
        HttpResponse<String> r = TestServers.get(client, base, "/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
            path.getValue().elements().forEachRemaining(op -> assertThat(op.path("responses").has("405"))
                    .as("%s documents 405", path.getKey()).isTrue());
        }
        Set<String> served = new HashSet<>();
        server.routeTable().forEach(route -> served.add(route.method() + " " + route.path()));
        assertThat(served).hasSize(5);
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void anEstimateIsTheEstimateJsonTheCommandLinePrints() throws Exception {
        byte[] wav = Files.readAllBytes(PLUCK);
        HttpResponse<String> r = TestServers.post(client, base, "/v1/estimate?itfSteps=0", "audio/wav", wav);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String direct = Estimation.run(TestServers.model(), AudioFiles.read(PLUCK).audio(), UploadedAudio.DEFAULT_NAME,
                EstimationOptions.DEFAULT, Progress.NONE).json();
        assertThat(withoutTiming(r.body())).isEqualTo(withoutTiming(direct));
        assertThat(JSON.readTree(r.body()).path("format").asText()).isEqualTo("unmixer-estimate/1");
    }

    @Test
    void aMultipartUploadWithItfStepsIsRefinedAndNamedAfterItsFile() throws Exception {
        String boundary = "----unmixer-test-boundary";
        byte[] body = multipart(boundary, "file", "pluck.wav", Files.readAllBytes(PLUCK));
        HttpResponse<String> r = TestServers.post(client, base, "/v1/estimate?itfSteps=3&topK=3",
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode estimate = JSON.readTree(r.body());
        assertThat(estimate.path("input").path("file").asText()).isEqualTo("pluck.wav");
        assertThat(estimate.path("alternatives").size()).isLessThanOrEqualTo(3);
        assertThat(estimate.has("itf")).isTrue();
    }

    @Test
    void aRenderIsAWavOfTheAskedRateFormatAndLength() throws Exception {
        HttpResponse<byte[]> r = TestServers.postForBytes(client, base, "/v1/render?seconds=1&rate=48000&format=pcm16",
                "application/json", Files.readAllBytes(PLUCK_PATCH));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/wav");
        Path wav = temp.resolve("render.wav");
        Files.write(wav, r.body());
        AudioFormatInfo info = AudioFiles.readFormat(wav);
        assertThat(info.sampleRate()).isEqualTo(48_000);
        assertThat(info.bits()).isEqualTo(16);
        assertThat(info.frames()).isEqualTo(48_000);
    }

    @Test
    void anExportedRackReadsBackWithTheChainsDevices() throws Exception {
        HttpResponse<byte[]> r = TestServers.postForBytes(client, base, "/v1/export/adg?kind=instrument", "application/json",
                Files.readAllBytes(PLUCK_PATCH));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".adg"));
        AdgFile rack = AdgReader.read(r.body());
        assertThat(rack.rackKind()).contains(RackKind.INSTRUMENT);
        assertThat(rack.devices()).hasSize(3); // Wavetable, EQ Eight, Reverb
    }

    @Test
    void anEstimateIsAcceptedWhereAPatchIs() throws Exception {
        String estimate = Estimation.run(TestServers.model(), AudioFiles.read(PLUCK).audio(), "pluck.wav",
                new EstimationOptions(1, 0, 0, 1, 0, 0, 0, java.util.Optional.empty(), EstimationOptions.DEFAULT.proxies()),
                Progress.NONE).json();
        HttpResponse<byte[]> r = TestServers.postForBytes(client, base, "/v1/export/adg", "application/json",
                estimate.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(AdgReader.read(r.body()).devices()).isNotEmpty();
    }

    @Test
    void aTruncatedWavIs400WithTheReadersOneLine() {
        byte[] truncated = Arrays.copyOf(readUnchecked(PLUCK), 100);
        assertError(TestServers.post(client, base, "/v1/estimate", "audio/wav", truncated), 400, "truncated");
    }

    @Test
    void textSentAsAWavIs400() {
        assertError(TestServers.post(client, base, "/v1/estimate", "audio/x-wav", "hello, not audio".getBytes(StandardCharsets.UTF_8)),
                400, "not a WAV or AIFF file");
    }

    @Test
    void malformedJsonIs400() {
        assertError(TestServers.post(client, base, "/v1/render", "application/json", "{\"format\": ".getBytes(StandardCharsets.UTF_8)),
                400, "not valid JSON");
    }

    @Test
    void aMisspeltPatchParameterIs422WithTheCommandLinesMessage() throws Exception {
        String patch = Files.readString(PLUCK_PATCH).replace("\"Filter 1 Freq\"", "\"Filter 1 Frq\"");
        String cliMessage = "";
        try {
            PatchJson.standard().parse(patch);
        } catch (BadInputException e) {
            cliMessage = e.getMessage();
        }
        assertThat(cliMessage).contains("Filter 1 Frq");
        HttpResponse<String> r = TestServers.post(client, base, "/v1/render", "application/json", patch.getBytes(StandardCharsets.UTF_8));
        assertError(r, 422, cliMessage);
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeItIsSent() {
        String response = TestServers.raw(server.port(), ("POST /v1/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/wav\r\n"
                + "Content-Length: " + (BODY_LIMIT * 100) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\"");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WhileReading() {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /v1/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/wav\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[16 * 1024];
        for (long sent = 0; sent <= BODY_LIMIT + chunk.length; sent += chunk.length) {
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        String response = TestServers.raw(server.port(), request.toByteArray());
        assertThat(response).startsWith("HTTP/1.1 413").contains("larger than the server's limit");
    }

    @Test
    void aWrongOrMissingContentTypeIs415() {
        assertError(TestServers.post(client, base, "/v1/estimate", "text/plain", readUnchecked(PLUCK)), 415, "Content-Type");
        assertError(TestServers.post(client, base, "/v1/render", null, readUnchecked(PLUCK_PATCH)), 415, "application/json");
    }

    @Test
    void anEmptyBodyIs400() {
        assertError(TestServers.post(client, base, "/v1/estimate", "audio/wav", new byte[0]), 400, "empty");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        HttpResponse<String> r = TestServers.get(client, base, "/v1/render");
        assertError(r, 405, "allowed: POST");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> delete = TestServers.send(client, HttpRequest.newBuilder(base.resolve("/v1/health")).DELETE().build());
        assertError(delete, 405, "allowed: GET");
    }

    @Test
    void anUnknownPathIs404() {
        assertError(TestServers.get(client, base, "/v2/estimate"), 404, "no such endpoint");
    }

    @Test
    void anUnknownOrBadQueryParameterIs400() {
        byte[] wav = readUnchecked(PLUCK);
        assertError(TestServers.post(client, base, "/v1/estimate?itfsteps=3", "audio/wav", wav), 400, "unknown query parameter \"itfsteps\"");
        assertError(TestServers.post(client, base, "/v1/estimate?topK=0", "audio/wav", wav), 400, "topK 0 must be between 1 and 20");
        assertError(TestServers.post(client, base, "/v1/render?rate=22050", "application/json", readUnchecked(PLUCK_PATCH)), 400,
                "rate \"22050\"");
    }

    @Test
    void aForeignHostHeaderIs403() {
        String response = TestServers.raw(server.port(),
                "GET /v1/health HTTP/1.1\r\nHost: rebound.example:8750\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response).startsWith("HTTP/1.1 403");
    }

    private static void assertError(HttpResponse<String> r, int status, String messagePart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
        assertThat(body.path("error").asText()).contains(messagePart).doesNotContain("\n");
    }

    private static String withoutTiming(String json) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("timing");
        return node.toString();
    }

    static byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] readUnchecked(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
