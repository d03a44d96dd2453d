package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.ModelFiles;
import org.unmixer.model.OutputLayout;
import org.unmixer.params.Catalog;
import org.unmixer.train.TrainingRun;

/**
 * {@code estimate} end to end with a small untrained model (the pipeline, not the quality: the
 * shipped model's quality is measured by the benchmark).
 */
class EstimateCommandTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void saveATinyModel() throws IOException {
        OutputLayout layout = new OutputLayout(Catalog.standard(), TrainingRun.wavetableNames());
        int frames = new LogMel(LogMel.Config.DEFAULT).compute(new float[22_050]).length;
        ModelConfig config = new ModelConfig(true, 1.0, 128, frames, 4, 8, 16, 16, 2, 4, 4, -9f, 3.7f, 44_100, 0.5, -25,
                layout.wavetables(), layout.signature(), Map.of("Multiband Dynamics", "OTT"));
        model = tmp.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            InverseNet net = new InverseNet(config, layout);
            net.initialize(m, DataType.FLOAT32, net.inputShape(1));
            ModelFiles.save(net, model);
        }
    }

    @Test
    void estimatesTheBundledExampleAndWritesTheEstimateJson() throws IOException {
        Path render = tmp.resolve("best.wav");
        CliRunner r = CliRunner.run("estimate", "assets/examples/pluck.wav", "--model", model.toString(), "--json",
                "--top-k", "3", "--render", render.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(r.out());
        assertThat(e.path("format").asText()).isEqualTo("unmixer-estimate/1");
        assertThat(e.path("best").path("format").asText()).isEqualTo("unmixer-patch/1");
        assertThat(e.path("alternatives")).hasSize(3);
        assertThat(e.path("uncertainty").path("continuous").path("Saturator/Drive").path("sigmaTheta").asDouble()).isPositive();
        assertThat(e.path("uncertainty").path("chains")).hasSize(3);
        assertThat(e.path("uncertainty").path("presence").path("Reverb").asDouble()).isStrictlyBetween(0.0, 1.0);
        assertThat(e.path("input").path("steps").size()).isPositive();
        assertThat(e.path("timing").path("modelMs").asDouble()).isPositive();
        assertThat(e.path("refinement").path("draws").asInt()).isEqualTo(8);
        assertThat(e.path("uncertainty").path("presenceThresholds").path("Reverb").asDouble()).isEqualTo(0.5); // not calibrated
        assertThat(e.path("refinement").path("renders").asInt()).isGreaterThanOrEqualTo(8 + 3);
        assertThat(e.path("alternatives").get(0).path("logMelDistance").asDouble()).isPositive();
        assertThat(e.path("alternatives").get(0).has("levelMatchDb")).isTrue();
        assertThat(AudioFiles.read(render).audio().seconds()).isGreaterThan(0.4);
    }

    @Test
    void itfStepsAreKeptForTheRefinedCandidates() throws IOException {
        CliRunner r = CliRunner.run("estimate", "assets/examples/pluck.wav", "--json", "--top-k", "2", "--draws", "0",
                "--itf-steps", "3", "--model", model.toString(),
                "--proxies", tmp.resolve("no-proxies").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(r.out());
        // A synth sound: its voice is always refinable, whatever the chain.
        assertThat(e.path("itfCandidates").get(0).path("synth").asText()).startsWith("differentiable voice");
        assertThat(e.path("itf")).hasSize(4);
        assertThat(e.path("itf").get(0).path("referenceDistance").asDouble()).isPositive();
        assertThat(e.path("itfCandidates").size()).isBetween(1, 2);
        double best = e.path("itf").findValues("referenceDistance").stream().mapToDouble(JsonNode::asDouble).min().orElseThrow();
        assertThat(best).isLessThanOrEqualTo(e.path("itf").get(0).path("referenceDistance").asDouble());
    }

    @Test
    void benchModelItfWritesTheStepTableAndNeverEndsFartherThanStepZero() throws IOException {
        Path out = tmp.resolve("bench-itf");
        CliRunner r = CliRunner.run("bench", "--suite", "id-full", "--limit", "2", "--methods", "model+itf26", "--itf-candidates", "1",
                "--budget", "100000", "--threads", "1", "--model", model.toString(), "--proxies", tmp.resolve("no-proxies").toString(),
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode itf = new ObjectMapper().readTree(out.resolve("itf.json").toFile()).path("model+itf26");
        assertThat(itf.path("checkpoints").toString()).isEqualTo("[0,25]");
        assertThat(itf.path("summary").path("refined").asInt()).isEqualTo(2);
        for (JsonNode e : itf.path("examples")) {
            assertThat(e.path("bestDistance").get(1).asDouble()).isLessThanOrEqualTo(e.path("bestDistance").get(0).asDouble());
        }
        assertThat(r.out()).contains("ITF model+itf26: 2 of 2 examples refinable");
        CliRunner bad = CliRunner.run("bench", "--suite", "id-full", "--methods", "model+itf0", "--out", tmp.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("model+itf0").doesNotContain("Exception");
    }

    @Test
    void knownSourceModeEstimatesTheChainOnlyWithTheSourceFixed() throws IOException {
        CliRunner r = CliRunner.run("estimate", "assets/examples/known-source-chirp.wav", "--json", "--top-k", "2",
                "--source", "chirp", "--source-seconds", "2", "--itf-steps", "2", "--itf-polish", "5", "--model", model.toString(),
                "--proxies", tmp.resolve("no-proxies").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(r.out());
        JsonNode best = e.path("best");
        assertThat(best.path("source").path("kind").asText()).isEqualTo("chirp");
        assertThat(best.path("source").path("seconds").asDouble()).isEqualTo(2.0);
        assertThat(best.path("source").path("tail").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(best.has("synth")).isFalse();
        assertThat(e.path("input").path("gainDb").asDouble()).isZero(); // the level is kept
        JsonNode polish = e.path("itfPolish");
        assertThat(polish.path("renders").asInt()).isBetween(1, 5);
        assertThat(polish.path("referenceDistanceAfter").asDouble()).isLessThanOrEqualTo(polish.path("referenceDistanceBefore").asDouble());
        double itfBest = e.path("itf").findValues("referenceDistance").stream().mapToDouble(JsonNode::asDouble).min().orElseThrow();
        assertThat(polish.path("referenceDistanceBefore").asDouble()).isCloseTo(itfBest, org.assertj.core.api.Assertions.within(1e-9));
        // Ranked by the log-mel distance of their renders to the input.
        assertThat(e.path("alternatives").get(0).path("logMelDistance").asDouble())
                .isLessThanOrEqualTo(e.path("alternatives").get(1).path("logMelDistance").asDouble());
        CliRunner bad = CliRunner.run("estimate", "assets/examples/known-source-chirp.wav", "--source", "pink", "--model", model.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--source \"pink\"").doesNotContain("Exception");
    }

    @Test
    void aWallTimeBudgetRunsItfThenThePolish() throws IOException {
        // What is asserted does not depend on how many steps fit in the time: ITF has at least its
        // first step, and the polish (capped at 5 renders) ends no farther than it started.
        CliRunner r = CliRunner.run("estimate", "assets/examples/known-source-chirp.wav", "--json", "--source", "chirp",
                "--source-seconds", "2", "--itf-seconds", "4", "--itf-polish", "5", "--model", model.toString(),
                "--proxies", tmp.resolve("no-proxies").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(r.out());
        assertThat(e.path("itf").findValues("referenceDistance")).isNotEmpty();
        JsonNode polish = e.path("itfPolish");
        assertThat(polish.path("renders").asInt()).isBetween(0, 5);
        assertThat(polish.path("referenceDistanceAfter").asDouble()).isLessThanOrEqualTo(polish.path("referenceDistanceBefore").asDouble());
        CliRunner bad = CliRunner.run("estimate", "assets/examples/known-source-chirp.wav", "--itf-seconds", "-1", "--model", model.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--itf-seconds -1").doesNotContain("Exception");
    }

    @Test
    void summaryNamesTheChainAndTheParameters() {
        CliRunner r = CliRunner.run("estimate", "assets/examples/bass.wav", "--model", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("* chain 1 (p = ").contains("Wavetable (").contains("Filter 1 Freq");
    }

    @Test
    void badInputsAreExitTwoWithTheReason() throws IOException {
        Path silent = tmp.resolve("silent.wav");
        WavWriter.write(silent, AudioBuffer.silence(1, 44_100, 44_100), SampleFormat.PCM_16);
        CliRunner s = CliRunner.run("estimate", silent.toString(), "--model", model.toString());
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).containsIgnoringCase("silen").doesNotContain("Exception");
        CliRunner noModel = CliRunner.run("estimate", "assets/examples/pluck.wav", "--model", tmp.resolve("none").toString());
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains(tmp.resolve("none").resolve("model.json").toString());
        assertThat(CliRunner.run("estimate", tmp.resolve("missing.wav").toString(), "--model", model.toString()).exitCode())
                .isEqualTo(2);
        assertThat(CliRunner.run("estimate", "assets/examples/pluck.wav", "--top-k", "0").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("estimate", "assets/examples/pluck.wav", "--itf-steps", "-1").exitCode()).isEqualTo(2);
        CliRunner draws = CliRunner.run("estimate", "assets/examples/pluck.wav", "--draws", "-1");
        assertThat(draws.exitCode()).isEqualTo(2);
        assertThat(draws.err()).contains("--draws");
    }

    @Test
    void theModelRunsAsABenchMethod() throws IOException {
        Path out = tmp.resolve("bench");
        CliRunner r = CliRunner.run("bench", "--suite", "id-full", "--limit", "2", "--methods", "model,model+draws,model+level,model+draws+order,oracle",
                "--model", model.toString(), "--threads", "1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.toString()).contains("\"model\"").contains("\"model+draws\"").contains("\"model+level\"")
                .contains("\"model+draws+order\"");
        CliRunner orderOnABaseline = CliRunner.run("bench", "--suite", "id-full", "--limit", "1", "--methods", "nn+order",
                "--out", tmp.resolve("b3").toString());
        assertThat(orderOnABaseline.exitCode()).isEqualTo(2);
        assertThat(orderOnABaseline.err()).contains("\"nn+order\" is unknown");
        assertThat(r.out()).contains("model");
        CliRunner missing = CliRunner.run("bench", "--suite", "id-full", "--limit", "1", "--methods", "model-euclid",
                "--model-euclid", tmp.resolve("none").toString(), "--out", tmp.resolve("b2").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("model.json");
    }
}
