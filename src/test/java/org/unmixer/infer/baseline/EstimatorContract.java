package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;

/**
 * What every {@link Estimator} promises (see its Javadoc), as default tests each baseline's test
 * class inherits by implementing {@link #newEstimator()}.
 */
interface EstimatorContract {
    /** A fresh estimator with a fixed seed. */
    Estimator newEstimator();

    /** The example the contract runs on: a prior patch with a chain, rendered. */
    default EstimationInput contractInput(Budget budget) {
        Patch truth = Fixtures.priorPatch(1);
        assertThat(truth.chain()).as("fixture should have a chain").isNotEmpty();
        return Fixtures.inputFor(truth, budget);
    }

    @Test
    default void returnsAtLeastOneCandidateRankedBestFirst() {
        Estimation e = newEstimator().estimate(contractInput(Budget.renders(6)));
        assertThat(e.candidates()).isNotEmpty();
        for (int i = 1; i < e.candidates().size(); i++) {
            assertThat(e.candidates().get(i).score()).isGreaterThanOrEqualTo(e.candidates().get(i - 1).score());
        }
        assertThat(e.best()).isSameAs(e.candidates().get(0));
    }

    @Test
    default void everyCandidateRendersFiniteAudioForTheInputsSource() {
        EstimationInput input = contractInput(Budget.renders(6));
        for (Candidate c : newEstimator().estimate(input).candidates()) {
            assertThat(c.patch().source()).isEqualTo(input.source());
            AudioBuffer audio = Fixtures.render(c.patch());
            assertThat(audio.isFinite()).isTrue();
            assertThat(audio.frames()).isEqualTo(input.target().frames());
        }
    }

    @Test
    default void sameSeedAndInputGiveTheSameCandidates() {
        EstimationInput input = contractInput(Budget.renders(6));
        Estimation a = newEstimator().estimate(input);
        Estimation b = newEstimator().estimate(input);
        assertThat(b.candidates()).isEqualTo(a.candidates());
        assertThat(b.renders()).isEqualTo(a.renders());
    }

    @Test
    default void spendsNoMoreRendersThanTheBudget() {
        for (int budget : new int[] {1, 2, 5}) {
            Estimation e = newEstimator().estimate(contractInput(Budget.renders(budget)));
            assertThat(e.renders()).as("budget %d", budget).isBetween(0, budget);
        }
    }

    @Test
    default void stopsAndKeepsTheFlagWhenInterrupted() {
        Estimator estimator = newEstimator();
        EstimationInput input = contractInput(Budget.renders(6));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> estimator.estimate(input)).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear for the next test
        }
    }
}
