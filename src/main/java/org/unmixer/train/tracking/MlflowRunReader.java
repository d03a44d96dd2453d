package org.unmixer.train.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads back a run folder of MLflow's file store (one {@link MlflowRun} wrote, or MLflow itself):
 * for tests and for the summary printed at the end of training.
 */
public final class MlflowRunReader {
    private MlflowRunReader() {}

    /** The folder of run {@code runId} in any active experiment under {@code root}. */
    public static Path findRun(Path root, String runId) {
        try {
            return Experiments.findRun(root, runId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + root + ": " + e.getMessage(), e);
        }
    }

    /** The run's {@code meta.yaml} fields as text (numbers as digits, YAML null as {@code null}). */
    public static Map<String, String> meta(Path runDir) {
        try {
            return Experiments.readMeta(runDir.resolve(Experiments.META));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runDir.resolve(Experiments.META) + ": " + e.getMessage(), e);
        }
    }

    public static RunStatus status(Path runDir) {
        return RunStatus.ofCode(Integer.parseInt(meta(runDir).get("status")));
    }

    /** Params by key ('/' separated for nested keys), sorted. */
    public static Map<String, String> params(Path runDir) {
        return files(runDir.resolve("params"));
    }

    /** Tags by key, sorted. */
    public static Map<String, String> tags(Path runDir) {
        return files(runDir.resolve("tags"));
    }

    /** Keys of the run's metrics, sorted. */
    public static List<String> metricKeys(Path runDir) {
        return List.copyOf(files(runDir.resolve("metrics")).keySet());
    }

    /**
     * Every logged value of metric {@code key} in file order (a resumed run may repeat steps);
     * empty when it was never logged. Lines with two fields (old MLflow) have step 0.
     */
    public static List<MetricPoint> metricHistory(Path runDir, String key) {
        Path file = runDir.resolve("metrics").resolve(MlflowKeys.check("metric", key));
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<MetricPoint> points = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split(" ");
                if (f.length != 2 && f.length != 3) {
                    throw new IllegalStateException(file + ": \"" + line + "\" is not \"timestamp value step\"");
                }
                points.add(new MetricPoint(f.length == 3 ? Long.parseLong(f[2]) : 0, parseValue(f[1]), Long.parseLong(f[0])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": bad number (" + e.getMessage() + ")", e);
        }
        return points;
    }

    /** Python's {@code float()} spellings of NaN and infinity, then Java's. */
    static double parseValue(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Every file under {@code dir} by its '/'-separated relative path, with its text. */
    private static Map<String, String> files(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String key = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                out.put(key, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }
}
