package org.unmixer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Pitch;
import org.unmixer.audio.PitchDetector;
import org.unmixer.audio.Resampler;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.DatasetGenerator;
import org.unmixer.data.PatchSampler;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.PatchPrior;
import org.unmixer.infer.UniformPrior;
import org.unmixer.infer.bench.BenchExample;
import org.unmixer.infer.bench.BenchJson;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.Suggest;

/**
 * Where {@code unmixer bench} gets its examples: a named test set ({@code id-full}, {@code id-dry},
 * {@code known-source}) generated in-process from its config into {@code OUT/testset}, or a folder of
 * WAV/AIFF files with optional labels ({@code labels.json} or {@code labels.jsonl}); files and labels
 * that cannot be read are skipped with the reason.
 */
final class BenchSuites {
    /** The examples, what was skipped and why, the priors of nn's library and of random, and notes for the report. */
    record Suite(String name, List<BenchExample> examples, Map<String, String> skipped, PatchPrior libraryPrior,
            PatchPrior randomPrior, List<String> notes) {}

    private final String suite;
    private final Integer limit;
    private final long seed;
    private final Path out;

    BenchSuites(String suite, Integer limit, long seed, Path out) {
        this.suite = suite;
        this.limit = limit;
        this.seed = seed;
        this.out = out;
    }

