package org.unmixer.infer.model;

import java.util.List;
import org.unmixer.audio.prep.PreparedInput;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.model.Prediction;

/**
 * The model's answer for one sound: the prepared input, the raw prediction, and the candidate
 * patches (one per predicted chain, most probable first).
 *
 * @param prepared what was done to the file before the model heard it
 * @param prediction the network's output (mixtures, class probabilities, chains)
 * @param candidates patches in chain-probability order; the first is the best
 * @param chainProbabilities the probability of each candidate's chain
 * @param refinement what the renders after the network did (level match, draws, distances)
 * @param prepareNanos time to read and prepare the input
 * @param modelNanos time for features, network and beam search
 * @param refineNanos time for the refinement's renders
 */
public record Estimate(PreparedInput prepared, Prediction prediction, List<Patch> candidates, List<Double> chainProbabilities,
                       CandidateRefiner.Refined refinement, long prepareNanos, long modelNanos, long refineNanos) {
    public Estimate {
        candidates = List.copyOf(candidates);
        chainProbabilities = List.copyOf(chainProbabilities);
        if (candidates.isEmpty() || candidates.size() != chainProbabilities.size()) {
            throw new IllegalArgumentException("an estimate needs candidates, each with its chain probability");
        }
    }

    public Patch best() {
        return candidates.get(0);
    }
}
