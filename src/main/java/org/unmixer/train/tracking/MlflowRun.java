package org.unmixer.train.tracking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.unmixer.audio.io.AtomicFiles;

/**
 * One training run written straight into MLflow's file-store layout, so that
 * {@code mlflow ui --backend-store-uri ./mlruns} (MLflow 2.x) shows it — no MLflow client, no server.
 *
 * <pre>
 * mlruns/.trash/
 * mlruns/0/meta.yaml                       the "Default" experiment every file store has
 * mlruns/&lt;experiment_id&gt;/meta.yaml          name, artifact_location, lifecycle_stage, times
 * mlruns/&lt;experiment_id&gt;/&lt;run_id&gt;/meta.yaml   run_id, status (RUNNING 1, FINISHED 3, FAILED 4, KILLED 5), times, …
 *                          params/&lt;key&gt;        the value, no newline; never changes
 *                          metrics/&lt;key&gt;       one line per value: "timestamp_ms value step"
 *                          tags/&lt;key&gt;          mlflow.runName, mlflow.user, mlflow.source.name, mlflow.source.type
 *                          artifacts/…
 * </pre>
 *
 * <p>Keys may contain '/' (they become sub-folders, as in MLflow) and are checked against
 * MLflow's rules; a bad key is an {@link IllegalArgumentException} naming it. {@code meta.yaml}
 * files are replaced whole (temp file, then move); each metric line goes out in one unbuffered
 * write, so a crash loses at most the line being written. Params and tags are written directly,
 * as MLflow does. I/O failures surface as {@link UncheckedIOException}: logging is called from
 * every corner of a training loop, and a full disk there should stop training, not be declared.
 *
 * <p>{@link #close()} without {@link #finish} marks the run {@link RunStatus#KILLED}: the run
 * stopped without saying how it ended, which is what MLflow calls an interrupted run, and a
 * KILLED run can be {@link #resume resumed}. Call {@code finish(FAILED)} when an exception ends
 * training. Methods are synchronized so a validation thread may log beside the training loop.
 */
public final class MlflowRun implements AutoCloseable {
    private static final String PARAMS = "params";
    private static final String METRICS = "metrics";
    private static final String TAGS = "tags";
    private static final String ARTIFACTS = "artifacts";
    /** MLflow's {@code SourceType.LOCAL}, the number its file store writes for every run. */
    private static final int SOURCE_TYPE_LOCAL = 4;

    private final Path runDir;
    private final Clock clock;
    private final Map<String, Object> meta;
    private final Map<String, OutputStream> metricFiles = new HashMap<>();
    private boolean ended;

    private MlflowRun(Path runDir, Clock clock, Map<String, Object> meta) {
        this.runDir = runDir;
        this.clock = clock;
        this.meta = meta;
    }