    /** The suite: a named test set generated in-process, or a folder of audio files with optional labels. */
    Suite load(PrintWriter err, int workers) throws IOException {
        if (DatasetCommand.TEST_SETS.contains(suite)) {
            return namedSuite(err, workers);
        }
        Path folder = Path.of(suite);
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("--suite \"" + suite + "\" is neither a test set (" + String.join(", ", DatasetCommand.TEST_SETS)
                    + ") nor a folder" + Suggest.didYouMean(suite, DatasetCommand.TEST_SETS));
        }
        return folderSuite(folder, err);
    }

    private Suite namedSuite(PrintWriter err, int workers) throws IOException {
        Catalog catalog = Catalog.standard();
        Path file = DatasetCommand.assetsDir().resolve(suite + ".json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": test-set config missing (run from the repository root or via ./unmixer)");
        }
        DatasetConfig config = DatasetConfig.load(file, catalog);
        if (limit != null && limit < config.count()) {
            config = config.withCount(limit);
        }
        Path dir = out.resolve("testset");
        String name = config.name();
        new DatasetGenerator(config, catalog, workers).generate(dir, (done, total) -> {
            if (done == total) {
                err.printf(Locale.ROOT, "bench: test set %s generated (%d examples)%n", name, total);
                err.flush();
            }
        });
        List<Path> shards;
        try (Stream<Path> st = Files.list(dir)) {
            shards = st.filter(p -> p.getFileName().toString().matches("shard-\\d{5}")).sorted().toList();
        }
        List<BenchExample> examples = new ArrayList<>();
        PatchJson json = PatchJson.standard();
        for (Path shard : shards) {
            for (String line : Files.readAllLines(shard.resolve("patches.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Patch patch = json.parse(line);
                AudioBuffer target = Renderer.render(patch, config.sampleRate(), config.renderSeconds());
                examples.add(new BenchExample(String.format(Locale.ROOT, "%s/%04d", name, examples.size()), target,
                        patch.source(), Optional.of(patch)));
            }
        }
        long librarySeed = config.seed() + BenchCommand.LIBRARY_SEED_OFFSET + seed;
        PatchSampler sampler = new PatchSampler(config, catalog);
        PatchPrior libraryPrior = (i, src) -> sampler.draw(PatchSampler.streamFor(librarySeed, i));
        PatchPrior randomPrior = (i, src) -> sampler.draw(PatchSampler.streamFor(librarySeed + 1, i)).withSource(src);
        List<String> notes = List.of("targets: renders of the labelled patches of " + name + " (seed " + config.seed()
                + "), generated in-process into " + dir,
                "nn library and random draw from the suite's own sampler with seeds " + librarySeed + " and "
                        + (librarySeed + 1) + " (test seed " + config.seed() + "): no test-set leakage");
        return new Suite(name, examples, new LinkedHashMap<>(), libraryPrior, randomPrior, notes);
    }

    private Suite folderSuite(Path folder, PrintWriter err) throws IOException {
        Map<String, String> skipped = new TreeMap<>();
        Map<String, Patch> labels = readLabels(folder, skipped, err);
        List<Path> files;
        try (Stream<Path> st = Files.list(folder)) {
            files = st.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(wav|aif|aiff)"))
                    .sorted().toList();
        }
        List<BenchExample> examples = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (skipped.containsKey(name)) {
                continue; // its label was bad: already reported
            }
            if (limit != null && examples.size() >= limit) {
                break;
            }
            AudioBuffer audio;
            try {
                audio = AudioFiles.read(f).audio();
            } catch (RuntimeException e) {
                skip(skipped, err, name, ErrorReporter.oneLine(String.valueOf(e.getMessage())));
                continue;
            }
            if (audio.sampleRate() != Renderer.DEFAULT_RATE) {
                audio = Resampler.resample(audio, Renderer.DEFAULT_RATE);
            }
            Optional<Patch> truth = Optional.ofNullable(labels.get(name));
            SourceSpec source = truth.map(Patch::source).orElseGet(() -> null);
            if (source == null) {
                double seconds = Math.min(SourceSpec.MAX_SECONDS, audio.seconds());
                double tail = Math.min(SourceSpec.DEFAULT_TAIL_SECONDS, seconds / 4);
                int note = PitchDetector.detect(audio).map(Pitch::midiNote).orElse(60);
                source = new SourceSpec(SourceKind.SYNTH, Math.max(0, Math.min(127, note)), 100,
                        Math.max(1e-3, seconds - tail), tail, 0);
            }
            examples.add(new BenchExample(name, audio, source, truth));
        }
        List<String> notes = new ArrayList<>();
        notes.add("targets: the files of " + folder + " (resampled to " + Renderer.DEFAULT_RATE + " Hz where needed); "
                + labels.size() + " labelled; unlabelled files get their note from the pitch detector (C4 when none)");
        notes.add("nn library and random draw from the uniform prior with seed " + (seed + 1));
        PatchPrior uniform = new UniformPrior(seed + 1);
        return new Suite(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(), examples,
                skipped, uniform, uniform, notes);
    }

    private static Map<String, Patch> readLabels(Path folder, Map<String, String> skipped, PrintWriter err) throws IOException {
        Map<String, Patch> labels = new LinkedHashMap<>();
        PatchJson json = PatchJson.standard();
        Path single = folder.resolve("labels.json");
        Path lines = folder.resolve("labels.jsonl");
        if (Files.isRegularFile(single) && Files.isRegularFile(lines)) {
            throw new BadInputException(folder + ": both labels.json and labels.jsonl; keep one");
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (Files.isRegularFile(single)) {
            JsonNode root = readJson(Files.readString(single, StandardCharsets.UTF_8), "labels.json");
            if (!root.isObject()) {
                throw new BadInputException("labels.json: expected an object mapping file name → patch");
            }
            root.fields().forEachRemaining(entries::add);
        } else if (Files.isRegularFile(lines)) {
            int n = 0;
            for (String line : Files.readAllLines(lines, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = readJson(line, "labels.jsonl line " + n);
                if (!row.path("file").isTextual() || !row.path("patch").isObject()) {
                    throw new BadInputException("labels.jsonl line " + n + ": expected {\"file\": NAME, \"patch\": {…}}");
                }
                entries.add(Map.entry(row.get("file").asText(), row.get("patch")));
            }
        }
        for (Map.Entry<String, JsonNode> e : entries) {
            if (!Files.isRegularFile(folder.resolve(e.getKey()))) {
                err.printf(Locale.ROOT, "bench: labels name %s, which is not in %s; ignored%n", e.getKey(), folder);
                continue;
            }
            try {
                labels.put(e.getKey(), json.parse(e.getValue()));
            } catch (RuntimeException ex) {
                skip(skipped, err, e.getKey(), "label: " + ErrorReporter.oneLine(String.valueOf(ex.getMessage())));
            }
        }
        return labels;
    }

    private static JsonNode readJson(String text, String where) {
        try {
            return BenchJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new BadInputException(where + ": not valid JSON");
        }
    }

    private static void skip(Map<String, String> skipped, PrintWriter err, String name, String reason) {
        skipped.put(name, reason);
        err.printf(Locale.ROOT, "bench: skipping %s: %s%n", name, reason);
        err.flush();
    }
}
