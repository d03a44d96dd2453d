package org.unmixer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    private static final String TINY = "{\"format\": \"unmixer-dataset/1\", \"name\": \"cli-tiny\", \"seed\": 5, \"count\": 9,"
            + " \"shardSize\": 2, \"stage\": \"nonlinear\", \"gateMinSeconds\": 0.1, \"gateMaxSeconds\": 0.15,"
            + " \"tailSeconds\": 0.05, \"samplingRanges\": \"" + Path.of("assets/datasets/sampling-ranges.json").toAbsolutePath() + "\"}";

    @Test
    void malformedConfigIsExitCodeTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"format\": \"unmixer-dataset/1\", \"name\": \"x\", \"seed\": 1, \"count\": 3, \"stgae\": \"dry\"}");
        CliRunner r = CliRunner.run("dataset", "--config", config.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.exitCode());
        assertEquals("unmixer dataset: bad.json: config: unknown field \"stgae\" (did you mean \"stage\"?)\n", r.err());
        Files.writeString(config, "{not json");
        CliRunner broken = CliRunner.run("dataset", "--config", config.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, broken.exitCode());
        assertEquals(1, broken.err().lines().count(), broken.err());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void unknownTestSetAndMissingSourceAreBadInput(@TempDir Path dir) {
        CliRunner r = CliRunner.run("dataset", "--test-set", "id-ful", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals("unmixer dataset: --test-set \"id-ful\" is unknown (did you mean \"id-full\"?)\n", r.err());
        assertEquals(2, CliRunner.run("dataset", "--out", dir.toString()).exitCode());
        assertEquals(2, CliRunner.run("dataset", "--config", "x.json", "--test-set", "id-dry", "--out", dir.toString()).exitCode());
    }

    @Test
    void generatesWithCountOverrideAndJsonSummary(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, TINY);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dataset", "--config", config.toString(), "--out", out.toString(), "--count", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertEquals(3, summary.get("accepted").asInt());
        assertEquals(2, summary.get("shards").asInt()); // 2 + 1
        assertTrue(r.err().contains("dataset cli-tiny: 3/3 (100%)"), r.err());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(3, manifest.get("config").get("count").asInt());
        assertEquals(2, CliRunner.run("dataset", "--config", config.toString(), "--out", out.toString(), "--count", "0").exitCode());
    }

    @Test
    void liveRendererThroughTheSimulatorMatchesTheReferenceDataset(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, TINY);
        int oscReply;
        int deviceReply;
        try (var a = org.unmixer.live.osc.OscEndpoint.open(0, "p", (m, f) -> { }, x -> { });
                var b = org.unmixer.live.osc.OscEndpoint.open(0, "q", (m, f) -> { }, x -> { })) {
            oscReply = a.port();
            deviceReply = b.port();
        }
        try (var sim = org.unmixer.live.sim.LiveSetSimulator.start(org.unmixer.live.sim.LiveSimOptions.defaults().withTickMs(10)
                .withPorts(0, oscReply, 0, deviceReply))) {
            CliRunner live = CliRunner.run("dataset", "--config", config.toString(), "--out", dir.resolve("live").toString(),
                    "--count", "3", "--renderer", "live", "--osc-port", Integer.toString(sim.abletonOscPort()), "--osc-reply-port",
                    Integer.toString(oscReply), "--device-port", Integer.toString(sim.devicePort()), "--device-reply-port",
                    Integer.toString(deviceReply));
            assertEquals(0, live.exitCode(), live.err());
            assertTrue(live.err().contains("rendering in the Live set simulator, as Live 12.3.5"), live.err());
        }
        CliRunner reference = CliRunner.run("dataset", "--config", config.toString(), "--out", dir.resolve("ref").toString(),
                "--count", "3");
        assertEquals(0, reference.exitCode(), reference.err());
        // Same draws, same labels; the audio differs only by the LOM round trip of each value.
        assertEquals(Files.readString(dir.resolve("ref/shard-00000/patches.jsonl")),
                Files.readString(dir.resolve("live/shard-00000/patches.jsonl")));
        float[] ref = org.unmixer.data.Npy.read(dir.resolve("ref/shard-00000/features.npy")).floats();
        float[] got = org.unmixer.data.Npy.read(dir.resolve("live/shard-00000/features.npy")).floats();
        assertEquals(ref.length, got.length);
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            worst = Math.max(worst, Math.abs(ref[i] - got[i]));
        }
        assertTrue(worst < 1e-2, "largest log-mel difference " + worst);
        CliRunner unknown = CliRunner.run("dataset", "--config", config.toString(), "--out", dir.resolve("x").toString(),
                "--renderer", "ableton");
        assertEquals(2, unknown.exitCode());
    }
}