    /**
     * Starts a new RUNNING run in the experiment called {@code experimentName} under {@code root}
     * (created if absent, reused if present).
     *
     * @param root the store, e.g. {@code ./mlruns}; created if absent
     * @param runName shown in the UI's run list; not blank
     * @param clock source of start, end and metric timestamps
     */
    public static MlflowRun start(Path root, String experimentName, String runName, Clock clock) {
        if (runName == null || runName.isBlank()) {
            throw new IllegalArgumentException("run name is blank");
        }
        try {
            Experiments.Experiment experiment = Experiments.findOrCreate(root, experimentName, clock);
            String runId = UUID.randomUUID().toString().replace("-", "");
            Path runDir = experiment.dir().resolve(runId);
            for (String sub : List.of(METRICS, PARAMS, TAGS, ARTIFACTS)) {
                Files.createDirectories(runDir.resolve(sub));
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("artifact_uri", Experiments.fileUri(runDir.resolve(ARTIFACTS)));
            meta.put("deleted_time", null);
            meta.put("end_time", null);
            meta.put("entry_point_name", "");
            meta.put("experiment_id", experiment.id());
            meta.put("lifecycle_stage", "active");
            meta.put("run_id", runId);
            meta.put("run_name", runName);
            meta.put("run_uuid", runId);
            meta.put("source_name", "");
            meta.put("source_type", SOURCE_TYPE_LOCAL);
            meta.put("source_version", "");
            meta.put("start_time", clock.millis());
            meta.put("status", RunStatus.RUNNING.code());
            meta.put("tags", List.of());
            meta.put("user_id", System.getProperty("user.name", "unknown"));
            MlflowRun run = new MlflowRun(runDir, clock, meta);
            run.writeMeta();
            run.setTag("mlflow.runName", runName);
            run.setTag("mlflow.user", (String) meta.get("user_id"));
            run.setTag("mlflow.source.type", "LOCAL");
            run.setTag("mlflow.source.name", sourceName());
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a run under " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reopens run {@code runId} under {@code root} to continue it after a checkpoint resume: status
     * back to RUNNING, end time cleared; metrics keep appending to their files, params stay
     * immutable. Only RUNNING (the process died) and KILLED (closed without a verdict) runs can be
     * resumed; a FINISHED or FAILED run is refused with an {@link IllegalStateException}.
     */
    public static MlflowRun resume(Path root, String runId, Clock clock) {
        if (runId == null || !runId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("run id \"" + runId + "\" is not 32 lower-case hex characters");
        }
        try {
            Path runDir = Experiments.findRun(root, runId);
            Map<String, Object> meta = new LinkedHashMap<>(Experiments.readMeta(runDir.resolve(Experiments.META)));
            RunStatus status = RunStatus.ofCode(Integer.parseInt(String.valueOf(meta.get("status"))));
            if (status != RunStatus.RUNNING && status != RunStatus.KILLED) {
                throw new IllegalStateException("run " + runId + " is " + status + "; only RUNNING or KILLED runs can be"
                        + " resumed (start a new run instead)");
            }
            // numbers come back from the reader as text; write them back as numbers
            for (String key : List.of("start_time", "source_type", "deleted_time")) {
                Object v = meta.get(key);
                meta.put(key, v == null ? null : Long.parseLong(v.toString()));
            }
            meta.put("tags", List.of());
            meta.put("end_time", null);
            meta.put("status", RunStatus.RUNNING.code());
            MlflowRun run = new MlflowRun(runDir, clock, meta);
            run.writeMeta();
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume run " + runId + " under " + root + ": " + e.getMessage(), e);
        }
    }

    /** 32 lower-case hex characters, the run's folder name. */
    public String runId() {
        return (String) meta.get("run_id");
    }

    /** {@code <root>/<experiment_id>/<run_id>}. */
    public Path runDir() {
        return runDir;
    }

    /**
     * Records a hyper-parameter. MLflow params never change: logging the same value again is
     * fine (a resumed run re-logs its config), a different value is an {@link IllegalStateException}.
     */
    public synchronized void logParam(String key, String value) {
        requireOpen();
        MlflowKeys.check("param", key);
        MlflowKeys.checkValue("param", key, value, MlflowKeys.MAX_PARAM_VALUE_LENGTH);
        Path file = runDir.resolve(PARAMS).resolve(key);
        try {
            if (Files.exists(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                if (!old.equals(value)) {
                    throw new IllegalStateException("param \"" + key + "\" was logged as \"" + old + "\"; MLflow params"
                            + " cannot change (new value \"" + value + "\")");
                }
                return;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, value, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write param " + key + ": " + e.getMessage(), e);
        }
    }

    /** {@link #logParam} for each entry, values through {@link String#valueOf(Object)}. */
    public synchronized void logParams(Map<String, ?> params) {
        params.forEach((k, v) -> logParam(k, String.valueOf(v)));
    }

    /**
     * Appends {@code "timestamp_ms value step"} to {@code metrics/<key>}, timestamp from the clock.
     * Values are written as Python's {@code float()} reads them: NaN as {@code nan}, infinities as
     * {@code inf} / {@code -inf} (what Python's {@code str(float)} gives), other values as Java's
     * shortest round-trip decimal.
     */
    public synchronized void logMetric(String key, double value, long step) {
        requireOpen();
        MlflowKeys.check("metric", key);
        String line = clock.millis() + " " + formatValue(value) + " " + step + "\n";
        try {
            OutputStream out = metricFiles.get(key);
            if (out == null) {
                Path file = runDir.resolve(METRICS).resolve(key);
                Files.createDirectories(file.getParent());
                out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                metricFiles.put(key, out);
            }
            out.write(line.getBytes(StandardCharsets.UTF_8)); // one write per line, no buffer to lose
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to metric " + key + ": " + e.getMessage(), e);
        }
    }

    /** Sets (or replaces) a tag such as {@code mlflow.note.content} or {@code git.commit}. */
    public synchronized void setTag(String key, String value) {
        requireOpen();
        MlflowKeys.check("tag", key);
        MlflowKeys.checkValue("tag", key, value, MlflowKeys.MAX_TAG_VALUE_LENGTH);
        Path file = runDir.resolve(TAGS).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, value, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tag " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies {@code file} into {@code artifacts/<subdir>/} (whole or not at all) and returns the copy.
     *
     * @param subdir a relative folder such as {@code plots}, or empty / null for the artifacts root
     */
    public Path logArtifact(Path file, String subdir) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        String name = file.getFileName().toString();
        Path target = artifactPath(subdir == null || subdir.isEmpty() ? name : subdir + "/" + name);
        try {
            AtomicFiles.writeFile(target, out -> Files.copy(file, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " into the run's artifacts: " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * Where a writer should put the artifact {@code relative} (e.g. {@code plots/loss.png}) so it
     * shows under the run; parent folders are created. {@code relative} must stay inside the
     * artifacts folder (no absolute path, no {@code ..}).
     */
    public Path artifactPath(String relative) {
        MlflowKeys.checkRelativePath("artifact path", relative);
        Path target = runDir.resolve(ARTIFACTS).resolve(relative);
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Ends the run with {@code status} (FINISHED, FAILED or KILLED) and the clock's time. */
    public synchronized void finish(RunStatus status) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a run ends FINISHED, FAILED or KILLED, not " + status);
        }
        requireOpen();
        ended = true;
        IOException failure = closeMetricFiles();
        meta.put("end_time", clock.millis());
        meta.put("status", status.code());
        try {
            writeMeta();
        } catch (IOException e) {
            failure = e;
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot end run " + runId() + ": " + failure.getMessage(), failure);
        }
    }

    /** Ends the run as {@link RunStatus#KILLED} unless {@link #finish} was called. */
    @Override
    public synchronized void close() {
        if (!ended) {
            finish(RunStatus.KILLED);
        }
    }

    /** How a metric value is written: Python's spelling for NaN and infinities. */
    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("run " + runId() + " has ended; resume it to log more");
        }
    }

    private void writeMeta() throws IOException {
        Experiments.writeMeta(runDir.resolve(Experiments.META), meta);
    }

    private IOException closeMetricFiles() {
        IOException first = null;
        for (OutputStream out : metricFiles.values()) {
            try {
                out.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        metricFiles.clear();
        return first;
    }

    /** The main class or jar the JVM was started with, as MLflow records the script that ran. */
    private static String sourceName() {
        String command = System.getProperty("sun.java.command", "").strip();
        return command.isEmpty() ? "java" : command.split("\\s+")[0];
    }
}
