package org.unmixer.infer;

import java.util.Objects;
import org.unmixer.dsp.patch.Patch;

/**
 * One proposed patch and the score its method ranked it by; lower is better. What the score
 * measures depends on the method and is stated in its Javadoc (MR-STFT distance to the target for
 * search methods, embedding distance for retrieval, draw order for prior samples); the benchmark
 * re-scores every candidate itself, so scores of different methods need not be comparable.
 */
public record Candidate(Patch patch, double score) {
    public Candidate {
        Objects.requireNonNull(patch, "patch");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("candidate score is NaN");
        }
    }
}
