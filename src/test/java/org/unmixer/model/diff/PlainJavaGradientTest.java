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
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/** The plain-Java backward pass ({@link DeviceAdjoint}s) against DJL's autograd through the NDArray stand-ins. */
class PlainJavaGradientTest {
    private static final Catalog CATALOG = Catalog.standard();

    private static DeviceSettings device(String name, Map<String, Object> values) {
        return CATALOG.device(name).defaults().with(values);
    }

    private static Patch noise(List<DeviceSettings> chain) {
        return new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.25, 0.25, 7), Optional.empty(), chain);
    }

    /** Both backward passes on the same θ: values and gradients equal within 1e-6 of the gradient's largest entry. */
    private static void assertSameGradients(Patch start, Patch truth, DiffDevices diff, boolean refineSynth) {
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);
        PatchGradient objective = new PatchGradient(start, target, diff, refineSynth);
        assertThat(objective.plainJava()).isTrue();
        double[] theta = objective.theta0();
        PatchGradient.ValueAndGradient plain = objective.evaluate(theta, true);
        PatchGradient.ValueAndGradient ndArrays = objective.evaluateWithNdArrays(theta, true);
        assertThat(plain.value()).isCloseTo(ndArrays.value(), org.assertj.core.api.Assertions.withinPercentage(1e-4));
        double largest = 0;
        for (double g : ndArrays.gradient()) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertThat(largest).isPositive();
        for (int i = 0; i < theta.length; i++) {
            assertThat(plain.gradient()[i]).as(objective.names().get(i))
                    .isCloseTo(ndArrays.gradient()[i], org.assertj.core.api.Assertions.within(1e-6 * largest));
        }
    }

    @Test
    void mixAndOutputGainsMatchAutograd() {
        Patch truth = noise(List.of(
                device("Reverb", Map.of("Dry/Wet", 40.0, "Decay Time", 900.0)),
                device("Multiband Dynamics", Map.of("Master Output", 3.0)),
                device("Phaser-Flanger", Map.of("Dry/Wet", 60.0))));
        Patch start = noise(List.of(
                device("Reverb", Map.of("Dry/Wet", 20.0, "Decay Time", 900.0)),
                device("Multiband Dynamics", Map.of("Master Output", -2.0)),
                device("Phaser-Flanger", Map.of("Dry/Wet", 30.0))));
        assertSameGradients(start, truth, DiffDevices.analyticOnly(), false);
    }

    private static Patch synth(double cutoff, double sustainDb, List<DeviceSettings> chain) {
        Patch p = new org.unmixer.infer.UniformPrior(5).sample(0, new SourceSpec(SourceKind.SYNTH, 50, 100, 0.3, 0.2, 0));
        org.unmixer.dsp.patch.SynthSpec s = p.synth().orElseThrow();
        DeviceSettings voice = s.settings().with(Map.of("Filter 1 On", "On", "Filter 1 Type", "Lowpass", "Filter 1 Freq", cutoff,
                "Amp Attack", 5.0, "Amp Decay", 80.0, "Amp Sustain", sustainDb, "Amp Release", 120.0));
        return new Patch(p.source(), Optional.of(new org.unmixer.dsp.patch.SynthSpec(voice, s.oscillator1(), s.oscillator2(), s.unison())), chain);
    }

    private static List<DeviceSettings> fullChain(double drive, double bellDb, double wet) {
        return List.of(
                device("Saturator", Map.of("Type", "Sinoid Fold", "Drive", drive, "Dry/Wet", 80.0)),
                device("Reverb", Map.of("Dry/Wet", wet)),
                device("EQ Eight", Map.of("3 Filter On A", "On", "3 Filter Type A", "Bell", "3 Frequency A", 1200.0, "3 Gain A", bellDb,
                        "1 Filter On A", "On", "1 Filter Type A", "High Pass 48dB")),
                device("Multiband Dynamics", Map.of("Master Output", 1.0)),
                device("Phaser-Flanger", Map.of("Dry/Wet", 35.0)));
    }

    @Test
    void theSynthVoiceAndEveryDeviceMatchAutograd() {
        assertSameGradients(synth(2500, -10, fullChain(4, -3, 20)), synth(3500, -6, fullChain(10, 5, 35)),
                DiffDevices.analyticOnly(), true);
    }
}
