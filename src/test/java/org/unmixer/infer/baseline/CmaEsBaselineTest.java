package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;

class CmaEsBaselineTest implements EstimatorContract {
    @Override
    public Estimator newEstimator() {
        return new CmaEsBaseline(CmaEsBaseline.Config.defaults(42));
    }

    /** Default Wavetable at note 60 through one Saturator with the given Drive (dB) and Dry/Wet (%). */
    private static Patch saturated(double driveDb, double dryWetPercent) {
        Patch mean = MeanBaseline.defaultPatch(Fixtures.SOURCE);
        return mean.withChain(List.of(Catalog.standard().device("Saturator").defaults()
                .with("Drive", driveDb).with("Dry/Wet", dryWetPercent)));
    }

    private static CmaEsBaseline searching(Set<String> saturatorParams, long seed) {
        return new CmaEsBaseline(CmaEsBaseline.Config.defaults(seed)
                .withSearched((device, p) -> device.equals("Saturator") && saturatorParams.contains(p.name())));
    }

    /** Drive is within this of the truth: 1 dB is a small step on the −36..36 dB knob, well audible. */
    private static final double DRIVE_TOLERANCE_DB = 1.0;
    /** Dry/Wet within 5 percentage points. */
    private static final double DRY_WET_TOLERANCE = 5.0;

    @Test
    void recoversSaturatorDriveInOneDimension() {
        Patch truth = saturated(18, 100);
        EstimationInput input = Fixtures.inputFor(truth, Budget.renders(60)).withSkeleton(List.of("Saturator"));
        Estimation e = searching(Set.of("Drive"), 1).estimate(input);
        assertThat(e.renders()).isEqualTo(60);
        assertThat(e.best().patch().chainNames()).containsExactly("Saturator");
        assertThat(e.best().patch().chain().get(0).get("Drive")).isCloseTo(18, within(DRIVE_TOLERANCE_DB));
        assertThat(e.best().patch().synth()).isEqualTo(truth.synth());
    }

    @Test
    void recoversDriveAndDryWetAndCutsTheDistanceFarBelowTheStart() {
        Patch truth = saturated(18, 60);
        EstimationInput input = Fixtures.inputFor(truth, Budget.renders(150)).withSkeleton(List.of("Saturator"));
        // the start: Saturator at its defaults (Drive 0 dB, Dry/Wet 100 %), one render
        double start = searching(Set.of(), 3).estimate(input).best().score();
        Estimation e = searching(Set.of("Drive", "Dry/Wet"), 3).estimate(input);
        assertThat(e.renders()).isEqualTo(150);
        assertThat(start).isGreaterThan(1.0);
        assertThat(e.best().score()).isLessThan(0.1 * start);
        assertThat(e.best().patch().chain().get(0).get("Drive")).isCloseTo(18, within(DRIVE_TOLERANCE_DB));
        assertThat(e.best().patch().chain().get(0).get("Dry/Wet")).isCloseTo(60, within(DRY_WET_TOLERANCE));
        // scores are the MR-STFT distance of the candidate's render
        assertThat(e.best().score()).isEqualTo(
                AudioMetrics.standard().mrStft(Fixtures.render(e.best().patch()), input.target()));
    }

    @Test
    void withoutSkeletonTriesEachSkeletonAndRanksThem() {
        Patch truth = saturated(18, 100);
        EstimationInput input = Fixtures.inputFor(truth, Budget.renders(45));
        CmaEsBaseline cmaes = new CmaEsBaseline(CmaEsBaseline.Config.defaults(5)
                .withSearched((device, p) -> device.equals("Saturator") && p.name().equals("Drive"))
                .withSkeletons(List.of(List.of(), List.of("Saturator"), List.of("Reverb"))));
        Estimation e = cmaes.estimate(input);
        assertThat(e.candidates()).extracting(c -> c.patch().chainNames())
                .containsExactlyInAnyOrder(List.of(), List.of("Saturator"), List.of("Reverb"));
        assertThat(e.best().patch().chainNames()).containsExactly("Saturator");
        // an even share of what is left: the empty chain has nothing to search and renders once
        // (share 45 / 3 = 15), the Saturator gets 44 / 2 = 22, the Reverb renders once (share 22)
        assertThat(e.renders()).isEqualTo(1 + 22 + 1);
    }

    @Test
    void startsFromAnotherEstimatorsBestAndCountsItsRenders() {
        Patch truth = saturated(-6, 80);
        EstimationInput input = Fixtures.inputFor(truth, Budget.renders(10)).withSkeleton(List.of("Saturator"));
        Estimator exactStart = new Estimator() {
            @Override
            public String name() {
                return "exact";
            }

            @Override
            public Estimation estimate(EstimationInput in) {
                return new Estimation(List.of(new Candidate(truth, 0)), 4, 0);
            }
        };
        Estimation e = new CmaEsBaseline(CmaEsBaseline.Config.defaults(1).withStart(exactStart)).estimate(input);
        assertThat(e.best().patch()).isEqualTo(truth);
        assertThat(e.best().score()).isEqualTo(0.0);
        assertThat(e.renders()).isEqualTo(10);
        // a start that spends the whole budget leaves nothing to render: its patch comes back as is
        Estimation spent = new CmaEsBaseline(CmaEsBaseline.Config.defaults(1).withStart(exactStart))
                .estimate(input.withBudget(Budget.renders(4)));
        assertThat(spent.renders()).isEqualTo(4);
        assertThat(spent.best().patch()).isEqualTo(truth);
    }

    @Test
    void stopsBetweenRendersWhenInterruptedMidRun() {
        Patch truth = saturated(12, 100);
        EstimationInput input = Fixtures.inputFor(truth, Budget.renders(50)).withSkeleton(List.of("Saturator"));
        Estimator interruptingStart = new Estimator() {
            @Override
            public String name() {
                return "interrupting";
            }

            @Override
            public Estimation estimate(EstimationInput in) {
                Thread.currentThread().interrupt(); // as if the user pressed stop after the start was found
                return new MeanBaseline().estimate(in);
            }
        };
        try {
            assertThatThrownBy(() -> new CmaEsBaseline(CmaEsBaseline.Config.defaults(1).withStart(interruptingStart))
                    .estimate(input)).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badConfigurationIsRefusedWithOneLine() {
        assertThatThrownBy(() -> new CmaEsBaseline.Config(1, 0.9, 0, (d, p) -> true, List.of(List.of()),
                java.util.Optional.empty())).isInstanceOf(BadInputException.class).hasMessageContaining("sigma 0.9");
        assertThatThrownBy(() -> CmaEsBaseline.Config.defaults(1).withSkeletons(List.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("skeleton");
    }
}
