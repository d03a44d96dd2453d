package org.unmixer.infer.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.RenderMeter;
import org.unmixer.params.BadInputException;

/**
 * {@code nn}: nearest neighbour by {@link LogMelEmbedding} in a {@link NearestNeighbourLibrary}.
 * The target (44.1 kHz) is embedded, the {@code k} nearest library patches are returned with the
 * input's source in place of the library's (so they play the input's note), scored by embedding
 * distance. No renders per input; the library's own renders are a one-off cost.
 */
public final class NearestNeighbourBaseline implements Estimator {
    private final NearestNeighbourLibrary library;
    private final LogMelEmbedding embedding = new LogMelEmbedding();
    private final int k;

    /** @param k neighbours returned, ≥ 1 */
    public NearestNeighbourBaseline(NearestNeighbourLibrary library, int k) {
        if (k < 1) {
            throw new BadInputException("nn: k " + k + " must be at least 1");
        }
        this.library = Objects.requireNonNull(library, "library");
        this.k = k;
    }

    @Override
    public String name() {
        return "nn";
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        RenderMeter.checkInterrupted();
        float[] query = embedding.embed(input.target());
        List<Candidate> out = new ArrayList<>(k);
        for (NearestNeighbourLibrary.Neighbour n : library.nearest(query, k)) {
            out.add(new Candidate(library.patch(n.index()).withSource(input.source()), n.distance()));
        }
        return new Estimation(out, 0, System.nanoTime() - start);
    }
}
