package org.unmixer.infer;

import java.util.List;

/**
 * What an {@link Estimator} returns for one input.
 *
 * @param candidates at least one, best first (scores non-decreasing)
 * @param renders reference-renderer renders spent on this input (one-off costs such as building a
 *     nearest-neighbour library are not included; their owners report them)
 * @param elapsedNanos wall time spent on this input, for reports only
 */
public record Estimation(List<Candidate> candidates, int renders, long elapsedNanos) {
    public Estimation {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("an estimation needs at least one candidate");
        }
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i).score() < candidates.get(i - 1).score()) {
                throw new IllegalArgumentException("candidates are not ranked: score " + candidates.get(i).score()
                        + " at " + i + " is below " + candidates.get(i - 1).score());
            }
        }
        if (renders < 0 || elapsedNanos < 0) {
            throw new IllegalArgumentException("negative renders or time");
        }
    }

    /** The best candidate. */
    public Candidate best() {
        return candidates.get(0);
    }
}
