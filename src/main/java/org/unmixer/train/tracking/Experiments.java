package org.unmixer.train.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.unmixer.audio.io.AtomicFiles;

/**
 * Experiments of an MLflow file store ({@code mlflow/store/tracking/file_store.py}): each is a
 * folder {@code <root>/<experiment_id>/} with a {@code meta.yaml}; deleted ones sit under
 * {@code <root>/.trash/}. Like MLflow's {@code FileStore}, a new root gets the "Default"
 * experiment {@code 0} and an empty {@code .trash}.
 */
final class Experiments {
    static final String DEFAULT_NAME = "Default";
    static final String DEFAULT_ID = "0";
    static final String META = "meta.yaml";
    static final String TRASH = ".trash";
    /** MLflow's {@code MAX_EXPERIMENT_NAME_LENGTH}. */
    private static final int MAX_NAME_LENGTH = 500;

    /** An experiment folder and where its runs keep artifacts. */
    record Experiment(String id, Path dir) {}

    private Experiments() {}

    /**
     * The active experiment called {@code name} under {@code root}, created if there is none: id
     * {@code 0} for "Default", else the next integer after every id in use (MLflow 2.x picks random
     * large integers; any id string works for its readers).
     */
    static Experiment findOrCreate(Path root, String name, Clock clock) throws IOException {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("experiment name must be 1 to " + MAX_NAME_LENGTH + " characters, not \""
                    + name + "\"");
        }
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
        }
        Files.createDirectories(root.resolve(TRASH));
        if (!Files.exists(root.resolve(DEFAULT_ID).resolve(META)) && byName(root, DEFAULT_NAME).isEmpty()) {
            create(root, DEFAULT_ID, DEFAULT_NAME, clock);
        }
        Optional<Experiment> existing = byName(root, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (byName(root.resolve(TRASH), name).isPresent()) {
            throw new IllegalStateException("experiment \"" + name + "\" is deleted (in " + root.resolve(TRASH)
                    + "); restore it with mlflow or remove it from .trash to use the name again");
        }
        return create(root, nextId(root), name, clock);
    }

    /** The folder of run {@code runId} in any active experiment under {@code root}. */
    static Path findRun(Path root, String runId) throws IOException {
        for (Path exp : experimentDirs(root)) {
            Path run = exp.resolve(runId);
            if (Files.isRegularFile(run.resolve(META))) {
                return run;
            }
        }
        throw new IllegalArgumentException("run " + runId + " not found under " + root);
    }

    private static Experiment create(Path root, String id, String name, Clock clock) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        long now = clock.millis();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_location", fileUri(dir));
        meta.put("creation_time", now);
        meta.put("experiment_id", id);
        meta.put("last_update_time", now);
        meta.put("lifecycle_stage", "active");
        meta.put("name", name);
        writeMeta(dir.resolve(META), meta);
        return new Experiment(id, dir);
    }

    private static Optional<Experiment> byName(Path parent, String name) throws IOException {
        for (Path dir : experimentDirs(parent)) {
            Map<String, String> meta = readMeta(dir.resolve(META));
            if (name.equals(meta.get("name")) && !"deleted".equals(meta.get("lifecycle_stage"))) {
                return Optional.of(new Experiment(String.valueOf(meta.get("experiment_id")), dir));
            }
        }
        return Optional.empty();
    }

    private static String nextId(Path root) throws IOException {
        long max = -1;
        List<Path> all = new ArrayList<>(experimentDirs(root));
        all.addAll(experimentDirs(root.resolve(TRASH)));
        for (Path dir : all) {
            String id = dir.getFileName().toString();
            if (id.matches("\\d{1,18}")) {
                max = Math.max(max, Long.parseLong(id));
            }
        }
        return Long.toString(max + 1);
    }

    /** Sub-folders of {@code parent} holding a {@code meta.yaml}, sorted by name. */
    private static List<Path> experimentDirs(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(META))).sorted().toList();
        }
    }

    static Map<String, String> readMeta(Path file) throws IOException {
        try {
            return MetaYaml.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    static void writeMeta(Path file, Map<String, ?> fields) throws IOException {
        byte[] bytes = MetaYaml.write(fields).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeFile(file, out -> out.write(bytes));
    }

    /** {@code file:///abs/path} as Python's {@code Path.as_uri()} writes it (no trailing slash). */
    static String fileUri(Path dir) {
        String uri = dir.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
