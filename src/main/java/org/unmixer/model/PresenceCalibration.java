package org.unmixer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.unmixer.data.AtomicFiles;
import org.unmixer.params.BadInputException;

/**
 * Per-effect decision thresholds for the chain's device set, fitted on validation data after
 * training and stored next to the model as {@code calibration.json}.
 *
 * <p>Why: the presence head is trained with a symmetric loss, but for the effects that are often
 * subtle (Saturator at low drive, an EQ with small gains) it is rarely sure, so at the 0.5
 * threshold it misses half of them while its positives are mostly right (on {@code id-full}:
 * Saturator precision 0.87, recall 0.55; EQ Eight 0.72 / 0.45). The threshold that maximises each
 * effect's F1 on the validation set is applied as a logit bias, {@code logit p' = logit p − logit t},
 * so p' crosses 0.5 exactly where p crosses t; the set ranking then uses p'. The network's own
 * probabilities stay in the prediction ({@link Prediction#presence}).
 *
 * @param thresholds per effect, in the layout's order, in (0, 1)
 */
public record PresenceCalibration(double[] thresholds) {
    public static final String FILE = "calibration.json";
    public static final String FORMAT = "unmixer-calibration/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PresenceCalibration {
        thresholds = thresholds.clone();
        for (double t : thresholds) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("a presence threshold must lie in (0, 1), got " + t);
            }
        }
    }

    /** Threshold 0.5 everywhere: the network's probabilities unchanged. */
    public static PresenceCalibration identity(int effects) {
        double[] t = new double[effects];
        java.util.Arrays.fill(t, 0.5);
        return new PresenceCalibration(t);
    }

    /** p' with logit p' = logit p − logit t, per effect. */
    public double[] apply(double[] presence) {
        if (presence.length != thresholds.length) {
            throw new IllegalArgumentException(presence.length + " presence values for " + thresholds.length + " thresholds");
        }
        double[] out = new double[presence.length];
        for (int e = 0; e < presence.length; e++) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, presence[e]));
            double z = Math.log(p / (1 - p)) - Math.log(thresholds[e] / (1 - thresholds[e]));
            out[e] = 1 / (1 + Math.exp(-z));
        }
        return out;
    }

    /** Writes {@code dir/calibration.json}; {@code fit} holds how it was fitted (data, F1 before and after). */
    public void write(Path dir, List<String> effects, ObjectNode fit) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode t = root.putObject("presenceThresholds");
        for (int e = 0; e < effects.size(); e++) {
            t.put(effects.get(e), thresholds[e]);
        }
        root.set("fit", fit);
        AtomicFiles.writeString(dir.resolve(FILE), MAPPER.writeValueAsString(root) + "\n");
    }

    /**
     * Reads {@code dir/calibration.json}; empty when the file does not exist (models saved before
     * calibration existed, or not calibrated).
     *
     * @throws BadInputException naming the file when it is malformed or names other effects
     */
    public static Optional<PresenceCalibration> read(Path dir, List<String> effects) {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the calibration (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(file + ": not a calibration file (expected format " + FORMAT + ")");
        }
        JsonNode t = root.path("presenceThresholds");
        double[] thresholds = new double[effects.size()];
        for (int e = 0; e < effects.size(); e++) {
            JsonNode v = t.get(effects.get(e));
            if (v == null || !v.isNumber() || !(v.asDouble() > 0 && v.asDouble() < 1)) {
                throw new BadInputException(file + ": presenceThresholds needs \"" + effects.get(e) + "\" in (0, 1)");
            }
            thresholds[e] = v.asDouble();
        }
        if (t.size() != effects.size()) {
            throw new BadInputException(file + ": presenceThresholds names " + t.size() + " effects, the model has " + effects.size());
        }
        return Optional.of(new PresenceCalibration(thresholds));
    }
}
