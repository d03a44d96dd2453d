package org.unmixer.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.unmixer.model.Features;
import org.unmixer.model.InverseNet;
import org.unmixer.model.PresenceCalibration;

/**
 * Fits {@link PresenceCalibration}: runs the network over a labelled set (the validation set, never
 * a test set) and picks, per effect, the presence threshold with the best F1, on a grid from 0.05
 * to 0.95 in steps of 0.01 (ties go to the threshold nearest 0.5).
 */
public final class PresenceCalibrator {
    static final int BATCH = 64;
    static final double GRID_LOW = 0.05;
    static final double GRID_HIGH = 0.95;
    static final double GRID_STEP = 0.01;

    /** What the fit found, per effect in the layout's order. */
    public record Fit(PresenceCalibration calibration, double[] f1AtHalf, double[] f1AtThreshold, int[] positives, int examples) {
        /** For {@code calibration.json}: data, and per effect threshold, F1 at 0.5 and at the threshold. */
        public ObjectNode toJson(List<String> effects, String data) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("data", data).put("examples", examples).put("rule", "per-effect threshold maximising F1 on a 0.05…0.95 grid");
            ObjectNode per = n.putObject("effects");
            for (int e = 0; e < effects.size(); e++) {
                per.putObject(effects.get(e)).put("threshold", calibration.thresholds()[e]).put("positives", positives[e])
                        .put("f1AtHalf", f1AtHalf[e]).put("f1AtThreshold", f1AtThreshold[e]);
            }
            return n;
        }
    }

    private PresenceCalibrator() {
    }

    /** Fits on {@code validation} and writes {@code modelDir/calibration.json}. */
    public static Fit calibrate(InverseNet net, NDManager manager, TrainingSet validation, Path modelDir) throws IOException {
        int effects = net.layout().effects().size();
        Fit fit = fit(presence(net, manager, validation), labels(validation, effects));
        fit.calibration().write(modelDir, net.layout().effects(),
                fit.toJson(net.layout().effects(), validation.dir().getFileName() + " (manifest SHA-256 " + validation.manifestSha256() + ")"));
        return fit;
    }

    /** Presence probabilities of every example of {@code set}, [example][effect]. */
    public static double[][] presence(InverseNet net, NDManager manager, TrainingSet set) {
        int effects = net.layout().effects().size();
        double[][] out = new double[set.size()][effects];
        for (int first = 0; first < set.size(); first += BATCH) {
            int b = Math.min(BATCH, set.size() - first);
            int[] idx = new int[b];
            for (int i = 0; i < b; i++) {
                idx[i] = first + i;
            }
            try (NDManager m = manager.newSubManager(); ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                scope.suppressNotUsedWarning();
                NDList o = net.forward(new ParameterStore(m, false), new NDList(Features.batch(m, set.features(idx), b, net.config())), false);
                float[] p = o.get(4).neg().exp().add(1f).pow(-1f).toFloatArray();
                for (int i = 0; i < b; i++) {
                    for (int e = 0; e < effects; e++) {
                        out[first + i][e] = p[i * effects + e];
                    }
                }
            }
        }
        return out;
    }

    /** Whether each example's chain holds each effect, [example][effect]. */
    public static boolean[][] labels(TrainingSet set, int effects) {
        boolean[][] out = new boolean[set.size()][effects];
        for (int i = 0; i < set.size(); i++) {
            for (int e : set.targets(new int[] {i}).chains()[0]) {
                if (e >= 0 && e < effects) {
                    out[i][e] = true;
                }
            }
        }
        return out;
    }

    /** The per-effect F1-best thresholds for these probabilities and labels. */
    public static Fit fit(double[][] presence, boolean[][] labels) {
        int effects = presence.length == 0 ? 0 : presence[0].length;
        double[] thresholds = new double[effects];
        double[] atHalf = new double[effects];
        double[] atBest = new double[effects];
        int[] positives = new int[effects];
        for (int e = 0; e < effects; e++) {
            for (boolean[] l : labels) {
                positives[e] += l[e] ? 1 : 0;
            }
            atHalf[e] = f1(presence, labels, e, 0.5);
            double best = -1;
            double bestT = 0.5;
            int steps = (int) Math.round((GRID_HIGH - GRID_LOW) / GRID_STEP);
            for (int s = 0; s <= steps; s++) {
                double t = GRID_LOW + s * GRID_STEP;
                double f = f1(presence, labels, e, t);
                if (f > best + 1e-12 || (Math.abs(f - best) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(bestT - 0.5))) {
                    best = f;
                    bestT = t;
                }
            }
            thresholds[e] = bestT;
            atBest[e] = best;
        }
        return new Fit(new PresenceCalibration(thresholds), atHalf, atBest, positives, presence.length);
    }

    /** F1 of "p > t" against the labels for one effect (1 when there are no positives and none predicted). */
    static double f1(double[][] presence, boolean[][] labels, int effect, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < presence.length; i++) {
            boolean predicted = presence[i][effect] > threshold;
            if (predicted && labels[i][effect]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (labels[i][effect]) {
                fn++;
            }
        }
        return tp + fp + fn == 0 ? 1 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
