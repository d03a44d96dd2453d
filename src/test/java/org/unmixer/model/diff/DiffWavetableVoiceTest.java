package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.params.ParamSpec;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.infer.UniformPrior;

class DiffWavetableVoiceTest {
    private static final int RATE = 44_100;
    private static final SourceSpec SOURCE = new SourceSpec(SourceKind.SYNTH, 52, 100, 0.25, 0.15, 0);

    private static double relativeError(AudioBuffer reference, double[] actual) {
        double num = 0;
        double den = 0;
        int n = reference.frames();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                double d = reference.channel(c)[i] - actual[c * n + i];
                num += d * d;
                den += (double) reference.channel(c)[i] * reference.channel(c)[i];
            }
        }
        return Math.sqrt(num / Math.max(den, 1e-30));
    }

    private static SynthSpec synth(int i, Map<String, Object> overrides) {
        Patch p = new UniformPrior(17).sample(i, SOURCE);
        SynthSpec s = p.synth().orElseThrow();
        return new SynthSpec(s.settings().with(overrides), s.oscillator1(), s.oscillator2(), s.unison());
    }

    @Test
    void matchesTheReferenceVoiceForEveryFilterTypeAndSlope() {
        String[] types = {"Lowpass", "Highpass", "Bandpass", "Notch", "Morph"};
        try (NDManager m = NDManager.newBaseManager()) {
            int i = 0;
            for (String type : types) {
                for (String slope : new String[] {"12", "24"}) {
                    SynthSpec s = synth(i, Map.of("Filter 1 On", "On", "Filter 1 Type", type, "Filter 1 Slope", slope,
                            "Filter 1 Freq", 300.0 + 400 * i, "Filter 1 Res", 10.0 * i, "Filter 1 Morph", 37.0,
                            "Amp Attack", 3.0 + 9 * i, "Amp Sustain", -3.0 * i, "Amp Release", 40.0 + 20 * i));
                    i++;
                    check(m, s, type + " " + slope);
                }
            }
            check(m, synth(20, Map.of("Filter 1 On", "Off")), "filter off");
        }
    }

    private static void check(NDManager m, SynthSpec s, String what) {
        AudioBuffer reference = Renderer.renderSource(SOURCE, java.util.Optional.of(s), RATE, SOURCE.totalSeconds());
        DiffWavetableVoice voice = new DiffWavetableVoice(s, SOURCE, RATE);
        NDArray y = voice.apply(m, m.create(voice.theta(s.settings())));
        assertThat(relativeError(reference, y.toDoubleArray())).as(what).isLessThan(1e-4);
    }

    @Test
    void gradientsMatchFiniteDifferencesForEveryParameter() {
        SynthSpec s = synth(3, Map.of("Filter 1 On", "On", "Filter 1 Type", "Lowpass", "Filter 1 Slope", "24",
                "Filter 1 Freq", 900.0, "Filter 1 Res", 40.0, "Amp Attack", 20.0, "Amp Decay", 90.0, "Amp Sustain", -8.0,
                "Amp Release", 60.0));
        s = new SynthSpec(s.settings().with(Map.of("Osc 2 On", "On", "Osc 2 Gain", -5.0, "Osc 2 Detune", 11.0, "Sub On", "On",
                "Sub Gain", -7.0, "Sub Tone", 30.0, "Osc 1 Pos", 33.0, "Osc 2 Pos", 61.0)), s.oscillator1(), s.oscillator2(), s.unison());
        DiffWavetableVoice voice = new DiffWavetableVoice(s, SOURCE, RATE);
        assertThat(voice.parameters()).extracting(ParamSpec::name)
                .contains("Volume", "Osc 2 Detune", "Osc 2 Gain", "Sub Gain", "Sub Tone", "Filter 1 Freq", "Amp Release");
        try (NDManager m = NDManager.newBaseManager()) {
            double[] theta0 = new double[voice.parameters().size()];
            float[] t = voice.theta(s.settings());
            for (int i = 0; i < t.length; i++) {
                theta0[i] = t[i];
            }
            // A fixed random projection of the output: a smooth scalar of every sample.
            java.util.SplittableRandom r = new java.util.SplittableRandom(5);
            int frames = (int) Math.round(SOURCE.totalSeconds() * RATE);
            double[] w = new double[2 * frames];
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextDouble() - 0.5;
            }
            NDArray weights = m.create(w).reshape(2, frames);
            NDArray th = m.create(theta0);
            th.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(voice.apply(m, th).mul(weights).sum());
            }
            double[] g = th.getGradient().toDoubleArray();
            for (int i = 0; i < theta0.length; i++) {
                // Pitch moves every read phase, and linear interpolation has a kink at each table
                // sample: a tiny step keeps the crossings rare, at the price of a looser tolerance
                // for the rounding it amplifies.
                boolean pitch = voice.parameters().get(i).name().endsWith("Detune");
                double h = pitch ? 1e-8 : 1e-5;
                double relative = pitch ? 1e-2 : 1e-4;
                double[] plus = theta0.clone();
                double[] minus = theta0.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (voice.apply(m, m.create(plus)).mul(weights).sum().getDouble()
                        - voice.apply(m, m.create(minus)).mul(weights).sum().getDouble()) / (2 * h);
                assertThat(g[i]).as(voice.parameters().get(i).name()).isNotZero().isCloseTo(fd, within(relative * Math.abs(fd) + 1e-6));
            }
        }
    }
}
