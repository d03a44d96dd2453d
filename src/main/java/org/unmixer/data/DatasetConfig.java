package org.unmixer.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;

/**
 * One dataset's recipe, parsed strictly from JSON ({@code unmixer-dataset/1}); every field but
 * {@code format}, {@code name}, {@code seed} and {@code count} has the default shown.
 *
 * <pre>{"format": "unmixer-dataset/1", "name": "id-full", "seed": 1001, "count": 500,
 *  "shardSize": 1000,            examples per shard
 *  "sampleRate": 44100,          Hz (32000..192000: the log-mel bands reach 16 kHz)
 *  "stage": "full",              dry | nonlinear | full (CurriculumStage)
 *  "knownSource": false,         true: a known signal (sourceKinds) through the chain, no synth
 *  "sourceKinds": ["noise", "chirp", "impulse"],
 *  "noteMin": 36, "noteMax": 84, MIDI notes, uniform
 *  "velocityMin": 64, "velocityMax": 127,
 *  "gateMinSeconds": 0.5, "gateMaxSeconds": 1.0,  note (or signal) length, uniform
 *  "tailSeconds": 0.5,           every render lasts gateMaxSeconds + tailSeconds
 *  "storeAudio": false,          also write audio.npy
 *  "clipLimitDb": 6.0,           RenderCheck: peak above this (dBFS) is rejected
 *  "silenceFloorDb": -60.0,      RenderCheck: peak below this (dBFS) is rejected
 *  "minEffectDistance": 0.05,    RenderCheck: MR-STFT distance chain output ↔ dry source must exceed this
 *  "minEachEffectDistance": 0,   RenderCheck: and removing any one effect must move the output by more than
 *                                this (0: not checked; each effect costs one more render of the chain)
 *  "maxAttempts": 50,            draws per example before giving up with an error
 *  "samplingRanges": "sampling-ranges.json",  table of musical ranges, relative to the config's folder ("none": uniform θ)
 *  "ranges": {}}                 per-device overrides of that table (same shape as its "devices")</pre>
 *
 * @param samplingRangesSha256 SHA-256 of the sampling table file's bytes (empty for "none"), for the manifest
 * @param rangesOverride the {@code ranges} object as given (kept for the manifest)
 * @param ranges the resolved table (file plus overrides)
 */
