package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.UniformPrior;
import org.unmixer.params.BadInputException;

class RandomBaselineTest implements EstimatorContract {
    @Override
    public Estimator newEstimator() {
        return new RandomBaseline(new UniformPrior(3), 4, 11);
    }

    @Test
    void returnsKConsecutivePriorSamplesScoredByDrawOrder() {
        UniformPrior prior = new UniformPrior(3);
        EstimationInput input = Fixtures.inputFor(Fixtures.priorPatch(2), Budget.renders(1));
        Estimation e = new RandomBaseline(prior, 3, 11).estimate(input);
        long base = RandomBaseline.baseIndex(11, input.target());
        assertThat(e.candidates()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(e.candidates().get(i).patch()).isEqualTo(prior.sample(base + i, input.source()));
            assertThat(e.candidates().get(i).score()).isEqualTo(i);
        }
        assertThat(e.renders()).isZero();
    }

    @Test
    void differentTargetsAndDifferentSeedsDrawDifferentSamples() {
        EstimationInput a = Fixtures.inputFor(Fixtures.priorPatch(2), Budget.renders(1));
        EstimationInput b = Fixtures.inputFor(Fixtures.priorPatch(5), Budget.renders(1));
        Patch pa = new RandomBaseline(new UniformPrior(3), 1, 11).estimate(a).best().patch();
        Patch pb = new RandomBaseline(new UniformPrior(3), 1, 11).estimate(b).best().patch();
        Patch pa12 = new RandomBaseline(new UniformPrior(3), 1, 12).estimate(a).best().patch();
        assertThat(pb.withSource(pa.source())).isNotEqualTo(pa);
        assertThat(pa12).isNotEqualTo(pa);
    }

    @Test
    void rejectsKBelowOne() {
        assertThatThrownBy(() -> new RandomBaseline(new UniformPrior(), 0, 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("k 0");
    }
}
