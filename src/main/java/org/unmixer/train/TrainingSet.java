package org.unmixer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.data.Npy;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.Targets;
import org.unmixer.params.BadInputException;

/**
 * A generated dataset (see {@code assets/datasets/README.md}) read for training: log-mel frames
 * memory-mapped shard by shard (gigabytes stay in the page cache, not the heap), labels converted
 * once into the {@link OutputLayout}'s order — θ columns by name, wavetables and the gate from
 * {@code patches.jsonl}, discrete θ to class indices.
 */
public final class TrainingSet {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final String manifestSha;
    private final int frames;
    private final int mels;
    private final List<FloatBuffer> shardFeatures = new ArrayList<>();
    private final int[] shardStart;
    private final float[] continuous;
    private final float[] continuousMask;
    private final int[] classes;
    private final float[] classMask;
    private final int[][] chains;
    private final List<Path> shardPatches = new ArrayList<>();
    private final long[] patchOffset;
    private final int[] patchLength;
    private final int sampleRate;
    private final int size;
    private final int p;
    private final int d;

    private TrainingSet(Path dir, OutputLayout layout) throws IOException {
        this.dir = dir;
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new BadInputException(dir + ": not a dataset (no manifest.json); generate it with ./unmixer dataset");
        }
        byte[] manifestBytes = Files.readAllBytes(manifestFile);
        manifestSha = org.unmixer.data.AtomicFiles.sha256(manifestBytes);
        JsonNode m = MAPPER.readTree(manifestBytes);
        if (!m.path("complete").asBoolean(false)) {
            throw new BadInputException(dir + ": dataset is incomplete (an interrupted run?); regenerate it");
        }
        frames = m.path("features").path("frames").asInt();
        mels = m.path("features").path("mels").asInt();
        List<String> columns = new ArrayList<>();
        m.path("theta").path("columns").forEach(c -> columns.add(c.asText()));
        List<String> devices = new ArrayList<>();
        m.path("devices").forEach(c -> devices.add(c.asText()));
        if (!devices.equals(layout.effects())) {
            throw new BadInputException(dir + ": dataset devices " + devices + " differ from the model's " + layout.effects());
        }
        size = m.path("counts").path("accepted").asInt();
        p = layout.continuous().size();
        d = layout.discrete().size();
        continuous = new float[size * p];
        continuousMask = new float[size * p];
        classes = new int[size * d];
        classMask = new float[size * d];
        chains = new int[size][];
        patchOffset = new long[size];
        patchLength = new int[size];
        sampleRate = m.path("render").path("sampleRate").asInt(44_100);
        int[] thetaCol = new int[p];
        for (int j = 0; j < p; j++) {
            thetaCol[j] = columns.indexOf(layout.continuous().get(j).name());
        }
        int[] classCol = new int[d];
        for (int j = 0; j < d; j++) {
            classCol[j] = columns.indexOf(layout.discrete().get(j).name());
        }
        Map<String, Integer> wavetable = new HashMap<>();
        for (int i = 0; i < layout.wavetables().size(); i++) {
            wavetable.put(layout.wavetables().get(i), i);
        }
        PatchJson patchJson = PatchJson.standard();
        List<JsonNode> shards = new ArrayList<>();
        m.path("shards").forEach(shards::add);
        shardStart = new int[shards.size() + 1];
        int row = 0;
        for (int s = 0; s < shards.size(); s++) {
            Path shard = dir.resolve(shards.get(s).path("dir").asText());
            int n = shards.get(s).path("count").asInt();
            shardStart[s] = row;
            Npy.MappedFloats f = Npy.mapFloats(shard.resolve("features.npy"));
            if (f.shape()[0] != n || f.shape()[1] != frames || f.shape()[2] != mels) {
                throw new BadInputException(shard + "/features.npy: shape does not match the manifest");
            }
            shardFeatures.add(f.data());
            float[] theta = Npy.read(shard.resolve("theta.npy")).floats();
            int[] mask = Npy.read(shard.resolve("theta_mask.npy")).ints();
            int[] chain = Npy.read(shard.resolve("chain.npy")).ints();
            byte[] patchBytes = Files.readAllBytes(shard.resolve("patches.jsonl"));
            shardPatches.add(shard.resolve("patches.jsonl"));
            List<String> patches = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            for (int start = 0, end; start < patchBytes.length; start = end + 1) {
                end = start;
                while (end < patchBytes.length && patchBytes[end] != '\n') {
                    end++;
                }
                spans.add(new int[] {start, end - start});
                patches.add(new String(patchBytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (patches.size() != n || row + n > size) {
                throw new BadInputException(shard + "/patches.jsonl: " + patches.size() + " patches, the manifest says " + n);
            }
            for (int i = 0; i < n; i++) {
                patchOffset[row + i] = spans.get(i)[0];
                patchLength[row + i] = spans.get(i)[1];
            }
            int width = columns.size();
            for (int i = 0; i < n; i++, row++) {
                Patch patch = patchJson.parse(patches.get(i));
                boolean synth = patch.synth().isPresent();
                for (int j = 0; j < p; j++) {
                    if (thetaCol[j] >= 0) {
                        continuous[row * p + j] = theta[i * width + thetaCol[j]];
                        continuousMask[row * p + j] = mask[i * width + thetaCol[j]];
                    } else if (layout.continuous().get(j).name().equals(OutputLayout.SOURCE_GATE) && synth) {
                        continuous[row * p + j] = (float) (patch.source().seconds() / patch.source().totalSeconds());
                        continuousMask[row * p + j] = 1;
                    }
                }
                for (int j = 0; j < d; j++) {
                    OutputLayout.Discrete target = layout.discrete().get(j);
                    if (classCol[j] >= 0) {
                        float t = theta[i * width + classCol[j]];
                        classes[row * d + j] = Math.round(t * (target.classes().size() - 1));
                        classMask[row * d + j] = mask[i * width + classCol[j]];
                    } else if (synth) {
                        SynthSpec s2 = patch.synth().get();
                        var ref = target.name().equals(OutputLayout.OSC1_TABLE) ? s2.oscillator1() : s2.oscillator2();
                        Integer cls = wavetable.get(ref.category() + "/" + ref.name());
                        if (cls == null) {
                            throw new BadInputException(shard + ": wavetable " + ref + " is not one the model knows");
                        }
                        classes[row * d + j] = cls;
                        classMask[row * d + j] = 1;
                    }
                }
                chains[row] = java.util.Arrays.copyOfRange(chain, i * 8, i * 8 + 8);
            }
        }
        shardStart[shards.size()] = row;
        if (row != size) {
            throw new BadInputException(dir + ": shards hold " + row + " examples, the manifest says " + size);
        }
    }

    public static TrainingSet load(Path dir, OutputLayout layout) {
        try {
            return new TrainingSet(dir, layout);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot read dataset (" + e.getMessage() + ")");
        }
    }

    public Path dir() {
        return dir;
    }

    /** SHA-256 of the manifest (which holds the SHA-256 of every shard): the data's identity for the model card. */
    public String manifestSha256() {
        return manifestSha;
    }

    public int size() {
        return size;
    }

    public int frames() {
        return frames;
    }

    public int mels() {
        return mels;
    }

    /** The sample rate the examples were rendered at. */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The true patch of example {@code index}, read from its shard's {@code patches.jsonl} when asked
     * (the patches of a large set would take a sizeable share of the heap if all were kept).
     */
    public Patch patch(int index) {
        int s = shardOf(index);
        byte[] line = new byte[patchLength[index]];
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(shardPatches.get(s))) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(line);
            long position = patchOffset[index];
            while (buffer.hasRemaining()) {
                int read = ch.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new BadInputException(shardPatches.get(s) + ": shorter than when the dataset was loaded");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(shardPatches.get(s) + ": cannot read patch " + index + " (" + e.getMessage() + ")");
        }
        return PatchJson.standard().parse(new String(line, java.nio.charset.StandardCharsets.UTF_8));
    }

    private int shardOf(int index) {
        int s = 0;
        while (shardStart[s + 1] <= index) {
            s++;
        }
        return s;
    }

    /** Copies the log-mel frames of example {@code index} into {@code dst} at {@code offset}. */
    public void features(int index, float[] dst, int offset) {
        int s = shardOf(index);
        int len = frames * mels;
        shardFeatures.get(s).get((index - shardStart[s]) * len, dst, offset, len);
    }

    /** The feature rows of several examples, flat. */
    public float[] features(int[] indices) {
        float[] out = new float[indices.length * frames * mels];
        for (int i = 0; i < indices.length; i++) {
            features(indices[i], out, i * frames * mels);
        }
        return out;
    }

    /** The labels of several examples. */
    public Targets targets(int[] indices) {
        int b = indices.length;
        float[] c = new float[b * p];
        float[] cm = new float[b * p];
        int[] k = new int[b * d];
        float[] km = new float[b * d];
        int[][] ch = new int[b][];
        for (int i = 0; i < b; i++) {
            int r = indices[i];
            System.arraycopy(continuous, r * p, c, i * p, p);
            System.arraycopy(continuousMask, r * p, cm, i * p, p);
            System.arraycopy(classes, r * d, k, i * d, d);
            System.arraycopy(classMask, r * d, km, i * d, d);
            ch[i] = chains[r].clone();
        }
        return new Targets(b, c, cm, k, km, ch);
    }
}
