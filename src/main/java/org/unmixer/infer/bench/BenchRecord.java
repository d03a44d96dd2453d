package org.unmixer.infer.bench;

import java.util.Objects;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.metrics.ExampleScores;

/**
 * What one method did on one example: its scores ({@link ExampleScores}, no timings inside so they
 * compare exactly between runs), its best patch, the renders it spent and its wall time.
 */
public record BenchRecord(ExampleScores scores, Patch best, int renders, long nanos) {
    public BenchRecord {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(best, "best");
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
