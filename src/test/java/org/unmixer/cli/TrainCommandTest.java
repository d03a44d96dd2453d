package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.ModelFiles;
import org.unmixer.train.tracking.MlflowRunReader;
import org.unmixer.train.tracking.RunStatus;

/** {@code train} end to end on tiny datasets: model, curves, MLflow-layout tracking, resume, bad configs. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private Path tinyConfigs() throws IOException {
        String ranges = Path.of("assets/datasets/sampling-ranges.json").toAbsolutePath().toString();
        for (String stage : List.of("dry", "nonlinear", "full")) {
            Files.writeString(tmp.resolve(stage + ".json"), "{\"format\": \"unmixer-dataset/1\", \"name\": \"tiny-" + stage
                    + "\", \"seed\": " + (stage.length() + 40) + ", \"count\": 12, \"shardSize\": 6, \"stage\": \"" + stage
                    + "\", \"gateMinSeconds\": 0.1, \"gateMaxSeconds\": 0.2, \"tailSeconds\": 0.1, \"samplingRanges\": \""
                    + ranges + "\"}");
        }
        Path config = tmp.resolve("train.json");
        Files.writeString(config, """
                {"format": "unmixer-train/1", "name": "tiny", "seed": 3,
                 "data": {"dry": "dry.json", "nonlinear": "nonlinear.json", "full": "full.json", "validation": "full.json"},
                 "curriculum": {"nonlinearFrom": 2, "fullFrom": 4}, "steps": 6, "batchSize": 4, "learningRate": 0.001,
                 "warmupSteps": 2, "weightDecay": 0.0001, "clipNorm": 5.0,
                 "loss": {"nll": 1.0, "ce": 1.0, "chain": 1.0, "presence": 1.0, "param": 1.0, "reg": 0.001},
                 "model": {"hyperbolic": true, "curvature": 1.0, "stemFilters": 4, "channels": 8, "embedding": 16, "headHidden": 16,
                           "mdnComponents": 2, "decoderHidden": 4, "tokenDim": 4},
                 "evalEvery": 3, "checkpointEvery": 2, "evalExamples": 8}
                """);
        return config;
    }

    @Test
    void trainsTracksAndResumes() throws IOException {
        Path config = tinyConfigs();
        Path out = tmp.resolve("run");
        Path mlruns = tmp.resolve("mlruns");
        String[] common = {"train", "--config", config.toString(), "--data", tmp.resolve("data").toString(),
                "--out", out.toString(), "--mlruns", mlruns.toString()};
        CliRunner first = CliRunner.run(concat(common, "--steps", "4"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("trained 4 steps");
        assertThat(out.resolve("model/model.json")).exists();
        assertThat(out.resolve("model/loss.png")).exists();
        assertThat(out.resolve("model/calibration.json")).exists();
        String runId = first.out().replaceAll("(?s).*tracking run ([0-9a-f]{32}).*", "$1");
        Path runDir = MlflowRunReader.findRun(mlruns, runId);
        assertThat(MlflowRunReader.status(runDir)).isEqualTo(RunStatus.FINISHED);
        assertThat(MlflowRunReader.metricHistory(runDir, "train/loss")).hasSize(4);
        assertThat(MlflowRunReader.metricHistory(runDir, "val/chain_exact")).hasSize(2); // step 3 and the last step
        assertThat(MlflowRunReader.params(runDir)).containsEntry("model/hyperbolic", "true")
                .containsKey("dataset/tiny-full/manifest_sha256").containsKey("calibration/Saturator/threshold");
        CliRunner calibrate = CliRunner.run("calibrate", "--model", out.resolve("model").toString(), "--data",
                tmp.resolve("data/tiny-full").toString());
        assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
        assertThat(calibrate.out()).contains("Saturator").contains("threshold").contains("calibration.json");
        CliRunner noData = CliRunner.run("calibrate", "--model", out.resolve("model").toString(), "--data", tmp.resolve("none").toString());
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains("manifest.json");
        try (Stream<Path> audio = Files.list(runDir.resolve("artifacts/audio"))) {
            assertThat(audio.map(p -> p.getFileName().toString())).contains("validation-0-target.wav", "validation-0-rebuild.wav");
        }
        // MLflow reopens only interrupted runs: continuing a finished one starts a new tracking run from the checkpoint.
        CliRunner more = CliRunner.run(concat(common, "--steps", "6", "--resume"));
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.err()).contains("resumed at step 4");
        assertThat(more.out()).contains("trained 6 steps");
        String second = more.out().replaceAll("(?s).*tracking run ([0-9a-f]{32}).*", "$1");
        assertThat(second).isNotEqualTo(runId);
        assertThat(MlflowRunReader.tags(MlflowRunReader.findRun(mlruns, second))).containsEntry("mlflow.parentRunId", runId);
    }

    @Test
    void fineTunesFromASavedModelOnOtherDataKeepingItsInputNormalisation() throws IOException {
        Path config = tinyConfigs();
        Path first = tmp.resolve("first");
        Path data = tmp.resolve("data");
        CliRunner trained = CliRunner.run("train", "--config", config.toString(), "--data", data.toString(), "--out", first.toString(),
                "--mlruns", tmp.resolve("mlruns").toString(), "--steps", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        // Other full-stage data: other seed, so other feature statistics than the starting model's.
        Files.writeString(tmp.resolve("full.json"), Files.readString(tmp.resolve("full.json"))
                .replace("\"name\": \"tiny-full\"", "\"name\": \"tiny-other\"").replace("\"seed\": 44", "\"seed\": 99"));
        Path tuned = tmp.resolve("tuned");
        CliRunner fineTuned = CliRunner.run("train", "--config", config.toString(), "--data", data.toString(), "--out", tuned.toString(),
                "--mlruns", tmp.resolve("mlruns").toString(), "--steps", "2", "--init", first.resolve("model").toString());
        assertThat(fineTuned.exitCode()).as(fineTuned.err()).isZero();
        assertThat(fineTuned.err()).contains("normalisation kept");
        assertThat(data.resolve("tiny-other/manifest.json")).exists();
        ModelConfig before = ModelFiles.config(first.resolve("model"));
        ModelConfig after = ModelFiles.config(tuned.resolve("model"));
        assertThat(after.featureMean()).isEqualTo(before.featureMean());
        assertThat(after.featureStd()).isEqualTo(before.featureStd());
        assertThat(after.targetLufs()).isEqualTo(before.targetLufs());
    }

    @Test
    void malformedConfigIsExitTwoNamingTheFile() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"unmixer-train/1\", \"name\": \"x\", \"stepz\": 3}");
        CliRunner r = CliRunner.run("train", "--config", bad.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(bad.toString()).contains("stepz");
    }

    @Test
    void trainsATinyProxyAndRefusesUnknownEffects() {
        Path out = tmp.resolve("proxy");
        CliRunner r = CliRunner.run("train-proxy", "--effect", "saturator", "--steps", "3", "--samples", "1024", "--pool", "8",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Saturator proxy (tcn): fidelity");
        assertThat(out.resolve("proxy.json")).exists();
        assertThat(out.resolve("proxy.params")).exists();
        Path frames = tmp.resolve("frames");
        CliRunner mask = CliRunner.run("train-proxy", "--effect", "phaser", "--design", "spectral-mask", "--steps", "2", "--samples", "2048",
                "--pool", "8", "--out", frames.toString());
        assertThat(mask.exitCode()).as(mask.err()).isZero();
        assertThat(mask.out()).contains("Phaser-Flanger proxy (spectral-mask): fidelity");
        assertThat(frames.resolve("proxy.json")).content().contains("\"design\" : \"spectral-mask\"").contains("\"inputChannels\" : 2");
        CliRunner badDesign = CliRunner.run("train-proxy", "--effect", "ott", "--design", "wavenet", "--steps", "2");
        assertThat(badDesign.exitCode()).isEqualTo(2);
        assertThat(badDesign.err()).contains("--design \"wavenet\"").doesNotContain("Exception");
        CliRunner analytic = CliRunner.run("train-proxy", "--effect", "eq-eight", "--analytic", "--samples", "2048", "--pool", "8");
        assertThat(analytic.exitCode()).as(analytic.err()).isZero();
        double worst = Double.parseDouble(analytic.out().replaceAll("(?s).*worst ([0-9.eE+-]+) over.*", "$1"));
        assertThat(worst).isLessThan(1e-3);
        assertThat(CliRunner.run("train-proxy", "--effect", "reverb", "--analytic").exitCode()).isEqualTo(2);
        CliRunner bad = CliRunner.run("train-proxy", "--effect", "saturater");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("saturator");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
