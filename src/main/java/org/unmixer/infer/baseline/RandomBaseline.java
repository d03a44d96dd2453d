package org.unmixer.infer.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.PatchPrior;
import org.unmixer.infer.RenderMeter;
import org.unmixer.params.BadInputException;

/**
 * {@code random}: {@code k} samples of a {@link PatchPrior}, ranked as drawn (score = draw number
 * 0, 1, …), no renders. The prior indices come from the seed and a hash of the target's samples,
 * so the same input always gets the same samples while different inputs get different ones,
 * whatever order the benchmark visits them in.
 */
public final class RandomBaseline implements Estimator {
    private final PatchPrior prior;
    private final int k;
    private final long seed;

    /**
     * @param prior what to sample
     * @param k samples per input, ≥ 1 (default in the benchmark: 1)
     * @param seed mixes into the prior index
     */
    public RandomBaseline(PatchPrior prior, int k, long seed) {
        if (k < 1) {
            throw new BadInputException("random: k " + k + " must be at least 1");
        }
        this.prior = Objects.requireNonNull(prior, "prior");
        this.k = k;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        long base = baseIndex(seed, input.target());
        List<Candidate> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            RenderMeter.checkInterrupted();
            out.add(new Candidate(prior.sample(base + i, input.source()), i));
        }
        return new Estimation(out, 0, System.nanoTime() - start);
    }

    /** Seed mixed with a hash of every channel's samples (SplitMix64 finaliser), non-negative. */
    static long baseIndex(long seed, AudioBuffer target) {
        long h = seed;
        for (int c = 0; c < target.channelCount(); c++) {
            h = h * 31 + Arrays.hashCode(target.channel(c));
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return (h ^ (h >>> 31)) >>> 2; // room for + k without overflow
    }
}
