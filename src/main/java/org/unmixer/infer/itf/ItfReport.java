package org.unmixer.infer.itf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's ITF-steps table: for each {@code +itfN} method, the reference MR-STFT distance
 * reached by each checkpoint step (best so far over the refined candidates), as medians over the
 * examples ITF could refine, and the median per-example reduction from step 0.
 */
public final class ItfReport {
    private ItfReport() {
    }

    /** Per method: the checkpoints, per-example rows and the summary. */
    public static ObjectNode json(List<ItfEstimator> methods) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        for (ItfEstimator m : methods) {
            ObjectNode node = root.putObject(m.name());
            List<ItfEstimator.Logged> log = m.log();
            int[] checkpoints = log.isEmpty() ? new int[0] : log.get(0).checkpoints();
            ArrayNode cps = node.putArray("checkpoints");
            Arrays.stream(checkpoints).forEach(cps::add);
            ObjectNode summary = node.putObject("summary");
            summary.put("examples", log.size());
            summary.put("refined", log.stream().filter(ItfEstimator.Logged::refined).count());
            summary.put("meanSecondsPerExample", log.stream().mapToLong(ItfEstimator.Logged::nanos).average().orElse(0) / 1e9);
            ArrayNode medians = summary.putArray("medianBestDistance");
            ArrayNode mediansAt = summary.putArray("medianDistanceAtStep");
            ArrayNode reductions = summary.putArray("medianReductionFromStep0");
            for (int c = 0; c < checkpoints.length; c++) {
                medians.add(median(column(log, c, true)));
                mediansAt.add(median(column(log, c, false)));
                reductions.add(medianReduction(log, c));
            }
            ArrayNode rows = node.putArray("examples");
            for (ItfEstimator.Logged l : log) {
                ObjectNode r = rows.addObject();
                r.put("id", String.valueOf(l.key())).put("refined", l.refined()).put("seconds", l.nanos() / 1e9);
                ArrayNode best = r.putArray("bestDistance");
                ArrayNode at = r.putArray("distanceAtStep");
                for (int c = 0; c < checkpoints.length; c++) {
                    best.add(l.bestByCheckpoint()[c]);
                    at.add(l.atCheckpoint()[c]);
                }
            }
        }
        return root;
    }

    /** The table as text. */
    public static String text(List<ItfEstimator> methods) {
        StringBuilder b = new StringBuilder();
        for (ItfEstimator m : methods) {
            List<ItfEstimator.Logged> log = m.log();
            if (log.isEmpty()) {
                continue;
            }
            int[] checkpoints = log.get(0).checkpoints();
            long refined = log.stream().filter(ItfEstimator.Logged::refined).count();
            b.append(String.format(Locale.ROOT, "ITF %s: %d of %d examples refinable, %.1f s per example%n", m.name(), refined,
                    log.size(), log.stream().mapToLong(ItfEstimator.Logged::nanos).average().orElse(0) / 1e9));
            b.append("  step   median best MR-STFT   median at step   median reduction from step 0\n");
            for (int c = 0; c < checkpoints.length; c++) {
                b.append(String.format(Locale.ROOT, "  %4d   %19.3f   %14.3f   %27.1f%%%n", checkpoints[c], median(column(log, c, true)),
                        median(column(log, c, false)), 100 * medianReduction(log, c)));
            }
        }
        return b.toString();
    }

    private static double[] column(List<ItfEstimator.Logged> log, int c, boolean best) {
        return log.stream().filter(ItfEstimator.Logged::refined)
                .mapToDouble(l -> best ? l.bestByCheckpoint()[c] : l.atCheckpoint()[c]).toArray();
    }

    private static double medianReduction(List<ItfEstimator.Logged> log, int c) {
        return median(log.stream().filter(ItfEstimator.Logged::refined)
                .mapToDouble(l -> 1 - l.bestByCheckpoint()[c] / l.bestByCheckpoint()[0]).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
