package org.unmixer.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.filter.Svf;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

class WavetableCatalogTest {
    private static final DeviceSpec SPEC = WavetableDevice.spec();

    /** XML values are written by Live as float32 text (e.g. 0.5011875629); 1e-6 relative covers it. */
    private static final double XML_TOLERANCE = 1e-6;

    @Test
    void deviceIsLivesWavetableInstrument() {
        assertThat(SPEC.name()).isEqualTo("Wavetable");
        assertThat(SPEC.lomClass()).isEqualTo("InstrumentVector");
        assertThat(SPEC.xmlElement()).isEqualTo("InstrumentVector");
        assertThat(SPEC.kind()).isEqualTo(DeviceKind.INSTRUMENT);
    }

    @Test
    void parameterNamesAreLiveApiNames() {
        // Live 12.1+ LOM names of InstrumentVector (ableton-integration.md §5.1)
        List<String> lom = List.of("Osc 1 On", "Osc 1 Pos", "Osc 1 Transp", "Osc 1 Detune", "Osc 1 Gain", "Osc 1 Pan",
                "Osc 2 On", "Osc 2 Pos", "Osc 2 Transp", "Osc 2 Detune", "Osc 2 Gain", "Osc 2 Pan",
                "Sub On", "Sub Gain", "Sub Tone", "Sub Transpose", "Filter 1 On", "Filter 1 Type", "Filter 1 Slope",
                "Filter 1 Freq", "Filter 1 Res", "Filter 1 Morph", "Amp Attack", "Amp Decay", "Amp Sustain",
                "Amp Release", "Amp A Slope", "Amp D Slope", "Amp R Slope", "Unison Amount", "Transpose", "Volume");
        assertThat(SPEC.params().stream().map(ParamSpec::name).toList()).containsExactlyInAnyOrderElementsOf(lom);
        assertThat(SPEC.param("Filter 1 Type").items()).containsExactly("Lowpass", "Highpass", "Bandpass", "Notch", "Morph");
        assertThat(SPEC.param("Filter 1 Slope").items()).containsExactly("12", "24");
        assertThat(SPEC.param("Sub Transpose").items()).containsExactly("0", "-1", "-2");
    }

    @Test
    void defaultsWriteTheXmlValuesOfALiveSave() {
        // Manual values of a fresh Wavetable in a Live 12 save (shared/reference/ableton-files/InstrumentVector.adg)
        Map<String, Double> xml = Map.ofEntries(
                Map.entry("Voice_Oscillator1_On", 1.0), Map.entry("Voice_Oscillator2_On", 0.0),
                Map.entry("Voice_Oscillator1_Gain", 1.0), Map.entry("Voice_Oscillator1_Pan", 0.0),
                Map.entry("Voice_Oscillator1_Pitch_Detune", 0.0), Map.entry("Voice_Oscillator1_Wavetables_WavePosition", 0.0),
                Map.entry("Voice_SubOscillator_On", 0.0), Map.entry("Voice_SubOscillator_Gain", 0.5011875033),
                Map.entry("Voice_SubOscillator_Transpose", 1.0), Map.entry("Voice_SubOscillator_Tone", 0.0),
                Map.entry("Voice_Filter1_On", 1.0), Map.entry("Voice_Filter1_Type", 0.0), Map.entry("Voice_Filter1_Slope", 0.0),
                Map.entry("Voice_Filter1_Frequency", 20479.998), Map.entry("Voice_Filter1_Resonance", 0.0),
                Map.entry("Voice_Modulators_AmpEnvelope_Times_Attack", 0.001000000164),
                Map.entry("Voice_Modulators_AmpEnvelope_Times_Decay", 0.5999999642),
                Map.entry("Voice_Modulators_AmpEnvelope_Times_Release", 0.5999999642),
                Map.entry("Voice_Modulators_AmpEnvelope_Slopes_Attack", 0.0),
                Map.entry("Voice_Modulators_AmpEnvelope_Slopes_Decay", 0.5),
                Map.entry("Voice_Modulators_AmpEnvelope_Slopes_Release", 0.5),
                Map.entry("Voice_Modulators_AmpEnvelope_Sustain", 0.5011875629),
                Map.entry("Voice_Unison_Amount", 0.3000000119), Map.entry("Voice_Global_Transpose", 0.0),
                Map.entry("Volume", 0.3548134267));
        DeviceSettings defaults = SPEC.defaults();
        for (var e : xml.entrySet()) {
            ParamSpec p = SPEC.params().stream().filter(q -> q.xmlElement().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new AssertionError("no parameter stores " + e.getKey()));
            assertThat(p.toXml(defaults.get(p.name()))).as(e.getKey())
                    .isCloseTo(e.getValue(), within(Math.max(XML_TOLERANCE, 1e-6 * Math.abs(e.getValue()))));
        }
    }

