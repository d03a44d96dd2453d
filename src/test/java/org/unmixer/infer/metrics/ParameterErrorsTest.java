package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class ParameterErrorsTest {
    private static final double EXACT = 1e-12;
    private static final Catalog CATALOG = Catalog.standard();
    /**
     * Estimated parameters of the catalog: Saturator 6 continuous (Drive, Color Amt Low, Color Freq,
     * Color Amt Hi, Output, Dry/Wet) and 3 quantized (Type, Color On, Post Clip Mode); EQ Eight 25
     * continuous (Output Gain + 8 bands × Frequency, Gain, Resonance) and 16 quantized (8 × Filter On,
     * Filter Type); Wavetable 15 continuous and 6 quantized.
     */
    private static final int SATURATOR_CONTINUOUS = 6;
    private static final int EQ_CONTINUOUS = 25;
    private static final int WAVETABLE_CONTINUOUS = 15;

    private static DeviceSettings device(String name) {
        return CATALOG.device(name).defaults();
    }

    private static Patch synthPatch(DeviceSettings synth, List<DeviceSettings> chain) {
        return new Patch(SourceSpec.synth(48, 100, 1.0),
                Optional.of(new SynthSpec(synth, WavetableRef.DEFAULT, WavetableRef.DEFAULT)), chain);
    }

    private static Patch noisePatch(List<DeviceSettings> chain) {
        return new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.5, 0.25, 0), Optional.empty(), chain);
    }

    @Test
    void continuousErrorsAreNormalisedAndOnlyEstimatedParametersCount() {
        DeviceSettings truth = device("Saturator");
        DeviceSettings estimate = truth.with("Drive", 18.0) // θ 0.75 vs 0.5 → 0.25
                .with("Dry/Wet", 50.0) // θ 0.5 vs 1.0 → 0.5
                .with("Type", "Soft Sine") // one quantized wrong
                .with("Threshold", -20.0) // not estimated: ignored
                .with("WS Drive", 30.0); // not estimated: ignored
        ParameterErrors.DeviceErrors e = ParameterErrors.compare(estimate, truth);
        assertThat(e.continuousCount()).isEqualTo(SATURATOR_CONTINUOUS);
        assertThat(e.absErrorSum()).isCloseTo(0.75, offset(EXACT));
        assertThat(e.mae().getAsDouble()).isCloseTo(0.125, offset(EXACT)); // 0.75 / 6
        assertThat(e.discreteCount()).isEqualTo(3);
        assertThat(e.discreteAccuracy().getAsDouble()).isCloseTo(2 / 3.0, offset(EXACT));
    }

    @Test
    void aDeviceIsOnlyComparedWithItsOwnKind() {
        assertThatThrownBy(() -> ParameterErrors.compare(device("Saturator"), device("Reverb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Saturator");
    }

    @Test
    void repeatedDevicesAreMatchedInOrderAndUnsharedDevicesLeftOut() {
        List<DeviceSettings> truth = List.of(device("EQ Eight"), device("Saturator"),
                device("EQ Eight").with("Output Gain", 6.0));
        List<DeviceSettings> estimate = List.of(device("EQ Eight").with("Output Gain", 6.0),
                device("EQ Eight").with("Output Gain", -6.0), device("Reverb"));
        List<DeviceMatching.Pair> pairs = DeviceMatching.match(estimate, truth);
        assertThat(pairs).hasSize(2);
        assertThat(pairs.get(0).estimate()).isSameAs(estimate.get(0));
        assertThat(pairs.get(0).truth()).isSameAs(truth.get(0));
        assertThat(pairs.get(1).estimate()).isSameAs(estimate.get(1));
        assertThat(pairs.get(1).truth()).isSameAs(truth.get(2));

        ParameterErrors.Scores s = ParameterErrors.score(
                synthPatch(device("Wavetable").with("Osc 1 Pos", 50.0), estimate), synthPatch(device("Wavetable"), truth));
        assertThat(s.perDevice()).containsOnlyKeys("Wavetable", "EQ Eight");
        // EQ: |0.75 − 0.5| + |0.25 − 0.75| = 0.75 over 2 × 25 parameters
        ParameterErrors.DeviceErrors eq = s.perDevice().get("EQ Eight");
        assertThat(eq.continuousCount()).isEqualTo(2 * EQ_CONTINUOUS);
        assertThat(eq.mae().getAsDouble()).isCloseTo(0.015, offset(EXACT));
        // Wavetable: Osc 1 Pos 50 % vs 0 % is 0.5 over 15
        assertThat(s.perDevice().get("Wavetable").mae().getAsDouble()).isCloseTo(0.5 / WAVETABLE_CONTINUOUS, offset(EXACT));
        // pooled: (0.75 + 0.5) / (50 + 15)
        assertThat(s.mae().getAsDouble()).isCloseTo(1.25 / 65, offset(EXACT));
        assertThat(s.discreteAccuracy().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void nothingSharedLeavesTheErrorsUndefined() {
        ParameterErrors.Scores s = ParameterErrors.score(noisePatch(List.of(device("Reverb"))),
                noisePatch(List.of(device("Saturator"))));
        assertThat(s.perDevice()).isEmpty();
        assertThat(s.mae()).isEmpty();
        assertThat(s.discreteAccuracy()).isEmpty();
    }

    @Test
    void aPerfectEstimateHasZeroErrorAndFullAccuracy() {
        Patch p = synthPatch(device("Wavetable"), List.of(device("Saturator").with("Drive", 12.0), device("Reverb")));
        ParameterErrors.Scores s = ParameterErrors.score(p, p);
        assertThat(s.mae().getAsDouble()).isZero();
        assertThat(s.discreteAccuracy().getAsDouble()).isEqualTo(1.0);
    }
}
