package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

class PatchGradientTest {
    private static Patch patch(double sustainDb, double drive, double bellDb) {
        Patch p = new UniformPrior(5).sample(0, new SourceSpec(SourceKind.SYNTH, 50, 100, 0.3, 0.2, 0));
        SynthSpec s = p.synth().orElseThrow();
        DeviceSettings voice = s.settings().with(Map.of("Filter 1 On", "On", "Filter 1 Type", "Lowpass", "Filter 1 Freq", 3000.0,
                "Amp Attack", 5.0, "Amp Decay", 80.0, "Amp Sustain", sustainDb, "Amp Release", 120.0));
        DeviceSettings sat = Catalog.standard().device("Saturator").defaults()
                .with(Map.of("Type", "Medium Curve", "Drive", drive, "Dry/Wet", 100.0));
        DeviceSettings eq = Catalog.standard().device("EQ Eight").defaults().with(Map.of("3 Filter On A", "On",
                "3 Filter Type A", "Bell", "3 Frequency A", 1200.0, "3 Gain A", bellDb, "3 Resonance A", 1.0));
        return new Patch(p.source(), Optional.of(new SynthSpec(voice, s.oscillator1(), s.oscillator2(), s.unison())), List.of(sat, eq));
    }

    @Test
    void theValueIsTheReferenceDistanceAndTheGradientMatchesFiniteDifferencesEveryTime() {
        AudioBuffer target = Renderer.render(patch(-6, 12, 6), Renderer.DEFAULT_RATE);
        Patch start = patch(-14, 4, -3);
        PatchGradient objective = new PatchGradient(start, target, DiffDevices.analyticOnly(), true);
        double[] theta = objective.theta0();

        PatchGradient.ValueAndGradient first = objective.evaluate(theta, true);
        assertThat(first.value()).isCloseTo(AudioMetrics.standard().mrStft(Renderer.render(start, Renderer.DEFAULT_RATE), target),
                org.assertj.core.api.Assertions.withinPercentage(1e-3)); // float64 chain against the float32 renderer
        assertThat(objective.patch(theta).chain().get(1).get("3 Gain A")).isCloseTo(-3, org.assertj.core.api.Assertions.within(1e-5));
        // The same gradient on every evaluation (a DJL constant freed by the garbage collector once made
        // the synth's entries 0, ±∞ or NaN at random; see org.unmixer.model.Scalars).
        for (int run = 0; run < 3; run++) {
            System.gc();
            assertThat(objective.evaluate(theta, true).gradient()).containsExactly(first.gradient());
        }
        List<String> names = objective.names();
        for (String name : List.of("Wavetable/Amp Sustain", "Wavetable/Filter 1 Freq", "Wavetable/Volume", "Saturator/Drive",
                "EQ Eight/3 Gain A")) {
            int i = names.indexOf(name);
            double h = 1e-4;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (objective.evaluate(up, false).value() - objective.evaluate(down, false).value()) / (2 * h);
            assertThat(first.gradient()[i]).as(name).isFinite().isCloseTo(fd, org.assertj.core.api.Assertions.withinPercentage(10));
        }
    }
}
