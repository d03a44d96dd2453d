package org.unmixer.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small load generator for the API ({@code ./unmixer load-test}): a burst of simultaneous
 * estimates (each must be 200 or 429), then a stream of malformed requests of every kind (each must
 * be a 4xx), then a health check, and, given the server's pid, its resident memory from {@code
 * /proc} before and after. Measures; the pass/fail rules are the API's promises (docs/api.md).
 */
public final class LoadTest {
    /**
     * @param base the server, {@code http://127.0.0.1:8750}
     * @param concurrent estimates sent at once
     * @param malformed malformed requests sent after them
     * @param malformedConcurrency how many of those are in flight at once
     * @param file the sound the estimates send
     * @param itfSteps the estimates' {@code itfSteps}
     * @param serverPid the server's process id, for its memory (Linux {@code /proc}); empty: not measured
     */
    public record Settings(URI base, int concurrent, int malformed, int malformedConcurrency, Path file, int itfSteps,
            OptionalLong serverPid) {
    }

    /** The malformed requests, in the order they are cycled through, with the status each should get. */
    enum Malformed {
        GARBAGE_AS_WAV(400), TRUNCATED_WAV(400), BAD_JSON_TO_RENDER(400), MISSPELT_PATCH_PARAMETER(422), WRONG_METHOD(405),
        OVERSIZE_CONTENT_LENGTH(413), UNKNOWN_PATH(404), WRONG_CONTENT_TYPE(415);

        final int expected;

        Malformed(int expected) {
            this.expected = expected;
        }
    }

