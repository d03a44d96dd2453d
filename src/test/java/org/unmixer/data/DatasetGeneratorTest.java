package org.unmixer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;

class DatasetGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 5 examples in shards of 3 → 2 shards (3 + 2), with audio. */
    private static DatasetConfig tiny() {
        return TestConfigs.tiny("full", 5, ", \"storeAudio\": true");
    }

    @Test
    void generatingTwiceGivesIdenticalFilesWhateverTheThreadCount(@TempDir Path dir) throws Exception {
        List<int[]> progress = new ArrayList<>();
        new DatasetGenerator(tiny(), Catalog.standard(), 2).generate(dir.resolve("a"), (d, t) -> progress.add(new int[] {d, t}));
        new DatasetGenerator(tiny(), Catalog.standard(), 1).generate(dir.resolve("b"), (d, t) -> { });
        byte[] a = Files.readAllBytes(dir.resolve("a/manifest.json"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/manifest.json")));
        assertEquals(5, progress.size());
        assertArrayEquals(new int[] {5, 5}, progress.get(4));

        JsonNode m = JSON.readTree(a);
        assertTrue(m.get("complete").asBoolean());
        assertEquals(5, m.get("counts").get("accepted").asInt());
        assertEquals(2, m.get("shards").size());
        assertEquals(AtomicFiles.sha256(Path.of("assets/datasets/sampling-ranges.json")),
                m.get("config").get("samplingRangesSha256").asText());
        assertEquals(42, m.get("seed").asLong());
        assertEquals(178, m.get("theta").get("columns").size());
        for (JsonNode shard : m.get("shards")) {
            var names = shard.get("sha256").fieldNames();
            int files = 0;
            while (names.hasNext()) {
                String name = names.next();
                Path f = dir.resolve("a").resolve(shard.get("dir").asText()).resolve(name);
                assertEquals(shard.get("sha256").get(name).asText(), AtomicFiles.sha256(f), f.toString());
                files++;
            }
            assertEquals(6, files); // features, theta, theta_mask, chain, patches, audio
        }
        try (var s = Files.list(dir.resolve("a/shard-00000"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void shardsHoldConsistentArrays(@TempDir Path dir) throws Exception {
        DatasetGenerator g = new DatasetGenerator(tiny(), Catalog.standard(), 2);
        g.generate(dir, (d, t) -> { });
        // 0.3 s at 44.1 kHz = 13230 samples; centred STFT, hop 512: 1 + 13230 / 512 = 26 frames
        assertEquals(26, g.frames());
        Path s1 = dir.resolve("shard-00001");
        Npy.Array features = Npy.read(s1.resolve("features.npy"));
        assertArrayEquals(new int[] {2, 26, 128}, features.shape());
        Npy.Array theta = Npy.read(s1.resolve("theta.npy"));
        assertArrayEquals(new int[] {2, 178}, theta.shape());
        Npy.Array mask = Npy.read(s1.resolve("theta_mask.npy"));
        Npy.Array chain = Npy.read(s1.resolve("chain.npy"));
        assertArrayEquals(new int[] {2, 8}, chain.shape());
        assertArrayEquals(new int[] {2, 2, 13230}, Npy.read(s1.resolve("audio.npy")).shape());
        List<String> lines = Files.readAllLines(s1.resolve("patches.jsonl"));
        assertEquals(2, lines.size());
        ThetaLayout layout = new ThetaLayout(Catalog.standard());
        for (int i = 0; i < 2; i++) {
            Patch p = PatchJson.standard().parse(lines.get(i));
            // example 3 + i of the dataset is what the sampler draws first for that index, unless rejected
            float[] rowTheta = new float[178];
            int[] rowMask = new int[178];
            layout.fill(p, rowTheta, rowMask);
            assertArrayEquals(rowTheta, java.util.Arrays.copyOfRange(theta.floats(), i * 178, (i + 1) * 178));
            assertArrayEquals(rowMask, java.util.Arrays.copyOfRange(mask.ints(), i * 178, (i + 1) * 178));
            assertArrayEquals(layout.chainIndices(p, PatchSampler.effectDevices(Catalog.standard())),
                    java.util.Arrays.copyOfRange(chain.ints(), i * 8, (i + 1) * 8));
        }
    }

    @Test
    void exampleDoesNotDependOnTheCount(@TempDir Path dir) throws Exception {
        new DatasetGenerator(tiny(), Catalog.standard(), 2).generate(dir.resolve("five"), (d, t) -> { });
        new DatasetGenerator(tiny().withCount(3), Catalog.standard(), 2).generate(dir.resolve("three"), (d, t) -> { });
        assertEquals(Files.readString(dir.resolve("five/shard-00000/patches.jsonl")),
                Files.readString(dir.resolve("three/shard-00000/patches.jsonl")));
    }

    @Test
    void hopelessChecksEndWithAOneLineErrorCountingReasons(@TempDir Path dir) {
        // A floor of 0 dBFS: the dry synth (Volume −9 dB) never peaks that high, so every render is "silent".
        DatasetConfig c = TestConfigs.tiny("dry", 1, ", \"silenceFloorDb\": 0, \"maxAttempts\": 3");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DatasetGenerator(c, Catalog.standard(), 1).generate(dir, (d, t) -> { }));
        assertEquals("example 0: all 3 draws were rejected (silent 3); widen the sampling ranges, relax the check "
                + "limits or raise maxAttempts", e.getMessage());
    }

    @Test
    void thePerEffectCheckKeepsOnlyChainsWhoseEveryEffectIsAudible(@TempDir Path dir) throws Exception {
        DatasetConfig c = TestConfigs.tiny("full", 6, ", \"minEachEffectDistance\": 0.3");
        new DatasetGenerator(c, Catalog.standard(), 2).generate(dir, (d, t) -> { });
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(0.3, manifest.path("config").path("minEachEffectDistance").asDouble());
        assertTrue(manifest.path("counts").path("rejected").has("inaudibleEffect"));
        RenderCheck each = RenderCheck.of(c);
        int rate = c.sampleRate();
        for (String line : Files.readAllLines(dir.resolve("shard-00000/patches.jsonl"))) {
            var patch = org.unmixer.dsp.patch.PatchJson.standard().parse(line);
            var dry = org.unmixer.dsp.Renderer.renderSource(patch.source(), patch.synth(), rate, c.renderSeconds());
            var wet = org.unmixer.dsp.Renderer.render(patch, rate, c.renderSeconds());
            assertEquals(java.util.Optional.empty(), each.checkEachEffect(patch.chain(), wet, dry), line);
        }
        // Off by default, and then the manifest does not mention it (older manifests stay byte-identical).
        Path off = dir.resolveSibling(dir.getFileName() + "-off");
        new DatasetGenerator(tiny(), Catalog.standard(), 2).generate(off, (d, t) -> { });
        var plain = new com.fasterxml.jackson.databind.ObjectMapper().readTree(off.resolve("manifest.json").toFile());
        assertFalse(plain.path("config").has("minEachEffectDistance"));
        assertFalse(plain.path("counts").path("rejected").has("inaudibleEffect"));
    }

    @Test
    void regeneratingIntoAnEarlierDatasetLeavesNoStaleShards(@TempDir Path dir) throws Exception {
        new DatasetGenerator(tiny(), Catalog.standard(), 2).generate(dir, (d, t) -> { });
        assertTrue(Files.isDirectory(dir.resolve("shard-00001")));
        new DatasetGenerator(tiny().withCount(2), Catalog.standard(), 2).generate(dir, (d, t) -> { });
        assertFalse(Files.exists(dir.resolve("shard-00001")), "5 → 2 examples: one shard of 3 is enough");
        assertEquals(2, Npy.read(dir.resolve("shard-00000/theta.npy")).shape()[0]);
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DatasetGenerator(tiny(), Catalog.standard(), 1).generate(dir, (d, t) -> { }));
        assertEquals(dir + " is not empty and holds no manifest.json; refusing to write into it", e.getMessage());
    }
}
