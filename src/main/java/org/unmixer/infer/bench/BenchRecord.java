package org.unmixer.infer.bench;

import java.util.Objects;
import org.unmixer.infer.metrics.ExampleScores;

/**
 * What one method did on one example: its scores ({@link ExampleScores}, no timings inside so they
 * compare exactly between runs), the renders it spent and its wall time.
 */
public record BenchRecord(ExampleScores scores, int renders, long nanos) {
    public BenchRecord {
        Objects.requireNonNull(scores, "scores");
        if (renders < 0 || nanos < 0) {
            throw new IllegalArgumentException("negative renders or time");
        }
    }

    public String example() {
        return scores.example();
    }

    public String method() {
        return scores.method();
    }
}