    @Test
    void unitConversionsAtBothEndsAndTheMiddle() {
        ParamSpec freq = SPEC.param("Filter 1 Freq");
        assertThat(freq.fromNormalized(0)).isCloseTo(20, within(1e-9));
        assertThat(freq.fromNormalized(0.5)).isCloseTo(640, within(1e-9)); // √(20·20480)
        assertThat(freq.fromNormalized(1)).isCloseTo(20480, within(1e-6));
        assertThat(SPEC.param("Filter 1 Res").toXml(125)).isCloseTo(1.25, within(1e-12));
        assertThat(SPEC.param("Amp Attack").toXml(20_000)).isCloseTo(20, within(1e-12));
        assertThat(SPEC.param("Osc 1 Detune").toXml(-50)).isCloseTo(-0.5, within(1e-12));
        assertThat(SPEC.param("Osc 2 Pan").toXml(100)).isCloseTo(1, within(1e-12));
    }

    @Test
    void musicallyImportantParametersAreEstimated() {
        for (String name : List.of("Osc 1 Pos", "Osc 2 On", "Osc 2 Pos", "Osc 2 Transp", "Sub On", "Filter 1 Type",
                "Filter 1 Freq", "Filter 1 Res", "Amp Attack", "Amp Decay", "Amp Sustain", "Amp Release")) {
            assertThat(SPEC.param(name).estimated()).as(name).isTrue();
        }
        assertThat(SPEC.param("Volume").estimated()).isFalse();
    }

    @Test
    void anyThetaGivesControlsInTheirPhysicalRangesAndStableFilters() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            DeviceSettings s = SPEC.defaults();
            for (ParamSpec p : SPEC.params()) {
                double theta = trial == 0 ? 0 : trial == 1 ? 1 : random.nextDouble();
                s = s.withNormalized(p.name(), theta);
            }
            WavetableControls c = WavetableControls.from(s);
            for (WavetableControls.Oscillator o : List.of(c.osc1(), c.osc2())) {
                assertThat(o.position()).isBetween(0.0, 1.0);
                assertThat(o.leftGain()).isBetween(0.0, 1.0);
                assertThat(o.rightGain()).isBetween(0.0, 1.0);
                assertThat(Math.abs(o.semitones())).isLessThanOrEqualTo(24.5);
            }
            assertThat(c.sub().octave()).isBetween(-2, 0);
            assertThat(c.sub().tone()).isBetween(0.0, 1.0);
            assertThat(c.filter().resonance()).isBetween(0.0, 1.0);
            assertThat(c.envelope().sustainLevel()).isBetween(0.0, 1.0);
            for (int fs : new int[] {44_100, 48_000}) {
                for (Svf section : VoiceFilter.sections(c.filter(), fs)) {
                    assertThat(section.isStable()).isTrue();
                    assertThat(section.m0() + section.m1() + section.m2()).isFinite();
                }
            }
        }
    }
}
