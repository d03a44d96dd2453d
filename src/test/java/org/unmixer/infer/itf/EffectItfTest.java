package org.unmixer.infer.itf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.infer.UniformPrior;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class EffectItfTest {
    private static final SourceSpec SOURCE = new SourceSpec(SourceKind.SYNTH, 45, 100, 0.3, 0.2, 0);

    private static Patch patch(double drive, double bellGain) {
        return new UniformPrior(3).sample(0, SOURCE).withChain(SaturatorBellChain.of(drive, bellGain));
    }

    @Test
    void refiningAnInputRenderedFromKnownSettingsMovesTowardThem() {
        Patch truth = patch(15, 9);
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);
        Patch start = patch(3, -3);

        EffectItf.Trajectory t = new EffectItf(new EffectItf.Settings(25, 0.1, 0.0)).refine(start, target).orElseThrow();

        assertThat(t.steps()).hasSize(26);
        EffectItf.Step first = t.steps().get(0);
        EffectItf.Step best = t.bestStep();
        assertThat(best.referenceDistance()).isLessThan(0.6 * first.referenceDistance());
        // Straight-through rendering: every step's distance is that of its patch rendered by the reference renderer.
        for (EffectItf.Step s : List.of(first, t.steps().get(7), best)) {
            assertThat(s.referenceDistance()).isCloseTo(AudioMetrics.standard().mrStft(Renderer.render(s.patch(), Renderer.DEFAULT_RATE), target),
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(s.differentiableLoss()).isEqualTo(s.referenceDistance()); // λ_B = 0
        }
        double driveError0 = Math.abs(start.chain().get(0).get("Drive") - 15);
        double gainError0 = Math.abs(start.chain().get(1).get("3 Gain A") - 9);
        assertThat(Math.abs(best.patch().chain().get(0).get("Drive") - 15)).isLessThan(driveError0);
        assertThat(Math.abs(best.patch().chain().get(1).get("3 Gain A") - 9)).isLessThan(gainError0);
    }

    @Test
    void aDeviceWithoutADifferentiableVersionIsKeptAndTheOthersAreRefinedThroughIt() {
        Patch truth = patch(15, 9);
        DeviceSettings reverb = Catalog.standard().device("Reverb").defaults().with(Map.of("Dry/Wet", 30.0));
        truth = truth.withChain(List.of(truth.chain().get(0), reverb, truth.chain().get(1)));
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);
        Patch start = patch(3, -3);
        start = start.withChain(List.of(start.chain().get(0), reverb, start.chain().get(1)));

        EffectItf.Trajectory t = new EffectItf(new EffectItf.Settings(25, 0.1, 0.0)).refine(start, target).orElseThrow();

        assertThat(t.deviceKinds()).containsExactly("analytic", "dry/wet only", "analytic");
        assertThat(t.bestStep().referenceDistance()).isLessThan(0.6 * t.steps().get(0).referenceDistance());
        assertThat(t.bestStep().patch().chain().get(1).with("Dry/Wet", 30.0)).isEqualTo(reverb); // only its Dry/Wet moves
        // Straight-through: the frozen reverb's value is the reference's, so the loss is the reference distance.
        assertThat(t.steps().get(0).differentiableLoss()).isCloseTo(t.steps().get(0).referenceDistance(),
                org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void chainsWithNothingToRefineAreLeftAlone() {
        // A dry synth with the synth's refinement off, and a known source with no chain.
        EffectItf.Settings effectsOnly = new EffectItf.Settings(5, 0.1, 0.0, false);
        Patch dry = patch(3, 0).withChain(List.of());
        assertThat(new EffectItf(effectsOnly).refine(dry, Renderer.render(dry, Renderer.DEFAULT_RATE))).isEmpty();
        Patch noise = new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.3, 0.1, 2), java.util.Optional.empty(), List.of());
        assertThat(new EffectItf(new EffectItf.Settings(5, 0.1, 0.0)).refine(noise, Renderer.render(noise, Renderer.DEFAULT_RATE)))
                .isEmpty();
    }

    @Test
    void theSynthsLevelFilterAndEnvelopeMoveTowardKnownSettings() {
        Patch base = patch(3, 0).withChain(List.of(Catalog.standard().device("Reverb").defaults().with(Map.of("Dry/Wet", 25.0))));
        SynthSpec s = base.synth().orElseThrow();
        Patch truth = withSynth(base, s.settings().with(Map.of("Filter 1 On", "On", "Filter 1 Type", "Lowpass", "Filter 1 Freq", 1800.0,
                "Volume", -6.0, "Amp Release", 80.0)));
        Patch start = withSynth(base, s.settings().with(Map.of("Filter 1 On", "On", "Filter 1 Type", "Lowpass", "Filter 1 Freq", 700.0,
                "Volume", -12.0, "Amp Release", 30.0)));
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);

        EffectItf.Trajectory t = new EffectItf(new EffectItf.Settings(30, 0.1, 0.0)).refine(start, target).orElseThrow();

        assertThat(t.synthRefined()).isTrue();
        assertThat(t.deviceKinds()).containsExactly("dry/wet only");
        assertThat(t.bestStep().referenceDistance()).isLessThan(0.5 * t.steps().get(0).referenceDistance());
        DeviceSettings best = t.bestStep().patch().synth().orElseThrow().settings();
        assertThat(Math.abs(Math.log(best.get("Filter 1 Freq") / 1800))).isLessThan(Math.abs(Math.log(700.0 / 1800)));
        assertThat(Math.abs(best.get("Volume") + 6)).isLessThan(6);
        assertThat(t.bestStep().referenceDistance()).isCloseTo(
                AudioMetrics.standard().mrStft(Renderer.render(t.bestStep().patch(), Renderer.DEFAULT_RATE), target),
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void theOscillatorsGainsToneAndPositionMoveTowardKnownSettings() {
        Patch base = patch(3, 0).withChain(List.of());
        SynthSpec s = base.synth().orElseThrow();
        base = new Patch(base.source(), java.util.Optional.of(new SynthSpec(s.settings(), new org.unmixer.dsp.patch.WavetableRef("Basics", "Basic Shapes"),
                new org.unmixer.dsp.patch.WavetableRef("Basics", "Basic Shapes"), org.unmixer.dsp.source.Unison.NONE)), List.of());
        Map<String, Object> common = Map.of("Osc 2 On", "On", "Sub On", "On", "Filter 1 On", "Off", "Osc 1 Pos", 0.0,
                "Osc 2 Transp", 12.0, "Osc 2 Detune", 0.0, "Amp Sustain", -3.0);
        DeviceSettings at = base.synth().orElseThrow().settings().with(common);
        Patch truth = withSynth(base, at.with(Map.of("Osc 2 Gain", -4.0, "Sub Gain", -20.0, "Sub Tone", 60.0, "Osc 2 Pos", 55.0)));
        Patch start = withSynth(base, at.with(Map.of("Osc 2 Gain", -16.0, "Sub Gain", -6.0, "Sub Tone", 10.0, "Osc 2 Pos", 40.0)));
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);

        EffectItf.Trajectory t = new EffectItf(new EffectItf.Settings(40, 0.1, 0.0)).refine(start, target).orElseThrow();

        assertThat(t.bestStep().referenceDistance()).isLessThan(0.5 * t.steps().get(0).referenceDistance());
        DeviceSettings best = t.bestStep().patch().synth().orElseThrow().settings();
        assertThat(Math.abs(best.get("Osc 2 Gain") + 4)).isLessThan(12); // from −16 dB
        assertThat(Math.abs(best.get("Sub Gain") + 20)).isLessThan(14); // from −6 dB
        assertThat(Math.abs(best.get("Sub Tone") - 60)).isLessThan(50); // from 10 %
        assertThat(Math.abs(best.get("Osc 2 Pos") - 55)).isLessThan(15); // from 40 %
    }

    private static Patch withSynth(Patch p, DeviceSettings settings) {
        SynthSpec s = p.synth().orElseThrow();
        return new Patch(p.source(), java.util.Optional.of(new SynthSpec(settings, s.oscillator1(), s.oscillator2(), s.unison())), p.chain());
    }

    @Test
    void withPatienceAStalledRunStartsAgainFromItsBestStep() {
        AudioBuffer target = Renderer.render(patch(15, 9), Renderer.DEFAULT_RATE);
        Patch start = patch(3, -3);
        // A step size this large overshoots, so the distance stops improving and the rollback fires.
        EffectItf.Trajectory t = new EffectItf(new EffectItf.Settings(30, 2.0, 0.0).withPatience(3)).refine(start, target).orElseThrow();

        List<EffectItf.Step> steps = t.steps();
        int revisits = 0;
        for (int i = 1; i < steps.size(); i++) {
            int bestBefore = 0;
            for (int j = 1; j < i; j++) {
                if (steps.get(j).referenceDistance() < steps.get(bestBefore).referenceDistance()) {
                    bestBefore = j;
                }
            }
            if (bestBefore < i - 1 && steps.get(i).patch().equals(steps.get(bestBefore).patch())) {
                revisits++;
                assertThat(steps.get(i).referenceDistance()).isEqualTo(steps.get(bestBefore).referenceDistance());
            }
        }
        assertThat(revisits).as("steps that return to the best θ so far").isPositive();
    }

    /** An octave and a wavetable off: gradients cannot fix them, a discrete move can, and Adam goes on from there. */
    @Test
    void discreteMovesFixWhatGradientsCannotReach() throws Exception {
        Patch pluck = org.unmixer.dsp.patch.PatchJson.standard().parse(
                java.nio.file.Files.readString(java.nio.file.Path.of("assets", "examples", "pluck.json")));
        Patch truth = pluck.withSource(new SourceSpec(SourceKind.SYNTH, 60, 110, 0.25, 0.3, 0));
        SynthSpec s = truth.synth().orElseThrow();
        org.unmixer.dsp.patch.WavetableRef formant = new org.unmixer.dsp.patch.WavetableRef("Formant", "Formant Sweep");
        Patch start = new Patch(truth.source(), java.util.Optional.of(new SynthSpec(
                s.settings().with(Map.of("Osc 1 Transp", 12.0, "Filter 1 Freq", 2000.0)), formant, s.oscillator2(), s.unison())),
                truth.chain());
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);

        EffectItf.Settings plain = new EffectItf.Settings(12, 0.1, 0.0);
        EffectItf.Trajectory without = new EffectItf(plain).refine(start, target).orElseThrow();
        EffectItf.Trajectory with = new EffectItf(plain.withMovesEvery(4)).refine(start, target).orElseThrow();

        assertThat(without.bestStep().patch().synth().orElseThrow().settings().get("Osc 1 Transp")).isEqualTo(12.0);
        assertThat(without.moveRenders()).isZero();
        SynthSpec moved = with.bestStep().patch().synth().orElseThrow();
        assertThat(moved.settings().get("Osc 1 Transp")).isEqualTo(0.0);
        assertThat(moved.oscillator1()).isEqualTo(s.oscillator1());
        assertThat(with.steps()).hasSize(13);
        assertThat(with.moveRenders()).isPositive();
        assertThat(with.bestStep().referenceDistance()).isLessThan(0.8 * without.bestStep().referenceDistance());
        // Every step, moved or not, is its patch rendered by the reference renderer.
        EffectItf.Step last = with.steps().get(12);
        assertThat(last.referenceDistance()).isCloseTo(AudioMetrics.standard().mrStft(Renderer.render(last.patch(), Renderer.DEFAULT_RATE), target),
                org.assertj.core.api.Assertions.within(1e-6));
    }
}
