package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.params.Catalog;

class MeanBaselineTest implements EstimatorContract {
    @Override
    public Estimator newEstimator() {
        return new MeanBaseline();
    }

    @Test
    void synthInputGetsDefaultWavetableWithTheInputsNoteAndNoChain() {
        SourceSpec source = new SourceSpec(SourceKind.SYNTH, 45, 90, 0.3, 0.2, 0);
        Patch truth = new org.unmixer.infer.UniformPrior(7).sample(1, source);
        Estimation e = new MeanBaseline().estimate(Fixtures.inputFor(truth, Budget.renders(1)));
        Patch p = e.best().patch();
        assertThat(p.source()).isEqualTo(source);
        assertThat(p.source().note()).isEqualTo(45);
        assertThat(p.chain()).isEmpty();
        assertThat(p.synth().orElseThrow().settings()).isEqualTo(Catalog.standard().device("Wavetable").defaults());
        assertThat(p.synth().orElseThrow().oscillator1()).isEqualTo(WavetableRef.DEFAULT);
        assertThat(p.synth().orElseThrow().oscillator2()).isEqualTo(WavetableRef.DEFAULT);
        assertThat(e.renders()).isZero();
    }

    @Test
    void knownSourceInputGetsTheSourceAloneWithoutSynth() {
        SourceSpec noise = new SourceSpec(SourceKind.NOISE, 60, 100, 0.3, 0.2, 5);
        Patch truth = new org.unmixer.infer.UniformPrior(7).sample(2, noise);
        Patch p = new MeanBaseline().estimate(Fixtures.inputFor(truth, Budget.renders(1))).best().patch();
        assertThat(p.source()).isEqualTo(noise);
        assertThat(p.synth()).isEmpty();
        assertThat(p.chain()).isEmpty();
    }

    @Test
    void ignoresAGivenSkeleton() {
        EstimationInput input = Fixtures.inputFor(Fixtures.priorPatch(1), Budget.renders(1))
                .withSkeleton(java.util.List.of("Reverb"));
        assertThat(new MeanBaseline().estimate(input).best().patch().chain()).isEmpty();
    }
}
