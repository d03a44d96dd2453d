package org.unmixer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.baseline.MeanBaseline;
import org.unmixer.infer.metrics.MetricNames;
import org.unmixer.params.Catalog;

class BenchCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> AUDIO = List.of(MetricNames.MR_STFT, MetricNames.LOG_MEL_L1, MetricNames.MFCC_L2,
            MetricNames.LOUDNESS_DIFF_LU);

    private static CliRunner smoke(Path out, String threads) {
        return CliRunner.run("bench", "--suite", "id-full", "--limit", "3", "--methods", "random,mean,nn,cmaes,oracle",
                "--budget", "10", "--library", "30", "--seed", "4", "--threads", threads, "--out", out.toString());
    }

    private static JsonNode aggregate(JsonNode results, String method) {
        for (JsonNode m : results.get("aggregate")) {
            if (m.get("method").asText().equals(method)) {
                return m;
            }
        }
        throw new AssertionError("no aggregate for " + method);
    }

    /** The results with every timing field (named nanos…) removed. */
    private static JsonNode withoutTimings(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (f.startsWith("nanos")) {
                    drop.add(f);
                }
            }
            o.remove(drop);
        }
        node.forEach(BenchCommandTest::strip);
    }

    @Test
    void smokeBenchWritesParsableReportsOracleBeatsRandomAndRerunsIdentically(@TempDir Path dir) throws Exception {
        Path out1 = dir.resolve("run1");
        CliRunner r = smoke(out1, "2");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode results = MAPPER.readTree(out1.resolve("results.json").toFile());
        assertEquals("unmixer-bench/1", results.get("format").asText());
        assertEquals(15, results.get("examples").size()); // 3 examples × 5 methods
        assertEquals(15, Files.readAllLines(out1.resolve("results.jsonl")).size());
        JsonNode oracle = aggregate(results, "oracle").get("metrics");
        JsonNode random = aggregate(results, "random").get("metrics");
        for (String m : AUDIO) {
            assertTrue(oracle.get(m).get("mean").asDouble() < random.get(m).get("mean").asDouble(), m);
        }
        assertEquals(0.0, oracle.get(MetricNames.MR_STFT).get("mean").asDouble(), 1e-9);
        assertEquals(1.0, oracle.get(MetricNames.CHAIN_EXACT).get("mean").asDouble());
        assertEquals(1.0, aggregate(results, "oracle").get("presence_macro").get("f1").asDouble());
        JsonNode cmaes = aggregate(results, "cmaes");
        assertTrue(cmaes.get("renders_per_example").asDouble() <= 10, cmaes.toString());
        assertTrue(cmaes.get("renders_per_example").asDouble() > 0, cmaes.toString());
        assertTrue(random.has(MetricNames.bestOf(5))); // random returns several candidates
        assertFalse(oracle.has(MetricNames.bestOf(1))); // the oracle one

        String html = Files.readString(out1.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<table class=\"metrics\">") && html.contains("<table class=\"presence\">"), "tables");
        assertTrue(html.contains("<svg"), "distribution plots");
        assertTrue(html.contains("src=\"data:image/png;base64,"), "spectrograms");
        assertTrue(html.contains("<audio controls preload=\"none\" src=\"audio/example-0-target.wav\">"));
        assertTrue(Files.size(out1.resolve("audio/example-2-cmaes.wav")) > 44);
        assertTrue(html.trim().endsWith("</html>"));
        assertTrue(r.out().contains("method") && r.out().contains("oracle"), r.out());
        assertTrue(r.err().contains("bench id-full: 15/15 (100%)"), r.err());

        Path out2 = dir.resolve("run2");
        CliRunner again = smoke(out2, "1");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode results2 = MAPPER.readTree(out2.resolve("results.json").toFile());
        assertEquals(withoutTimings(results.get("examples")), withoutTimings(results2.get("examples")));
        assertEquals(withoutTimings(results.get("aggregate")), withoutTimings(results2.get("aggregate")));
    }

    @Test
    void folderSuiteReportsBrokenWavAndUnknownDeviceByNameAndStillProducesResults(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("suite");
        Files.createDirectories(suite);
        SourceSpec source = new SourceSpec(org.unmixer.dsp.patch.SourceKind.SYNTH, 57, 100, 0.3, 0.2, 0);
        Patch labelled = MeanBaseline.defaultPatch(source)
                .withChain(List.of(Catalog.standard().device("Saturator").defaults().withNormalized("Drive", 0.7)));
        WavWriter.write(suite.resolve("a.wav"), Renderer.render(labelled, 44_100), SampleFormat.FLOAT_32);
        Files.write(suite.resolve("b.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        WavWriter.write(suite.resolve("c.wav"), Renderer.render(labelled, 44_100), SampleFormat.PCM_16);
        WavWriter.write(suite.resolve("d.wav"), Renderer.render(MeanBaseline.defaultPatch(source), 48_000), SampleFormat.PCM_16);
        String good = PatchJson.standard().write(labelled);
        String unknown = good.replace("\"Saturator\"", "\"Chorus-Ensemble\"");
        assertFalse(unknown.equals(good));
        Files.writeString(suite.resolve("labels.json"), "{\"a.wav\": " + good + ", \"c.wav\": " + unknown
                + ", \"gone.wav\": " + good + "}");

        Path out = dir.resolve("out");
        CliRunner refused = CliRunner.run("bench", "--suite", suite.toString(), "--methods", "mean,oracle", "--budget", "5",
                "--out", out.toString());
        assertEquals(2, refused.exitCode());
        String last = refused.err().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("unmixer bench: oracle needs a label for every example"), refused.err());

        CliRunner r = CliRunner.run("bench", "--suite", suite.toString(), "--methods", "random,mean,nn", "--budget", "5",
                "--library", "4", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("bench: skipping b.wav: "), r.err());
        assertTrue(r.err().contains("bench: skipping c.wav: label: "), r.err());
        assertTrue(r.err().contains("Chorus-Ensemble"), r.err());
        assertTrue(r.err().contains("bench: labels name gone.wav, which is not in "), r.err());
        JsonNode results = MAPPER.readTree(out.resolve("results.json").toFile());
        assertEquals(2, results.get("skipped_count").asInt());
        assertTrue(results.get("skipped").has("b.wav") && results.get("skipped").has("c.wav"));
        assertEquals(6, results.get("examples").size()); // a.wav and d.wav × 3 methods
        for (JsonNode e : results.get("examples")) {
            boolean isA = e.get("example").asText().equals("a.wav");
            assertEquals(isA, e.get("metrics").has(MetricNames.CHAIN_EXACT), e.toString()); // patch metrics only with a label
            assertTrue(e.get("metrics").has(MetricNames.MR_STFT), e.toString());
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<table class=\"skipped\">"));
    }

    @Test
    void malformedFlagsAreExitCodeTwoWithOneLine(@TempDir Path dir) {
        String o = dir.resolve("o").toString();
        List<String[]> bad = List.of(
                new String[] {"bench", "--suite", "id-full", "--budget", "lots", "--out", o},
                new String[] {"bench", "--suite", "id-full", "--methods", "randm", "--out", o},
                new String[] {"bench", "--suite", "id-full", "--methods", "mean,mean", "--out", o},
                new String[] {"bench", "--suite", "id-ful", "--out", o},
                new String[] {"bench", "--suite", "id-full", "--limit", "0", "--out", o},
                new String[] {"bench", "--suite", "id-full", "--budget", "0", "--out", o},
                new String[] {"bench", "--suite", "id-full"});
        for (String[] args : bad) {
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + " → " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        CliRunner typo = CliRunner.run("bench", "--suite", "id-full", "--methods", "randm", "--out", o);
        assertTrue(typo.err().contains("(did you mean \"random\"?)"), typo.err());
    }
}
