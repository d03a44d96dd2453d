package org.unmixer.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.dsp.PatchRenderer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;

/**
 * Generates a dataset: config + seed → shards + {@code manifest.json}, deterministically (the same
 * config gives byte-identical files, whatever the number of worker threads).
 *
 * <p>Layout of {@code OUT/}: {@code shard-00000/} … each with
 * <ul>
 *   <li>{@code features.npy} '<f4' [n, frames, mels]: log-mel ({@link LogMel.Config#DEFAULT} at the
 *       dataset's rate) of the render's channel average. Every render lasts exactly
 *       {@link DatasetConfig#renderSeconds()}, so every example has the same frame count; it is
 *       still padded (with ln ε, the log-mel of silence) or trimmed to {@code frames} defensively.</li>
 *   <li>{@code theta.npy} '<f4' [n, columns] and {@code theta_mask.npy} '<i4' [n, columns]:
 *       see {@link ThetaLayout}.</li>
 *   <li>{@code chain.npy} '<i4' [n, 8]: effect indices (manifest {@code devices}) in signal order, −1 padded.</li>
 *   <li>{@code patches.jsonl}: one unmixer-patch/1 JSON per line (every parameter written).</li>
 *   <li>{@code audio.npy} '<f4' [n, 2, samples] when {@code storeAudio}.</li>
 * </ul>
 * Every file is written to a temporary name and moved into place. The manifest is rewritten after
 * every finished shard ({@code "complete": false}) and a last time at the end ({@code true}), so
 * an interrupted run (Ctrl-C) leaves a valid manifest describing the shards that are finished.
 * Writing into the folder of an earlier dataset replaces it (its manifest and shard folders are
 * deleted first); any other non-empty folder is refused.
 *
 * <p>Workers render one example each; results are collected in index order.
 */
public final class DatasetGenerator {
    public static final String MANIFEST_FORMAT = "unmixer-dataset-manifest/1";
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    /** Called on the generating thread after each finished example. */
    public interface Progress {
        void update(int done, int total);
    }

    /** What a run produced. */
    public record Summary(int accepted, Map<RenderCheck.Reason, Integer> rejected, int shards, Path manifest) {
    }

    private record Example(Patch patch, float[] features, float[][] audio, int[] rejected) {
    }

    private final DatasetConfig config;
    private final int threads;
    private final PatchSampler sampler;
    private final RenderCheck check;
    private final ThetaLayout layout;
    private final List<DeviceSpec> effects;
    private final LogMel.Config mel;
    private final int renderFrames;
    private final int frames;
    private final PatchRenderer wetRenderer;

    public DatasetGenerator(DatasetConfig config, Catalog catalog, int threads) {
        this(config, catalog, threads, PatchRenderer.REFERENCE);
    }

    /**
     * @param wetRenderer renders each example's wet audio (the reference renderer, or Live); the dry
     *     render the checks compare it with always comes from the reference renderer. A renderer
     *     that is not thread-safe (Live) needs {@code threads} = 1.
     */
    public DatasetGenerator(DatasetConfig config, Catalog catalog, int threads, PatchRenderer wetRenderer) {
        this.wetRenderer = wetRenderer;
        if (threads < 1) {
            throw new BadInputException("threads must be at least 1, got " + threads);
        }
        this.config = config;
        this.threads = threads;
        this.sampler = new PatchSampler(config, catalog);
        this.check = RenderCheck.of(config);
        this.layout = new ThetaLayout(catalog);
        this.effects = PatchSampler.effectDevices(catalog);
        LogMel.Config d = LogMel.Config.DEFAULT;
        this.mel = new LogMel.Config(config.sampleRate(), d.fftSize(), d.hop(), d.nMels(), d.fMinHz(), d.fMaxHz(), d.epsilon());
        this.renderFrames = (int) Math.round(config.renderSeconds() * config.sampleRate());
        this.frames = new LogMel(mel).compute(new float[renderFrames]).length;
    }

    /** Log-mel frames per example. */
    public int frames() {
        return frames;
    }

