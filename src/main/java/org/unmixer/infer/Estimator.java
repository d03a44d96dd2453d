package org.unmixer.infer;

/**
 * An inverse model F: target audio (plus the source facts) → ranked candidate patches. The
 * baselines in {@code infer.baseline} and the neural model implement it, so the benchmark runs
 * them all the same way.
 *
 * <p>Contract (checked for every baseline by {@code EstimatorContract}): at least one candidate,
 * best first; every candidate renders with the reference renderer; the same input and
 * configuration (seed) give the same candidates; at most {@link Budget#maxRenders()} renders are
 * spent per input; between renders the method checks {@link Thread#interrupted()} and, when
 * interrupted, restores the flag and throws {@link java.util.concurrent.CancellationException}.
 */
public interface Estimator {
    /** Short name as the benchmark's {@code --methods} option spells it ({@code "nn"}, {@code "cmaes"}). */
    String name();

    /** Estimates patches for one input. */
    Estimation estimate(EstimationInput input);
}
