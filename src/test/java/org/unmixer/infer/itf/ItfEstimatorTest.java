package org.unmixer.infer.itf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.model.diff.DiffDevices;

class ItfEstimatorTest {
    private static final SourceSpec NOISE = new SourceSpec(SourceKind.NOISE, 60, 100, 0.3, 0.1, 4);

    private static Patch patch(double drive, double bellGain) {
        return new Patch(NOISE, Optional.empty(), SaturatorBellChain.of(drive, bellGain));
    }

    /** A base estimator proposing fixed patches, spending no renders. */
    private record Fixed(List<Patch> patches) implements Estimator {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Estimation estimate(EstimationInput input) {
            return new Estimation(patches.stream().map(p -> new Candidate(p, 0)).toList(), 0, 0);
        }
    }

    private static double distance(Patch p, AudioBuffer target) {
        return AudioMetrics.standard().mrStft(Renderer.render(p, Renderer.DEFAULT_RATE), target);
    }

    @Test
    void aDeadlineAlreadyPassedLeavesOnlyTheStartingStep() {
        AudioBuffer target = Renderer.render(patch(15, 9), Renderer.DEFAULT_RATE);
        EffectItf itf = new EffectItf(new EffectItf.Settings(20, 0.1, 0));
        EffectItf.Trajectory t = itf.refine(patch(3, -3), target, System.nanoTime() - 1).orElseThrow();
        assertThat(t.steps()).hasSize(1);
        assertThat(t.best()).isZero();
    }

    @Test
    void thePolishSpendsTheRendersItfLeavesAndNeverEndsFarther() {
        AudioBuffer target = Renderer.render(patch(15, 9), Renderer.DEFAULT_RATE);
        Fixed base = new Fixed(List.of(patch(3, -3), patch(20, 0)));
        EffectItf.Settings settings = new EffectItf.Settings(10, 0.1, 0);
        // A render budget decides how far each stage goes; the wall-time part is an hour, never reached.
        Budget budget = new Budget(2 * 11 + 40, 3_600_000_000_000L);
        EstimationInput input = new EstimationInput(target, NOISE, Optional.empty(), budget);

        Estimation itfOnly = new ItfEstimator("itf", base, settings, DiffDevices.analyticOnly(), 2, new int[] {0, 10}, in -> "x")
                .estimate(input);
        Estimation polished = new ItfEstimator("itf+polish", base, settings, DiffDevices.analyticOnly(), 2, new int[] {0, 10},
                in -> "x", 0.5).estimate(input);

        assertThat(itfOnly.renders()).isEqualTo(2 * 11);
        assertThat(polished.renders()).isGreaterThan(2 * 11).isLessThanOrEqualTo(budget.maxRenders());
        double refined = distance(itfOnly.best().patch(), target);
        assertThat(refined).isLessThan(distance(patch(3, -3), target));
        assertThat(distance(polished.best().patch(), target)).isLessThanOrEqualTo(refined);
        assertThat(polished.best().patch().chainNames()).isEqualTo(itfOnly.best().patch().chainNames());
    }

    /** Discrete moves render their neighbours: they run only when the render budget has room for their worst case. */
    @Test
    void discreteMovesStayWithinTheRenderBudget() {
        AudioBuffer target = Renderer.render(patch(15, 9), Renderer.DEFAULT_RATE);
        Fixed base = new Fixed(List.of(patch(3, -3)));
        EffectItf.Settings settings = new EffectItf.Settings(10, 0.1, 0).withMovesEvery(5);
        int worst = DiscreteMoves.atMost(patch(3, -3)); // one round (at step 5), up to three moves in a row
        for (int renders : new int[] {11, 11 + 3 * worst}) {
            Budget budget = new Budget(renders, 3_600_000_000_000L);
            Estimation e = new ItfEstimator("itf", base, settings, DiffDevices.analyticOnly(), 1, new int[] {0, 10}, in -> "x")
                    .estimate(new EstimationInput(target, NOISE, Optional.empty(), budget));
            assertThat(e.renders()).as("budget %d", renders).isLessThanOrEqualTo(renders);
            if (renders > 11) {
                assertThat(e.renders()).as("the moves ran").isGreaterThan(11);
            }
        }
    }
}