public record DatasetConfig(
        String name, long seed, int count, int shardSize, int sampleRate, CurriculumStage stage,
        boolean knownSource, List<SourceKind> sourceKinds, int noteMin, int noteMax, int velocityMin, int velocityMax,
        double gateMinSeconds, double gateMaxSeconds, double tailSeconds, boolean storeAudio,
        double clipLimitDb, double silenceFloorDb, double minEffectDistance, double minEachEffectDistance, int maxAttempts,
        String samplingRanges, String samplingRangesSha256, JsonNode rangesOverride, SamplingRanges ranges) {

    public static final String FORMAT = "unmixer-dataset/1";
    public static final int MAX_COUNT = 10_000_000;
    static final List<String> FIELDS = List.of("format", "name", "seed", "count", "shardSize", "sampleRate", "stage",
            "knownSource", "sourceKinds", "noteMin", "noteMax", "velocityMin", "velocityMax", "gateMinSeconds",
            "gateMaxSeconds", "tailSeconds", "storeAudio", "clipLimitDb", "silenceFloorDb", "minEffectDistance",
            "minEachEffectDistance", "maxAttempts", "samplingRanges", "ranges", "note");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DatasetConfig {
        sourceKinds = List.copyOf(sourceKinds);
    }

    /** Every render's length: the longest gate plus the tail. */
    public double renderSeconds() {
        return gateMaxSeconds + tailSeconds;
    }

    /** The same config with another example count (the CLI's {@code --count}). */
    public DatasetConfig withCount(int newCount) {
        if (newCount < 1 || newCount > MAX_COUNT) {
            throw new BadInputException("count " + newCount + " is out of range 1.." + MAX_COUNT);
        }
        return new DatasetConfig(name, seed, newCount, shardSize, sampleRate, stage, knownSource, sourceKinds, noteMin,
                noteMax, velocityMin, velocityMax, gateMinSeconds, gateMaxSeconds, tailSeconds, storeAudio, clipLimitDb,
                silenceFloorDb, minEffectDistance, minEachEffectDistance, maxAttempts, samplingRanges, samplingRangesSha256,
                rangesOverride, ranges);
    }

    /** Reads a config file; a relative {@code samplingRanges} path is resolved against the file's folder. */
    public static DatasetConfig load(Path file, Catalog catalog) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent(), catalog, file.getFileName().toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + StrictJson.oneLine(e) + ")");
        }
    }

    /** Parses config JSON; errors are one line naming the field, prefixed with {@code where}. */
    public static DatasetConfig parse(String json, Path baseDir, Catalog catalog, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": not valid JSON (" + StrictJson.oneLine(e) + ")");
        }
        try {
            return parse(root, baseDir, catalog);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    static DatasetConfig parse(JsonNode root, Path baseDir, Catalog catalog) {
        StrictJson.onlyFields(root, "config", FIELDS);
        String format = StrictJson.text(root, "format", "", null);
        if (!format.equals(FORMAT)) {
            throw new BadInputException("format \"" + format + "\" is not " + FORMAT);
        }
        String name = StrictJson.text(root, "name", "", null);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new BadInputException("name \"" + name + "\" must be 1..64 letters, digits, '.', '_' or '-'");
        }
        if (!root.has("seed")) {
            throw new BadInputException("seed is missing");
        }
        long seed = StrictJson.integer(root, "seed", "", 0);
        if (!root.has("count")) {
            throw new BadInputException("count is missing");
        }
        int count = StrictJson.intIn(root, "count", "", 0, 1, MAX_COUNT);
        int shardSize = StrictJson.intIn(root, "shardSize", "", 1000, 1, 100_000);
        int sampleRate = StrictJson.intIn(root, "sampleRate", "", 44_100, 32_000, 192_000);
        CurriculumStage stage = CurriculumStage.parse(StrictJson.text(root, "stage", "", "full"));
        boolean knownSource = StrictJson.bool(root, "knownSource", "", false);
        List<SourceKind> kinds = new ArrayList<>(List.of(SourceKind.NOISE, SourceKind.CHIRP, SourceKind.IMPULSE));
        if (root.has("sourceKinds")) {
            if (!knownSource) {
                throw new BadInputException("sourceKinds needs \"knownSource\": true");
            }
            JsonNode k = root.get("sourceKinds");
            if (!k.isArray() || k.isEmpty()) {
                throw new BadInputException("sourceKinds must be a non-empty array of noise, chirp, impulse");
            }
            kinds.clear();
            for (JsonNode v : k) {
                SourceKind kind = v.isTextual() ? SourceKind.parse(v.asText()) : SourceKind.SYNTH;
                if (kind == SourceKind.SYNTH) {
                    throw new BadInputException("sourceKinds: " + v + " is not one of noise, chirp, impulse");
                }
                if (kinds.contains(kind)) {
                    throw new BadInputException("sourceKinds lists \"" + kind.jsonName() + "\" twice");
                }
                kinds.add(kind);
            }
        }
        if (knownSource && stage == CurriculumStage.DRY) {
            throw new BadInputException("stage \"dry\" has no chain, so knownSource would have nothing to learn; use nonlinear or full");
        }
        int noteMin = StrictJson.intIn(root, "noteMin", "", 36, 0, 127);
        int noteMax = StrictJson.intIn(root, "noteMax", "", 84, 0, 127);
        if (noteMin > noteMax) {
            throw new BadInputException("noteMin " + noteMin + " is above noteMax " + noteMax);
        }
        int velocityMin = StrictJson.intIn(root, "velocityMin", "", 64, 1, 127);
        int velocityMax = StrictJson.intIn(root, "velocityMax", "", 127, 1, 127);
        if (velocityMin > velocityMax) {
            throw new BadInputException("velocityMin " + velocityMin + " is above velocityMax " + velocityMax);
        }
        double gateMin = StrictJson.numberIn(root, "gateMinSeconds", "", 0.5, 0.01, 20);
        double gateMax = StrictJson.numberIn(root, "gateMaxSeconds", "", 1.0, 0.01, 20);
        if (gateMin > gateMax) {
            throw new BadInputException("gateMinSeconds " + gateMin + " is above gateMaxSeconds " + gateMax);
        }
        double tail = StrictJson.numberIn(root, "tailSeconds", "", 0.5, 0, 20);
        boolean storeAudio = StrictJson.bool(root, "storeAudio", "", false);
        double clipLimitDb = StrictJson.numberIn(root, "clipLimitDb", "", 6, -20, 40);
        double silenceFloorDb = StrictJson.numberIn(root, "silenceFloorDb", "", -60, -200, 0);
        if (silenceFloorDb >= clipLimitDb) {
            throw new BadInputException("silenceFloorDb " + silenceFloorDb + " must be below clipLimitDb " + clipLimitDb);
        }
        double minEffectDistance = StrictJson.numberIn(root, "minEffectDistance", "", 0.05, 0, 100);
        double minEachEffectDistance = StrictJson.numberIn(root, "minEachEffectDistance", "", 0, 0, 100);
        int maxAttempts = StrictJson.intIn(root, "maxAttempts", "", 50, 1, 10_000);
        String rangesFile = StrictJson.text(root, "samplingRanges", "", "sampling-ranges.json");
        SamplingRanges table = rangesFile.equals("none") ? SamplingRanges.uniform()
                : SamplingRanges.load(baseDir.resolve(rangesFile), catalog);
        String tableSha = "";
        if (!rangesFile.equals("none")) {
            try {
                tableSha = AtomicFiles.sha256(baseDir.resolve(rangesFile));
            } catch (IOException e) {
                throw new BadInputException(rangesFile + ": cannot read (" + StrictJson.oneLine(e) + ")");
            }
        }
        JsonNode override = root.get("ranges");
        SamplingRanges ranges = table.overriddenBy(override, "ranges", catalog);
        return new DatasetConfig(name, seed, count, shardSize, sampleRate, stage, knownSource,
                knownSource ? kinds : List.of(), noteMin, noteMax, velocityMin, velocityMax, gateMin, gateMax, tail,
                storeAudio, clipLimitDb, silenceFloorDb, minEffectDistance, minEachEffectDistance, maxAttempts, rangesFile, tableSha,
                override == null ? MAPPER.createObjectNode() : override.deepCopy(), ranges);
    }

    /** The resolved config as JSON (every field, defaults filled in), for the manifest. */
    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT).put("name", name).put("seed", seed).put("count", count).put("shardSize", shardSize)
                .put("sampleRate", sampleRate).put("stage", stage.jsonName()).put("knownSource", knownSource);
        ArrayNode kinds = o.putArray("sourceKinds");
        sourceKinds.forEach(k -> kinds.add(k.jsonName()));
        o.put("noteMin", noteMin).put("noteMax", noteMax).put("velocityMin", velocityMin).put("velocityMax", velocityMax)
                .put("gateMinSeconds", gateMinSeconds).put("gateMaxSeconds", gateMaxSeconds).put("tailSeconds", tailSeconds)
                .put("storeAudio", storeAudio).put("clipLimitDb", clipLimitDb).put("silenceFloorDb", silenceFloorDb)
                .put("minEffectDistance", minEffectDistance).put("maxAttempts", maxAttempts)
                .put("samplingRanges", samplingRanges).put("samplingRangesSha256", samplingRangesSha256);
        if (minEachEffectDistance > 0) {
            // Written only when used, so the manifests of configs that predate it stay byte-identical.
            o.put("minEachEffectDistance", minEachEffectDistance);
        }
        o.set("ranges", rangesOverride.deepCopy());
        return o;
    }
}
