package org.unmixer.infer.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.unmixer.audio.AudioBuffer;

/**
 * Best-of-K audio distance for estimators that return ranked candidates: the smallest distance to
 * the target among the first K candidates (in the estimator's rank order), for K in
 * {@link #K_VALUES}. With fewer than K candidates all of them are used, so best-of-5 of a
 * single-candidate estimator equals its best-of-1; the value never increases with K.
 */
public final class BestOfK {
    /** The K values reported: 1, 3, 5. */
    public static final List<Integer> K_VALUES = List.of(1, 3, 5);

    private BestOfK() {}

    /** Minimum of the first {@code min(k, length)} distances (rank order). */
    public static double bestOf(double[] rankedDistances, int k) {
        if (rankedDistances.length == 0) {
            throw new IllegalArgumentException("best-of-K needs at least one candidate");
        }
        if (k < 1) {
            throw new IllegalArgumentException("K must be ≥ 1, got " + k);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < Math.min(k, rankedDistances.length); i++) {
            best = Math.min(best, rankedDistances[i]);
        }
        return best;
    }

    /**
     * {@code K → best distance} for every K in {@link #K_VALUES}; measures only the candidates the
     * largest K needs.
     *
     * @param rankedCandidates renders of the candidates, best-ranked first
     * @param distance e.g. {@link AudioMetrics#mrStft}
     */
    public static Map<Integer, Double> score(List<AudioBuffer> rankedCandidates, AudioBuffer target,
            ToDoubleBiFunction<AudioBuffer, AudioBuffer> distance) {
        int kMax = K_VALUES.get(K_VALUES.size() - 1);
        int n = Math.min(kMax, rankedCandidates.size());
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = distance.applyAsDouble(rankedCandidates.get(i), target);
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int k : K_VALUES) {
            out.put(k, bestOf(d, k));
        }
        return out;
    }
}