    public Summary generate(Path out, Progress progress) throws IOException {
        prepare(out);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dataset-worker");
            t.setDaemon(true);
            return t;
        });
        Map<RenderCheck.Reason, Integer> rejected = new EnumMap<>(RenderCheck.Reason.class);
        for (RenderCheck.Reason r : RenderCheck.Reason.values()) {
            rejected.put(r, 0);
        }
        List<ObjectNode> shardEntries = new ArrayList<>();
        int done = 0;
        try {
            for (int first = 0; first < config.count(); first += config.shardSize()) {
                int n = Math.min(config.shardSize(), config.count() - first);
                List<Future<Example>> futures = new ArrayList<>();
                for (int i = first; i < first + n; i++) {
                    long index = i;
                    futures.add(pool.submit(() -> example(index)));
                }
                List<Example> examples = new ArrayList<>();
                for (Future<Example> f : futures) {
                    Example e = await(f);
                    examples.add(e);
                    for (RenderCheck.Reason r : RenderCheck.Reason.values()) {
                        rejected.merge(r, e.rejected()[r.ordinal()], Integer::sum);
                    }
                    progress.update(++done, config.count());
                }
                shardEntries.add(writeShard(out, shardEntries.size(), first, examples));
                writeManifest(out, shardEntries, done, rejected, false);
            }
            Path manifest = writeManifest(out, shardEntries, done, rejected, true);
            return new Summary(done, rejected, shardEntries.size(), manifest);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Example await(Future<Example> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out + " exists and is not a folder");
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MANIFEST))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new BadInputException(out + " is not empty and holds no " + MANIFEST + "; refusing to write into it");
                }
            }
        }
        Files.createDirectories(out);
        if (Files.exists(out.resolve(MANIFEST))) {
            // An earlier dataset: its manifest goes first (so an interruption never leaves one that
            // describes missing shards), then its shard folders, so no stale shard outlives the run.
            Files.delete(out.resolve(MANIFEST));
            try (Stream<Path> s = Files.list(out)) {
                for (Path shard : s.filter(p -> p.getFileName().toString().matches("shard-\\d{5}")).toList()) {
                    try (Stream<Path> files = Files.list(shard)) {
                        for (Path f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                    Files.delete(shard);
                }
            }
        }
    }

    /** Draws, renders and checks example {@code index} until a render passes (at most maxAttempts draws). */
    Example example(long index) {
        SplittableRandom rng = PatchSampler.streamFor(config.seed(), index);
        int[] rejected = new int[RenderCheck.Reason.values().length];
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            Patch patch = sampler.draw(rng);
            AudioBuffer wet = wetRenderer.render(patch, config.sampleRate(), config.renderSeconds());
            AudioBuffer dry = patch.chain().isEmpty() ? wet
                    : Renderer.renderSource(patch.source(), patch.synth(), config.sampleRate(), config.renderSeconds());
            Optional<RenderCheck.Reason> reason = check.check(wet, dry, !patch.chain().isEmpty());
            if (reason.isEmpty() && !patch.chain().isEmpty()) {
                reason = check.checkEachEffect(patch.chain(), wet, dry);
            }
            if (reason.isEmpty()) {
                return new Example(patch, features(wet), config.storeAudio() ? wet.channels() : null, rejected);
            }
            rejected[reason.get().ordinal()]++;
        }
        StringBuilder why = new StringBuilder();
        for (RenderCheck.Reason r : RenderCheck.Reason.values()) {
            if (rejected[r.ordinal()] > 0) {
                why.append(why.length() == 0 ? "" : ", ").append(r.key()).append(' ').append(rejected[r.ordinal()]);
            }
        }
        throw new BadInputException("example " + index + ": all " + config.maxAttempts() + " draws were rejected (" + why
                + "); widen the sampling ranges, relax the check limits or raise maxAttempts");
    }

    /** Log-mel [frames × mels] flattened, padded with ln ε or trimmed to {@link #frames}. */
    private float[] features(AudioBuffer audio) {
        float[][] m = new LogMel(mel).compute(audio);
        float[] out = new float[frames * mel.nMels()];
        java.util.Arrays.fill(out, (float) Math.log(mel.epsilon()));
        for (int t = 0; t < Math.min(frames, m.length); t++) {
            System.arraycopy(m[t], 0, out, t * mel.nMels(), mel.nMels());
        }
        return out;
    }

    private ObjectNode writeShard(Path out, int shard, int first, List<Example> examples) throws IOException {
        String dirName = String.format(java.util.Locale.ROOT, "shard-%05d", shard);
        Path dir = out.resolve(dirName);
        Files.createDirectories(dir);
        int n = examples.size();
        int width = layout.width();
        int mels = mel.nMels();
        float[] features = new float[n * frames * mels];
        float[] theta = new float[n * width];
        int[] mask = new int[n * width];
        int[] chain = new int[n * ThetaLayout.CHAIN_LENGTH];
        StringBuilder jsonl = new StringBuilder();
        float[] rowTheta = new float[width];
        int[] rowMask = new int[width];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            System.arraycopy(e.features(), 0, features, i * frames * mels, frames * mels);
            layout.fill(e.patch(), rowTheta, rowMask);
            System.arraycopy(rowTheta, 0, theta, i * width, width);
            System.arraycopy(rowMask, 0, mask, i * width, width);
            System.arraycopy(layout.chainIndices(e.patch(), effects), 0, chain, i * ThetaLayout.CHAIN_LENGTH,
                    ThetaLayout.CHAIN_LENGTH);
            jsonl.append(COMPACT.writeValueAsString(PatchJson.standard().toTree(e.patch(), false))).append('\n');
        }
        ObjectNode entry = COMPACT.createObjectNode();
        entry.put("dir", dirName).put("first", first).put("count", n);
        ObjectNode files = entry.putObject("sha256");
        put(files, dir, "features.npy", Npy.bytes(new int[] {n, frames, mels}, features));
        put(files, dir, "theta.npy", Npy.bytes(new int[] {n, width}, theta));
        put(files, dir, "theta_mask.npy", Npy.bytes(new int[] {n, width}, mask));
        put(files, dir, "chain.npy", Npy.bytes(new int[] {n, ThetaLayout.CHAIN_LENGTH}, chain));
        put(files, dir, "patches.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8));
        if (config.storeAudio()) {
            float[] audio = new float[n * 2 * renderFrames];
            for (int i = 0; i < n; i++) {
                float[][] ch = examples.get(i).audio();
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(ch[Math.min(c, ch.length - 1)], 0, audio, (i * 2 + c) * renderFrames, renderFrames);
                }
            }
            put(files, dir, "audio.npy", Npy.bytes(new int[] {n, 2, renderFrames}, audio));
        }
        return entry;
    }

    private static void put(ObjectNode files, Path dir, String name, byte[] bytes) throws IOException {
        AtomicFiles.write(dir.resolve(name), bytes);
        files.put(name, AtomicFiles.sha256(bytes));
    }

    private Path writeManifest(Path out, List<ObjectNode> shards, int accepted, Map<RenderCheck.Reason, Integer> rejected,
            boolean complete) throws IOException {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("format", MANIFEST_FORMAT).put("name", config.name()).put("seed", config.seed()).put("complete", complete);
        m.set("config", config.toJson());
        ObjectNode counts = m.putObject("counts");
        counts.put("requested", config.count()).put("accepted", accepted);
        ObjectNode rej = counts.putObject("rejected");
        rejected.forEach((r, c) -> {
            // The per-effect check's counter appears only when the check is on: older manifests stay byte-identical.
            if (r != RenderCheck.Reason.INAUDIBLE_EFFECT || check.checksEachEffect()) {
                rej.put(r.key(), c);
            }
        });
        ObjectNode audio = m.putObject("render");
        audio.put("sampleRate", config.sampleRate()).put("seconds", config.renderSeconds()).put("samples", renderFrames)
                .put("channels", 2);
        ObjectNode f = m.putObject("features");
        f.put("kind", "log-mel").put("shape", "[n, frames, mels]").put("frames", frames).put("mels", mel.nMels())
                .put("fftSize", mel.fftSize()).put("hop", mel.hop()).put("fMinHz", mel.fMinHz()).put("fMaxHz", mel.fMaxHz())
                .put("epsilon", mel.epsilon()).put("padValue", (float) Math.log(mel.epsilon()))
                .put("note", "natural log of mel power of the channel average; every render has the same length, "
                        + "so padding (with padValue) or trimming to 'frames' only guards against rounding");
        ArrayNode devices = m.putArray("devices");
        effects.forEach(d -> devices.add(d.name()));
        m.put("chainLength", ThetaLayout.CHAIN_LENGTH).put("chainPad", ThetaLayout.NO_DEVICE);
        ObjectNode theta = m.putObject("theta");
        theta.put("note", "normalised θ per column \"Device/Parameter\"; theta_mask is 1 where the device is in the patch, θ = 0 elsewhere");
        ArrayNode cols = theta.putArray("columns");
        layout.columns().forEach(cols::add);
        ArrayNode s = m.putArray("shards");
        shards.forEach(s::add);
        Path file = out.resolve(MANIFEST);
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(m) + "\n");
        return file;
    }
}
