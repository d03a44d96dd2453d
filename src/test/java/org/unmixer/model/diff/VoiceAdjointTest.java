package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.infer.UniformPrior;
import org.unmixer.params.ParamSpec;

/** The plain-Java pull-back against the NDArray voice's autograd, patch by patch. */
class VoiceAdjointTest {
    private static final int RATE = 44_100;
    private static final SourceSpec SHORT = new SourceSpec(SourceKind.SYNTH, 52, 100, 0.2, 0.15, 0);

    private static SynthSpec synth(int i, SourceSpec source, Map<String, Object> overrides) {
        Patch p = new UniformPrior(17).sample(i, source);
        SynthSpec s = p.synth().orElseThrow();
        return new SynthSpec(s.settings().with(overrides), s.oscillator1(), s.oscillator2(), s.unison());
    }

    private static Map<String, Object> filter(String type, String slope, double hz, double res) {
        return Map.of("Filter 1 On", "On", "Filter 1 Type", type, "Filter 1 Slope", slope, "Filter 1 Freq", hz,
                "Filter 1 Res", res, "Filter 1 Morph", 63.0);
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static final Map<String, Object> ONE_OSC = Map.of("Osc 2 On", "Off", "Sub On", "Off", "Osc 1 Pos", 40.0);
    private static final Map<String, Object> TWO_OSC_AND_SUB = Map.of("Osc 2 On", "On", "Osc 2 Gain", -4.0, "Osc 2 Detune", 9.0,
            "Osc 2 Pos", 55.0, "Osc 1 Pos", 20.0, "Sub On", "On", "Sub Gain", -6.0, "Sub Tone", 35.0);

    @Test
    void lowpass24WithTwoOscillatorsAndSub() {
        SynthSpec s = synth(1, SHORT, with(with(TWO_OSC_AND_SUB, filter("Lowpass", "24", 1200, 40)),
                Map.of("Amp Attack", 15.0, "Amp Decay", 60.0, "Amp Sustain", -9.0, "Amp Release", 90.0)));
        assertThat(new VoiceAdjoint(s, SHORT, RATE).parameters()).extracting(ParamSpec::name).contains("Volume", "Osc 1 Pos",
                "Osc 2 Pos", "Osc 2 Detune", "Osc 2 Gain", "Sub Gain", "Sub Tone", "Filter 1 Freq", "Filter 1 Res", "Amp Release");
        check("lowpass 24, two oscillators and sub", s, SHORT, 0);
    }

    @Test
    void highpass12WithOneOscillator() {
        check("highpass 12, one oscillator", synth(2, SHORT, with(with(ONE_OSC, filter("Highpass", "12", 700, 20)),
                Map.of("Amp Attack", 4.0, "Amp Decay", 120.0, "Amp Sustain", -3.0, "Amp Release", 60.0))), SHORT, 0);
    }

    @Test
    void bandpassNotchAndMorphFilters() {
        check("bandpass 24", synth(3, SHORT, with(with(TWO_OSC_AND_SUB, filter("Bandpass", "24", 900, 70)),
                Map.of("Amp Attack", 30.0, "Amp Sustain", -12.0))), SHORT, 0);
        check("notch 12", synth(4, SHORT, with(with(ONE_OSC, filter("Notch", "12", 2500, 55)), Map.of("Amp Release", 50.0))), SHORT, 0);
        check("morph 24", synth(5, SHORT, with(with(TWO_OSC_AND_SUB, filter("Morph", "24", 1800, 30)), Map.of("Amp Decay", 40.0))), SHORT, 0);
    }

    @Test
    void filterOffWithSubAtToneZero() {
        // Sub Tone at 0 puts its θ on the clip's edge, where PyTorch's clamp still passes the gradient.
        check("filter off, Sub Tone 0", synth(6, SHORT, with(with(TWO_OSC_AND_SUB, Map.of("Filter 1 On", "Off", "Sub Tone", 0.0)),
                Map.of("Amp Attack", 2.0, "Amp Decay", 200.0, "Amp Sustain", -20.0))), SHORT, 0);
    }

    @Test
    void longReleaseThatOutlastsTheNote() {
        SourceSpec source = new SourceSpec(SourceKind.SYNTH, 60, 90, 0.1, 0.3, 0);
        check("long release", synth(7, source, with(with(TWO_OSC_AND_SUB, filter("Lowpass", "12", 3000, 10)),
                Map.of("Amp Attack", 10.0, "Amp Decay", 50.0, "Amp Sustain", -6.0, "Amp Release", 2500.0))), source, 0);
    }

    @Test
    void aNoteReleasedDuringItsAttackOrDecay() {
        SourceSpec source = new SourceSpec(SourceKind.SYNTH, 45, 64, 0.05, 0.25, 0);
        check("released in the attack", synth(8, source, with(with(ONE_OSC, filter("Lowpass", "24", 600, 80)),
                Map.of("Amp Attack", 120.0, "Amp Release", 100.0))), source, 0);
        check("released in the decay", synth(9, source, with(with(TWO_OSC_AND_SUB, filter("Highpass", "24", 300, 0)),
                Map.of("Amp Attack", 20.0, "Amp Decay", 300.0, "Amp Sustain", -15.0, "Amp Release", 150.0))), source, 0);
    }

    @Test
    void awayFromTheSettingsAndAfterTheBasisChanged() {
        SynthSpec s = synth(10, SHORT, with(with(TWO_OSC_AND_SUB, filter("Lowpass", "24", 1500, 25)),
                Map.of("Amp Attack", 8.0, "Amp Decay", 90.0, "Amp Sustain", -8.0, "Amp Release", 80.0)));
        VoiceAdjoint adjoint = new VoiceAdjoint(s, SHORT, RATE);
        double[] theta0 = thetaOf(adjoint.theta(s.settings()));
        double[] moved = theta0.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] = Math.min(1, Math.max(0, moved[i] + 0.07 * ((i % 3) - 1)));
        }
        double[] first = adjoint.pullBack(theta0, upstream(11, adjoint));
        check("moved θ", s, SHORT, 0.07);
        // Back to the first θ after another: the basis is rebuilt, the result the same bit for bit.
        adjoint.pullBack(moved, upstream(11, adjoint));
        assertThat(adjoint.pullBack(theta0, upstream(11, adjoint))).containsExactly(first);
    }

    private static double[] thetaOf(float[] t) {
        double[] d = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            d[i] = t[i];
        }
        return d;
    }

    private static double[][] upstream(long seed, VoiceAdjoint adjoint) {
        int frames = adjoint.frames();
        SplittableRandom r = new SplittableRandom(seed);
        double[][] u = new double[2][frames];
        for (double[] channel : u) {
            for (int n = 0; n < frames; n++) {
                channel[n] = r.nextDouble() - 0.5;
            }
        }
        return u;
    }

    /**
     * ∂L/∂θ of L = Σ voice·u for a random u, plain Java against DJL's autograd, at the settings' θ
     * moved by ±{@code step} (alternating by parameter; 0 for the settings themselves).
     * {@code what} names the case in failures.
     */
    private static void check(String what, SynthSpec s, SourceSpec source, double step) {
        DiffWavetableVoice voice = new DiffWavetableVoice(s, source, RATE);
        VoiceAdjoint adjoint = new VoiceAdjoint(s, source, RATE);
        assertThat(adjoint.parameters()).isEqualTo(voice.parameters());
        double[] theta = thetaOf(adjoint.theta(s.settings()));
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.min(1, Math.max(0, theta[i] + step * ((i % 3) - 1)));
        }
        double[][] u = upstream(3, adjoint);
        int frames = u[0].length;

        double[] expected;
        double[] value;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray th = m.create(theta);
            th.setRequiresGradient(true);
            double[] flat = new double[2 * frames];
            System.arraycopy(u[0], 0, flat, 0, frames);
            System.arraycopy(u[1], 0, flat, frames, frames);
            NDArray up = m.create(flat).reshape(2, frames);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = voice.apply(m, th);
                value = y.toDoubleArray();
                gc.backward(y.mul(up).sum());
            }
            expected = th.getGradient().toDoubleArray();
        }

        double[][] rendered = adjoint.render(theta);
        double peak = 0;
        for (double v : value) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).as(what + ": a sounding voice").isGreaterThan(1e-3);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < frames; n += 97) {
                assertThat(rendered[c][n]).as(what + ": value").isCloseTo(value[c * frames + n], within(1e-9 * peak));
            }
        }

        double[] actual = adjoint.pullBack(theta, u);
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertThat(largest).as(what + ": a gradient to compare").isGreaterThan(0);
        for (int i = 0; i < expected.length; i++) {
            ParamSpec p = adjoint.parameters().get(i);
            assertThat(actual[i]).as(what + ": ∂L/∂" + p.name()).isCloseTo(expected[i], within(1e-6 * largest));
        }
    }
}
