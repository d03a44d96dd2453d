package org.unmixer.infer.baseline;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.RenderMeter;

/**
 * {@code oracle}: returns the true patch, the floor every metric should reach (0 audio distance on
 * a target the reference renderer made). It is the only method that knows labels: it gets them
 * through its own lookup, given by the benchmark, never through {@link EstimationInput}. Score 0,
 * no renders.
 */
public final class OracleBaseline implements Estimator {
    private final Function<EstimationInput, Patch> labels;

    /** @param labels the true patch of each input (the benchmark's label lookup) */
    public OracleBaseline(Function<EstimationInput, Patch> labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        RenderMeter.checkInterrupted();
        Patch truth = Objects.requireNonNull(labels.apply(input), "oracle: no label for this input");
        return new Estimation(List.of(new Candidate(truth, 0)), 0, System.nanoTime() - start);
    }
}
