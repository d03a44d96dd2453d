package org.unmixer.session;

import java.nio.file.Path;
import java.util.Optional;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.model.CandidateRefiner;
import org.unmixer.params.BadInputException;

/**
 * How to estimate a sound: the model's candidates, the parameter draws, inference-time finetuning
 * (ITF) and its CMA-ES polish, and known-source mode. The command line's options map onto these
 * one for one; the window uses {@link #DEFAULT} with its ITF steps.
 *
 * @param topK chains kept
 * @param draws parameter sets drawn for the best chain
 * @param itfSteps ITF steps per candidate (0 = off)
 * @param itfCandidates how many of the top candidates ITF refines
 * @param itfAnchor λ_B, ITF's pull toward the start
 * @param itfPolish CMA-ES renders after ITF (0 = off)
 * @param itfSeconds wall-time budget for ITF + polish (0 = none)
 * @param knownSource a known test signal the chain was fed (empty: a synth note)
 * @param proxies folder of trained effect proxies for ITF
 */
public record EstimationOptions(int topK, int draws, int itfSteps, int itfCandidates, double itfAnchor, int itfPolish,
        double itfSeconds, Optional<SourceSpec> knownSource, Path proxies) {
    /** Steps ITF takes within a time budget when no step count is given (the benchmarked model+itf100+polish). */
    public static final int DEFAULT_TIMED_ITF_STEPS = 100;
    /**
     * Adam's step size for ITF in the logistic-mapped parameter space: the best of 0.03, 0.06 and 0.1
     * on 20 id-full examples with exact gradients (docs/BENCHMARKS.md, 2026-11-22).
     */
    public static final double ITF_LEARNING_RATE = 0.1;
    /**
     * ITF tries the best patch's discrete neighbours every this many steps: 35.1 % median reduction at
     * step 100 on 20 id-full examples against 22.3 % without (docs/BENCHMARKS.md, 2026-11-22).
     */
    public static final int ITF_MOVES_EVERY = 25;

    public static final EstimationOptions DEFAULT = new EstimationOptions(5, CandidateRefiner.Settings.DEFAULT.draws(), 0, 3, 0, 0,
            0, Optional.empty(), Locations.model("proxies"));

    public EstimationOptions {
        check(topK >= 1 && topK <= 20, "top-k " + topK + " must be between 1 and 20");
        check(draws >= 0 && draws <= 200, "draws " + draws + " must be between 0 and 200");
        check(itfSteps >= 0 && itfSteps <= 1000, "ITF steps " + itfSteps + " must be between 0 and 1000");
        check(itfCandidates >= 1 && itfCandidates <= 20, "ITF candidates " + itfCandidates + " must be between 1 and 20");
        check(itfAnchor >= 0 && itfAnchor <= 1e6, "ITF anchor " + itfAnchor + " must be between 0 and 1e6");
        check(itfPolish >= 0 && itfPolish <= 100_000, "ITF polish " + itfPolish + " must be between 0 and 100000");
        check(itfSeconds >= 0 && itfSeconds <= 3600, "ITF seconds " + itfSeconds + " must be between 0 and 3600");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }

    /**
     * Known-source mode's source for a file of {@code audioSeconds}: the test signal of {@code kind}
     * for {@code sourceSeconds}, the rest of the file its tail; none for {@code synth}. The note and
     * velocity are the renderer's defaults (a test signal has no pitch).
     *
     * @throws BadInputException when {@code sourceSeconds} is out of range
     */
    public static Optional<SourceSpec> knownSource(SourceKind kind, double sourceSeconds, long seed, double audioSeconds) {
        if (kind == SourceKind.SYNTH) {
            return Optional.empty();
        }
        check(sourceSeconds > 0 && sourceSeconds <= SourceSpec.MAX_SECONDS,
                "source seconds " + sourceSeconds + " must be in (0, " + (int) SourceSpec.MAX_SECONDS + "]");
        return Optional.of(new SourceSpec(kind, 60, 100, sourceSeconds, Math.max(0, audioSeconds - sourceSeconds), seed));
    }

    public EstimationOptions withItfSteps(int steps) {
        return new EstimationOptions(topK, draws, steps, itfCandidates, itfAnchor, itfPolish, itfSeconds, knownSource, proxies);
    }

    /** The ITF steps to run: the given count, or {@link #DEFAULT_TIMED_ITF_STEPS} under a time budget. */
    int effectiveItfSteps() {
        return itfSeconds > 0 && itfSteps == 0 ? DEFAULT_TIMED_ITF_STEPS : itfSteps;
    }
}
