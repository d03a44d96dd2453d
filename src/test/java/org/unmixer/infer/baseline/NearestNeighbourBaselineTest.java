package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
        // column 0 holds 3, 0, 0 (variance 2), column 1 holds 0, 1, −1 (variance 2/3); from the
        // origin: entries 1 and 2 at √(1 / (2/3)) = √1.5 (tie → lower index first), entry 0 at √(9/2)
        List<NearestNeighbourLibrary.Neighbour> n = lib.nearest(new float[] {0, 0}, 3);
        assertThat(n).extracting(NearestNeighbourLibrary.Neighbour::index).containsExactly(1, 2, 0);
        assertThat(n.get(0).distance()).isCloseTo(Math.sqrt(1.5), within(1e-6));
        assertThat(n.get(1).distance()).isEqualTo(n.get(0).distance());
        assertThat(n.get(2).distance()).isCloseTo(Math.sqrt(4.5), within(1e-6));
    }

    @Test
    void everyValueIsStandardisedSoAWideOneDoesNotDecideAlone() {
        // column 0 spreads over ±100, column 1 over ±1: unscaled, entry 0 (off by 0 and 2) would lose
        // to entry 1 (off by 10 and 0); scaled by their spreads, entry 1 is 10/100 off, entry 0 2/1
        NearestNeighbourLibrary lib = NearestNeighbourLibrary.of(
                List.of(Fixtures.priorPatch(0), Fixtures.priorPatch(1), Fixtures.priorPatch(2), Fixtures.priorPatch(3)),
                List.of(new float[] {0, 2}, new float[] {10, 0}, new float[] {100, 1}, new float[] {-100, -1}));
        assertThat(lib.nearest(new float[] {0, 0}, 1).get(0).index()).isEqualTo(1);
    }

    @Test
    void aValueConstantOverTheLibraryIsComparedUnscaled() {
        NearestNeighbourLibrary lib = NearestNeighbourLibrary.of(
                List.of(Fixtures.priorPatch(0), Fixtures.priorPatch(1)),
                List.of(new float[] {5, 1}, new float[] {5, -1}));
        List<NearestNeighbourLibrary.Neighbour> n = lib.nearest(new float[] {8, 1}, 2);
        // column 0 constant (weight 1): 3 off; column 1 variance 1: 0 and 2 off
        assertThat(n.get(0).index()).isZero();
        assertThat(n.get(0).distance()).isCloseTo(3.0, within(1e-6));
        assertThat(n.get(1).distance()).isCloseTo(Math.sqrt(13), within(1e-6));
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
