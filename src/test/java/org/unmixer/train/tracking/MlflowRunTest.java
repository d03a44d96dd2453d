package org.unmixer.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowRunTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final Clock START = at(T0);

    @TempDir
    Path dir;

    private static Clock at(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    @Test
    void newStoreGetsDefaultExperimentTrashAndTheNamedExperimentAsId1() throws IOException {
        Path root = dir.resolve("mlruns");
        try (MlflowRun run = MlflowRun.start(root, "unmixer-train", "first", START)) {
            assertThat(root.resolve(".trash")).isDirectory();
            assertThat(Files.readString(root.resolve("0/meta.yaml"))).isEqualTo("artifact_location: "
                    + root.resolve("0").toUri().toString().replaceAll("/$", "") + "\n"
                    + "creation_time: 1700000000000\n"
                    + "experiment_id: '0'\n"
                    + "last_update_time: 1700000000000\n"
                    + "lifecycle_stage: active\n"
                    + "name: Default\n");
            Map<String, String> exp = MetaYaml.read(Files.readString(root.resolve("1/meta.yaml")));
            assertThat(exp).containsEntry("name", "unmixer-train").containsEntry("experiment_id", "1")
                    .containsEntry("lifecycle_stage", "active").containsEntry("creation_time", "1700000000000");
            assertThat(run.runDir()).isEqualTo(root.resolve("1").resolve(run.runId()));
        }
    }

    @Test
    void runFolderHasMlflowsLayoutAndMetaFields() throws IOException {
        Path root = dir.resolve("mlruns");
        MlflowRun run = MlflowRun.start(root, "exp", "baseline 1", START);
        String id = run.runId();
        assertThat(id).matches("[0-9a-f]{32}");
        for (String sub : List.of("metrics", "params", "tags", "artifacts")) {
            assertThat(run.runDir().resolve(sub)).isDirectory();
        }
        Map<String, String> meta = MlflowRunReader.meta(run.runDir());
        assertThat(meta.keySet()).containsExactly("artifact_uri", "deleted_time", "end_time", "entry_point_name",
                "experiment_id", "lifecycle_stage", "run_id", "run_name", "run_uuid", "source_name", "source_type",
                "source_version", "start_time", "status", "tags", "user_id");
        assertThat(meta).containsEntry("artifact_uri", run.runDir().resolve("artifacts").toUri().toString().replaceAll("/$", ""))
                .containsEntry("end_time", null).containsEntry("experiment_id", "1").containsEntry("run_id", id)
                .containsEntry("run_uuid", id).containsEntry("run_name", "baseline 1").containsEntry("status", "1")
                .containsEntry("start_time", "1700000000000").containsEntry("source_type", "4")
                .containsEntry("entry_point_name", "").containsEntry("tags", "[]")
                .containsEntry("lifecycle_stage", "active");
        String text = Files.readString(run.runDir().resolve("meta.yaml"));
        assertThat(text).contains("experiment_id: '1'\n", "run_name: 'baseline 1'\n", "status: 1\n", "end_time: null\n",
                "tags: []\n", "source_version: ''\n");
        assertThat(MlflowRunReader.tags(run.runDir())).containsEntry("mlflow.runName", "baseline 1")
                .containsEntry("mlflow.source.type", "LOCAL").containsKeys("mlflow.user", "mlflow.source.name");

        run.finish(RunStatus.FINISHED);
        assertThat(MlflowRunReader.status(run.runDir())).isEqualTo(RunStatus.FINISHED);
        assertThat(MlflowRunReader.meta(run.runDir())).containsEntry("status", "3").containsEntry("end_time", "1700000000000");
        try (Stream<Path> files = Files.list(run.runDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left behind")
                    .containsExactlyInAnyOrder("meta.yaml", "metrics", "params", "tags", "artifacts");
        }
    }

    @Test
    void paramsAreWrittenWithoutNewlineAndCannotChange() throws IOException {
        try (MlflowRun run = MlflowRun.start(dir, "exp", "r", START)) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("lr", 0.001);
            params.put("model/hidden", 256);
            run.logParams(params);
            assertThat(Files.readString(run.runDir().resolve("params/lr"))).isEqualTo("0.001");
            assertThat(Files.readString(run.runDir().resolve("params/model/hidden"))).isEqualTo("256");

            run.logParam("lr", "0.001");
            assertThatThrownBy(() -> run.logParam("lr", "0.01")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("\"lr\"").hasMessageContaining("\"0.001\"").hasMessageContaining("\"0.01\"");
            assertThat(MlflowRunReader.params(run.runDir())).containsExactly(Map.entry("lr", "0.001"), Map.entry("model/hidden", "256"));
        }
    }

    @Test
    void metricLinesAreTimestampValueStepWithPythonSpellingsOfNonFiniteValues() throws IOException {
        MlflowRun run = MlflowRun.start(dir, "exp", "r", START);
        run.logMetric("train/loss", 0.5, 0);
        run.logMetric("train/loss", Double.NaN, 1);
        run.logMetric("train/loss", Double.POSITIVE_INFINITY, 2);
        run.logMetric("train/loss", Double.NEGATIVE_INFINITY, 3);
        run.logMetric("train/loss", 1e-5, 4);
        assertThat(Files.readString(run.runDir().resolve("metrics/train/loss"))).as("visible before finish")
                .isEqualTo("1700000000000 0.5 0\n1700000000000 nan 1\n1700000000000 inf 2\n"
                        + "1700000000000 -inf 3\n1700000000000 1.0E-5 4\n");
        run.finish(RunStatus.FINISHED);

        List<MetricPoint> h = MlflowRunReader.metricHistory(run.runDir(), "train/loss");
        assertThat(h).hasSize(5);
        assertThat(h.get(0)).isEqualTo(new MetricPoint(0, 0.5, T0));
        assertThat(h.get(1).value()).isNaN();
        assertThat(h.get(2).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(h.get(3).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(h.get(4).value()).isEqualTo(1e-5);
        assertThat(MlflowRunReader.metricKeys(run.runDir())).containsExactly("train/loss");
        assertThat(MlflowRunReader.metricHistory(run.runDir(), "never")).isEmpty();
    }

    @Test
    void resumeReopensAKilledRunAndMetricsKeepAppending() {
        MlflowRun first = MlflowRun.start(dir, "exp", "r", START);
        first.logParam("lr", "0.001");
        first.logMetric("loss", 1.0, 10);
        first.close();
        assertThat(MlflowRunReader.status(first.runDir())).as("closed without finish").isEqualTo(RunStatus.KILLED);
        assertThatThrownBy(() -> first.logMetric("loss", 0.5, 11)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");

        try (MlflowRun again = MlflowRun.resume(dir, first.runId(), at(T0 + 5000))) {
            assertThat(again.runDir()).isEqualTo(first.runDir());
            assertThat(MlflowRunReader.meta(again.runDir())).containsEntry("status", "1").containsEntry("end_time", null)
                    .containsEntry("start_time", "1700000000000").containsEntry("run_name", "r");
            again.logParam("lr", "0.001");
            assertThatThrownBy(() -> again.logParam("lr", "0.1")).isInstanceOf(IllegalStateException.class);
            again.logMetric("loss", 0.5, 11);
            again.finish(RunStatus.FINISHED);
        }
        assertThat(MlflowRunReader.metricHistory(first.runDir(), "loss"))
                .containsExactly(new MetricPoint(10, 1.0, T0), new MetricPoint(11, 0.5, T0 + 5000));
        assertThat(MlflowRunReader.meta(first.runDir())).containsEntry("status", "3").containsEntry("end_time", "1700000005000");
    }

    @Test
    void finishedRunsAndUnknownIdsCannotBeResumed() {
        MlflowRun done = MlflowRun.start(dir, "exp", "r", START);
        done.finish(RunStatus.FAILED);
        assertThatThrownBy(() -> MlflowRun.resume(dir, done.runId(), START)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is FAILED");
        assertThatThrownBy(() -> MlflowRun.resume(dir, "0".repeat(32), START)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> MlflowRun.resume(dir, "../x", START)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 lower-case hex");
        assertThatThrownBy(() -> done.finish(RunStatus.FINISHED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void experimentIsReusedByNameAndNewNamesTakeTheNextId() throws IOException {
        MlflowRun a = MlflowRun.start(dir, "alpha", "a", START);
        MlflowRun b = MlflowRun.start(dir, "beta", "b", START);
        MlflowRun c = MlflowRun.start(dir, "alpha", "c", START);
        MlflowRun d = MlflowRun.start(dir, "Default", "d", START);
        assertThat(a.runDir().getParent()).isEqualTo(dir.resolve("1")).isEqualTo(c.runDir().getParent());
        assertThat(b.runDir().getParent()).isEqualTo(dir.resolve("2"));
        assertThat(d.runDir().getParent()).isEqualTo(dir.resolve("0"));
        assertThat(a.runId()).isNotEqualTo(c.runId());
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".trash", "0", "1", "2");
        }
    }

    @Test
    void experimentWrittenByMlflowIsFoundByItsName() throws IOException {
        // as PyYAML writes it, including a large random id and a quoted name
        Files.createDirectories(dir.resolve("0"));
        Files.writeString(dir.resolve("0/meta.yaml"), "artifact_location: file:///x/0\ncreation_time: 1\n"
                + "experiment_id: '0'\nlast_update_time: 1\nlifecycle_stage: active\nname: Default\n");
        Files.createDirectories(dir.resolve("412337854946521234"));
        Files.writeString(dir.resolve("412337854946521234/meta.yaml"), "artifact_location: file:///x/4123\n"
                + "creation_time: 1\nexperiment_id: '412337854946521234'\nlast_update_time: 1\n"
                + "lifecycle_stage: active\nname: 'yes'\n");
        MlflowRun run = MlflowRun.start(dir, "yes", "r", START);
        assertThat(run.runDir().getParent()).isEqualTo(dir.resolve("412337854946521234"));
        assertThat(MlflowRunReader.meta(run.runDir())).containsEntry("experiment_id", "412337854946521234");
        assertThat(MlflowRun.start(dir, "no", "r", START).runDir().getParent()).isEqualTo(dir.resolve("412337854946521235"));
    }

    @Test
    void badKeysAreRefusedWithTheKeyInTheMessage() {
        try (MlflowRun run = MlflowRun.start(dir, "exp", "r", START)) {
            for (String bad : List.of("", "/abs", "a/../b", "..x", "a//b", "trailing/", "./a", "a/./b", "semi;colon",
                    "new\nline", "x".repeat(251))) {
                assertThatThrownBy(() -> run.logMetric(bad, 1, 0)).as("metric %s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("metric key");
                assertThatThrownBy(() -> run.logParam(bad, "1")).as("param %s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("param key");
                assertThatThrownBy(() -> run.setTag(bad, "1")).as("tag %s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tag key");
            }
            assertThatThrownBy(() -> run.logParam("a..b;", "1")).hasMessage("param key \"a..b;\" may only contain letters,"
                    + " digits, underscores, dashes, periods, spaces and slashes");
            run.logMetric("val/loss (ema)".replace("(", "").replace(")", ""), 1, 0);
            run.logParam("a..b", "ok: MLflow allows .. inside a segment");
            run.setTag("mlflow.note.content", "x".repeat(MlflowKeys.MAX_TAG_VALUE_LENGTH));
            assertThatThrownBy(() -> run.setTag("t", "x".repeat(MlflowKeys.MAX_TAG_VALUE_LENGTH + 1)))
                    .hasMessageContaining("at most 5000");
            assertThatThrownBy(() -> run.artifactPath("../escape.png")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void artifactsGoUnderTheRunsArtifactsFolder() throws IOException {
        try (MlflowRun run = MlflowRun.start(dir, "exp", "r", START)) {
            Path src = Files.writeString(dir.resolve("config (copy).json"), "{}");
            Path copy = run.logArtifact(src, "config");
            assertThat(copy).isEqualTo(run.runDir().resolve("artifacts/config/config (copy).json")).hasContent("{}");
            assertThat(run.logArtifact(src, "")).isEqualTo(run.runDir().resolve("artifacts/config (copy).json"));
            Path plot = run.artifactPath("plots/loss.png");
            assertThat(plot.getParent()).isDirectory();
            assertThat(plot).isEqualTo(run.runDir().resolve("artifacts/plots/loss.png"));
        }
    }
}
