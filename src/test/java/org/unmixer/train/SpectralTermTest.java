package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.infer.UniformPrior;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.diff.DiffDevices;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class SpectralTermTest {
    private static final OutputLayout LAYOUT = TinyTraining.layout();
    private static final SpectralTerm TERM = new SpectralTerm(LAYOUT, DiffDevices.analyticOnly());

    private static Patch truth() {
        DeviceSettings sat = Catalog.standard().device("Saturator").defaults()
                .with(Map.of("Type", "Medium Curve", "Drive", 9.0, "Dry/Wet", 100.0));
        DeviceSettings eq = Catalog.standard().device("EQ Eight").defaults().with(Map.of("3 Filter On A", "On",
                "3 Filter Type A", "Bell", "3 Frequency A", 1500.0, "3 Gain A", 6.0, "3 Resonance A", 1.0));
        Patch p = new UniformPrior(3).sample(0, new SourceSpec(SourceKind.SYNTH, 52, 100, 0.3, 0.2, 0));
        SynthSpec s = p.synth().orElseThrow();
        // A short attack and decay: the sustain level sets most of the note's loudness.
        DeviceSettings voice = s.settings().with(Map.of("Amp Attack", 1.0, "Amp Decay", 20.0, "Amp Sustain", -12.0));
        return new Patch(p.source(), java.util.Optional.of(new SynthSpec(voice, s.oscillator1(), s.oscillator2(), s.unison())),
                List.of(sat, eq));
    }

    /** The truth's normalised value for every continuous target of a device it holds, 0.5 elsewhere. */
    private static float[] points(Patch p) {
        float[] out = new float[LAYOUT.continuous().size()];
        for (int j = 0; j < out.length; j++) {
            OutputLayout.Continuous c = LAYOUT.continuous().get(j);
            out[j] = 0.5f;
            if (c.spec() == null) {
                continue;
            }
            String device = c.name().substring(0, c.name().indexOf('/'));
            if (device.equals(LAYOUT.instrument())) {
                out[j] = (float) p.synth().orElseThrow().settings().normalized(c.spec().name());
            }
            for (DeviceSettings d : p.chain()) {
                if (d.device().name().equals(device)) {
                    out[j] = (float) d.normalized(c.spec().name());
                }
            }
        }
        return out;
    }

    private static int column(String name) {
        for (int j = 0; j < LAYOUT.continuous().size(); j++) {
            if (LAYOUT.continuous().get(j).name().equals(name)) {
                return j;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void theTruePointsRenderTheTrueSound() {
        Patch truth = truth();
        SpectralTerm.Batch b = TERM.evaluate(List.of(truth), points(truth), Renderer.DEFAULT_RATE, true);
        // Not exactly 0: the points are float32, so the knobs move by up to a float's rounding.
        assertThat(b.distances()[0]).isLessThan(1e-3);
    }

    @Test
    void theGradientPointsBackTowardTheTruth() {
        Patch truth = truth();
        // One knob off at a time (the synth's, each analytic device's), above or below the truth.
        Map<String, Float> offsets = Map.of("Wavetable/Amp Sustain", -0.1f, "EQ Eight/3 Gain A", 0.1f, "Saturator/Drive", -0.1f);
        offsets.forEach((name, offset) -> {
            float[] p = points(truth);
            p[column(name)] += offset;
            SpectralTerm.Batch b = TERM.evaluate(List.of(truth), p, Renderer.DEFAULT_RATE, true);
            assertThat(b.distances()[0]).as(name).isGreaterThan(0.01);
            assertThat(Math.signum(b.gradients()[column(name)])).as(name).isEqualTo(Math.signum(offset));
        });
    }

    @Test
    void theDistanceIsTheReferenceRenderersAndGradientsReachOnlyTheDevicesThePatchHolds() {
        Patch truth = truth();
        float[] p = points(truth);
        p[column("Wavetable/Amp Sustain")] -= 0.1f;
        p[column("EQ Eight/3 Gain A")] += 0.1f;
        p[column("Multiband Dynamics/Master Output")] += 0.2f; // not in the patch: ignored

        SpectralTerm.Batch b = TERM.evaluate(List.of(truth), p, Renderer.DEFAULT_RATE, true);

        Patch predicted = TERM.predicted(truth, p, 0);
        assertThat(b.distances()[0]).isCloseTo(AudioMetrics.standard().mrStft(
                Renderer.render(predicted, Renderer.DEFAULT_RATE), Renderer.render(truth, Renderer.DEFAULT_RATE)),
                org.assertj.core.api.Assertions.within(1e-5)); // float64 chain against the float32 renderer
        for (int j = 0; j < p.length; j++) {
            OutputLayout.Continuous c = LAYOUT.continuous().get(j);
            if (c.slot() != OutputLayout.SYNTH_SLOT && !c.name().startsWith("Saturator/") && !c.name().startsWith("EQ Eight/")) {
                assertThat(b.gradients()[j]).as(c.name()).isZero();
            }
        }
        assertThat(b.gradients()[column("Wavetable/Amp Sustain")]).isNotZero();
        // Source, gate and discrete settings are the truth's.
        assertThat(predicted.source()).isEqualTo(truth.source());
        assertThat(predicted.chain()).hasSize(2);
        assertThat(predicted.chain().get(0).get("Type")).isEqualTo(truth.chain().get(0).get("Type"));
        assertThat(predicted.chain().get(1).get("3 Gain A")).isNotEqualTo(truth.chain().get(1).get("3 Gain A"));
    }

    @Test
    void validationAsksForDistancesOnly() {
        Patch truth = truth();
        float[] p = points(truth);
        p[column("Wavetable/Amp Sustain")] -= 0.1f;
        SpectralTerm.Batch withGradient = TERM.evaluate(List.of(truth, truth), concat(p, p), Renderer.DEFAULT_RATE, true);
        SpectralTerm.Batch distancesOnly = TERM.evaluate(List.of(truth, truth), concat(p, p), Renderer.DEFAULT_RATE, false);
        assertThat(distancesOnly.distances()).containsExactly(withGradient.distances());
        assertThat(distancesOnly.gradients()).containsOnly(0f);
        assertThat(withGradient.meanDistance()).isEqualTo(withGradient.distances()[0]);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