    /**
     * What happened.
     *
     * @param estimateStatuses status → count for the simultaneous estimates (0: no answer, an I/O error)
     * @param okLatenciesMs latency of each 200, sorted
     * @param estimateSeconds wall time of the burst
     * @param malformedStatuses kind → (status → count)
     * @param healthAfter the health answer after it all (status code, body)
     * @param memoryBefore VmHWM and VmRSS in kB before, when a pid was given
     * @param memoryAfter the same after
     * @param firstErrors per kind of request that got no answer, the first I/O error (why there was none)
     */
    public record Report(Map<Integer, Integer> estimateStatuses, List<Long> okLatenciesMs, double estimateSeconds,
            Map<String, Map<Integer, Integer>> malformedStatuses, int healthStatus, String healthBody,
            Map<String, Long> memoryBefore, Map<String, Long> memoryAfter, Map<String, String> firstErrors) {
        public long percentileMs(double p) {
            if (okLatenciesMs.isEmpty()) {
                return -1;
            }
            int i = (int) Math.ceil(p / 100 * okLatenciesMs.size()) - 1;
            return okLatenciesMs.get(Math.max(0, Math.min(okLatenciesMs.size() - 1, i)));
        }

        /** Estimates answered with neither 200 nor 429 (errors included). */
        public int estimateViolations() {
            return estimateStatuses.entrySet().stream().filter(e -> e.getKey() != 200 && e.getKey() != 429)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        /** Malformed requests answered with anything but a 4xx (errors included). */
        public int malformedViolations() {
            return malformedStatuses.values().stream().flatMap(m -> m.entrySet().stream())
                    .filter(e -> e.getKey() < 400 || e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        public boolean passed() {
            return estimateViolations() == 0 && malformedViolations() == 0 && healthStatus == 200;
        }
    }

    private final Settings settings;
    private final HttpClient client;
    private final byte[] sound;
    private final SplittableRandom random = new SplittableRandom(8);
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();

    private LoadTest(Settings settings) throws IOException {
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.sound = Files.readAllBytes(settings.file());
    }

    public static Report run(Settings settings) throws IOException, InterruptedException {
        return new LoadTest(settings).run();
    }

    private Report run() throws IOException, InterruptedException {
        Map<String, Long> before = memory();
        long start = System.nanoTime();
        List<CompletableFuture<long[]>> burst = new ArrayList<>();
        for (int i = 0; i < settings.concurrent(); i++) {
            long sent = System.nanoTime();
            burst.add(client.sendAsync(HttpRequest.newBuilder(settings.base().resolve("/v1/estimate?itfSteps=" + settings.itfSteps()))
                    .header("Content-Type", "audio/wav").timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sound)).build(), HttpResponse.BodyHandlers.discarding())
                    .handle((r, failure) -> {
                        if (failure != null) {
                            firstErrors.putIfAbsent("ESTIMATE", String.valueOf(failure));
                        }
                        return new long[] {r == null ? 0 : r.statusCode(), (System.nanoTime() - sent) / 1_000_000};
                    }));
        }
        Map<Integer, Integer> estimateStatuses = new TreeMap<>();
        List<Long> okLatencies = new ArrayList<>();
        for (CompletableFuture<long[]> f : burst) {
            long[] r = f.join();
            estimateStatuses.merge((int) r[0], 1, Integer::sum);
            if (r[0] == 200) {
                okLatencies.add(r[1]);
            }
        }
        double estimateSeconds = (System.nanoTime() - start) / 1e9;
        okLatencies.sort(null);

        Map<String, Map<Integer, Integer>> malformed = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.malformedConcurrency()));
        try {
            List<Future<int[]>> answers = new ArrayList<>();
            for (int i = 0; i < settings.malformed(); i++) {
                Malformed kind = Malformed.values()[i % Malformed.values().length];
                answers.add(pool.submit(() -> new int[] {kind.ordinal(), send(kind)}));
            }
            for (Future<int[]> answer : answers) {
                int[] r = answer.get();
                malformed.computeIfAbsent(Malformed.values()[r[0]].name(), k -> new TreeMap<>()).merge(r[1], 1, Integer::sum);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }

        int healthStatus = 0;
        String healthBody = "";
        try {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(settings.base().resolve("/v1/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            healthStatus = health.statusCode();
            healthBody = health.body();
        } catch (IOException e) {
            healthBody = e.toString();
        }
        return new Report(estimateStatuses, List.copyOf(okLatencies), estimateSeconds, malformed, healthStatus, healthBody, before,
                memory(), new TreeMap<>(firstErrors));
    }

    /** One malformed request; its status, or 0 when it got no answer. */
    private int send(Malformed kind) {
        try {
            switch (kind) {
                case GARBAGE_AS_WAV:
                    byte[] garbage = new byte[256 + random.nextInt(4096)];
                    random.nextBytes(garbage);
                    return post("/v1/estimate", "audio/wav", garbage);
                case TRUNCATED_WAV:
                    return post("/v1/estimate", "audio/wav", Arrays.copyOf(sound, Math.min(sound.length, 44 + random.nextInt(2000))));
                case BAD_JSON_TO_RENDER:
                    return post("/v1/render", "application/json", "{\"format\": \"unmixer-patch/1\", \"source\": {".getBytes(StandardCharsets.UTF_8));
                case MISSPELT_PATCH_PARAMETER:
                    return post("/v1/export/adg", "application/json", ("{\"format\": \"unmixer-patch/1\", \"source\": {\"kind\": \"noise\","
                            + " \"seconds\": 1.0}, \"chain\": [{\"device\": \"Reverb\", \"params\": {\"Decay Tme\": 1200.0}}]}")
                            .getBytes(StandardCharsets.UTF_8));
                case WRONG_METHOD:
                    return client.send(HttpRequest.newBuilder(settings.base().resolve("/v1/estimate")).DELETE()
                            .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                case OVERSIZE_CONTENT_LENGTH:
                    return rawOversize();
                case UNKNOWN_PATH:
                    return post("/v1/estimates", "audio/wav", Arrays.copyOf(sound, 1024));
                case WRONG_CONTENT_TYPE:
                    return post("/v1/estimate", "text/plain", "a sound, honestly".getBytes(StandardCharsets.UTF_8));
                default:
                    throw new IllegalStateException(kind.name());
            }
        } catch (IOException e) {
            firstErrors.putIfAbsent(kind.name(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int post(String path, String type, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(settings.base().resolve(path)).header("Content-Type", type)
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Headers that promise 2 GB, then nothing: the client {@link HttpClient} will not be. */
    private int rawOversize() throws IOException {
        URI base = settings.base();
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/estimate HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: audio/wav\r\nContent-Length: 2147483648\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] line = new byte[12];
            int n = in.readNBytes(line, 0, line.length);
            String status = new String(line, 0, n, StandardCharsets.ISO_8859_1); // "HTTP/1.1 413"
            if (n == 12 && status.startsWith("HTTP/1.1 ")) {
                return Integer.parseInt(status.substring(9, 12));
            }
            throw new IOException("no status line; got " + n + " bytes: \"" + status + "\"");
        }
    }

    /** VmHWM (peak) and VmRSS (now) of the server in kB, from /proc; empty without a pid or on other systems. */
    private Map<String, Long> memory() {
        Map<String, Long> kb = new TreeMap<>();
        if (settings.serverPid().isEmpty()) {
            return kb;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(settings.serverPid().getAsLong()), "status"))) {
                if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                    kb.put(line.substring(0, 5), Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            kb.put("unreadable", -1L);
        }
        return kb;
    }
}
