package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.PatchPrior;
import org.unmixer.infer.UniformPrior;
import org.unmixer.infer.metrics.AudioMetrics;

class NearestNeighbourBaselineTest implements EstimatorContract {
    /** A tiny library: 12 prior patches (seed 7), the contract's target (index 1) among them. */
    private static final NearestNeighbourLibrary LIBRARY =
            NearestNeighbourLibrary.build(new UniformPrior(7), 12, Fixtures.SOURCE, 1);

    @Override
    public Estimator newEstimator() {
        return new NearestNeighbourBaseline(LIBRARY, 3);
    }

    @Test
    void findsTheTargetsOwnPatchWhenTheLibraryContainsIt() {
        for (int i : new int[] {0, 4, 9}) {
            EstimationInput input = Fixtures.inputFor(LIBRARY.patch(i), Budget.renders(1));
            Estimation e = newEstimator().estimate(input);
            assertThat(e.best().score()).as("embedding distance, entry %d", i).isEqualTo(0.0);
            double audio = AudioMetrics.standard().mrStft(Fixtures.render(e.best().patch()), input.target());
            assertThat(audio).as("audio distance, entry %d", i).isEqualTo(0.0);
            assertThat(e.candidates().get(1).score()).as("no tie: the runner-up differs, entry %d", i)
                    .isGreaterThan(0.0);
            assertThat(e.renders()).isZero();
        }
    }

    @Test
    void candidatesPlayTheQueryNoteNotTheLibraryNote() {
        SourceSpec other = new SourceSpec(SourceKind.SYNTH, 48, 80, 0.3, 0.2, 0);
        Patch truth = new UniformPrior(99).sample(0, other);
        Estimation e = newEstimator().estimate(Fixtures.inputFor(truth, Budget.renders(1)));
        assertThat(e.candidates()).hasSize(3);
        e.candidates().forEach(c -> assertThat(c.patch().source()).isEqualTo(other));
        int index = LIBRARY.nearest(new LogMelEmbedding().embed(Fixtures.render(truth)), 1).get(0).index();
        assertThat(e.best().patch()).isEqualTo(LIBRARY.patch(index).withSource(other));
    }

    @Test
    void nearestIsSortedWithTiesToTheLowerIndex() {
        NearestNeighbourLibrary lib = NearestNeighbourLibrary.of(
                List.of(Fixtures.priorPatch(0), Fixtures.priorPatch(1), Fixtures.priorPatch(2)),
                List.of(new float[] {3, 0}, new float[] {0, 1}, new float[] {0, -1}));
        // from the origin: entry 1 and 2 at distance 1 (tie → lower index first), entry 0 at 3
        List<NearestNeighbourLibrary.Neighbour> n = lib.nearest(new float[] {0, 0}, 3);
        assertThat(n).containsExactly(new NearestNeighbourLibrary.Neighbour(1, 1.0),
                new NearestNeighbourLibrary.Neighbour(2, 1.0), new NearestNeighbourLibrary.Neighbour(0, 3.0));
    }

    @Test
    void twoThreadsBuildTheSameLibraryAsOne() {
        NearestNeighbourLibrary two = NearestNeighbourLibrary.build(new UniformPrior(7), 12, Fixtures.SOURCE, 2);
        assertThat(two.size()).isEqualTo(12);
        assertThat(two.renders()).isEqualTo(12);
        for (int i = 0; i < 12; i++) {
            assertThat(two.patch(i)).isEqualTo(LIBRARY.patch(i));
            assertThat(two.embedding(i)).containsExactly(LIBRARY.embedding(i));
        }
    }

    @Test
    void libraryBuildStopsWhenInterrupted() {
        PatchPrior interrupting = (index, source) -> {
            if (index == 2) {
                Thread.currentThread().interrupt();
            }
            return new UniformPrior(7).sample(index, source);
        };
        try {
            assertThatThrownBy(() -> NearestNeighbourLibrary.build(interrupting, 10, Fixtures.SOURCE, 1))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
