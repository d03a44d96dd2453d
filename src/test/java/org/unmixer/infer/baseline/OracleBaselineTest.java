package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.metrics.AudioMetrics;

class OracleBaselineTest implements EstimatorContract {
    /** Labels by the target itself: the contract's input is always prior patch 1. */
    @Override
    public Estimator newEstimator() {
        return new OracleBaseline(input -> Fixtures.priorPatch(1));
    }

    @Test
    void returnsTheLabelWithScoreZeroAndNoRenders() {
        Patch truth = Fixtures.priorPatch(3);
        Estimation e = new OracleBaseline(input -> truth).estimate(Fixtures.inputFor(truth, Budget.renders(1)));
        assertThat(e.candidates()).hasSize(1);
        assertThat(e.best().patch()).isEqualTo(truth);
        assertThat(e.best().score()).isEqualTo(0.0);
        assertThat(e.renders()).isZero();
    }

    @Test
    void oracleAudioDistanceIsZeroOnARenderedTarget() {
        for (long i = 0; i < 3; i++) {
            Patch truth = Fixtures.priorPatch(i);
            EstimationInput input = Fixtures.inputFor(truth, Budget.renders(1));
            Patch estimate = new OracleBaseline(in -> truth).estimate(input).best().patch();
            // the renderer is deterministic, so the rebuild is sample-identical: exactly 0
            assertThat(AudioMetrics.standard().mrStft(Fixtures.render(estimate), input.target())).isEqualTo(0.0);
        }
    }
}
