package org.unmixer.infer.itf;

import java.util.List;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.baseline.CmaEsBaseline;

/**
 * The optional last stage of ITF: a small gradient-free search (CMA-ES on the reference renderer)
 * around the ITF result, over every estimated continuous parameter of the synth and the chain — so
 * it also reaches the synth's parameters, which ITF does not move yet. It starts at the ITF result
 * with a small step, keeps the chain, and never returns a patch farther from the target than the
 * start.
 */
public final class CmaesPolish {
    /** Initial CMA-ES step in θ: a local search, not a restart. */
    public static final double SIGMA = 0.05;

    /** The polished patch, the distances before and after, and the renders spent. */
    public record Result(Patch patch, double before, double after, int renders) {
    }

    private CmaesPolish() {
    }

    /**
     * @param startDistance the reference MR-STFT distance of {@code start} to {@code target}
     * @param renders the render budget
     */
    public static Result polish(Patch start, double startDistance, AudioBuffer target, int renders, long seed) {
        if (renders < 1) {
            return new Result(start, startDistance, startDistance, 0);
        }
        return polish(start, startDistance, target, Budget.renders(renders), seed);
    }

    /** As {@link #polish(Patch, double, AudioBuffer, int, long)} within a budget of renders and wall time. */
    public static Result polish(Patch start, double startDistance, AudioBuffer target, Budget budget, long seed) {
        CmaEsBaseline.Config config = CmaEsBaseline.Config.defaults(seed);
        config = new CmaEsBaseline.Config(seed, SIGMA, config.populationSize(), config.searched(), config.skeletons(),
                Optional.of(new FixedStart(start)));
        EstimationInput input = new EstimationInput(target, start.source(), Optional.of(start.chainNames()), budget);
        Estimation e = new CmaEsBaseline(config).estimate(input);
        Candidate best = e.best();
        if (best.score() < startDistance) {
            return new Result(best.patch(), startDistance, best.score(), e.renders());
        }
        return new Result(start, startDistance, startDistance, e.renders());
    }

    /** An "estimator" that proposes one fixed patch: CMA-ES's start. */
    private record FixedStart(Patch patch) implements org.unmixer.infer.Estimator {
        @Override
        public String name() {
            return "itf";
        }

        @Override
        public Estimation estimate(EstimationInput input) {
            return new Estimation(List.of(new Candidate(patch, 0)), 0, 0);
        }
    }
}
