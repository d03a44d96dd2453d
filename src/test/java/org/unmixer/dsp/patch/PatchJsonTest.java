package org.unmixer.dsp.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.LomEncoding;
import org.unmixer.params.ParamSpec;
import org.unmixer.params.Taper;
import org.unmixer.params.XmlConversion;

/** The codec against a small hand-made catalog, so these tests do not move when the real one grows. */
class PatchJsonTest {
    private static final Catalog CATALOG = new Catalog(List.of(
            new DeviceSpec("Wavetable", "InstrumentVector", "InstrumentVector", DeviceKind.INSTRUMENT, List.of(
                    number("Filter 1 Freq", "Hz", 20, 20480, 20480, Taper.LOG)), Map.of()),
            new DeviceSpec("Saturator", "Saturator", "Saturator", DeviceKind.AUDIO_EFFECT, List.of(
                    number("Drive", "dB", -36, 36, 0, Taper.LIN),
                    new ParamSpec("Type", "", 0, 1, Taper.LIN, 0, 0, List.of("Analog Clip", "Soft Sine"),
                            LomEncoding.INDEX, 0, 1, "Type", XmlConversion.INDEX, 1, true, ""),
                    number("Dry/Wet", "%", 0, 100, 100, Taper.LIN)), Map.of()),
            new DeviceSpec("Reverb", "Reverb", "Reverb", DeviceKind.AUDIO_EFFECT, List.of(
                    number("Decay Time", "ms", 200, 60000, 2000, Taper.LOG),
                    number("Dry/Wet", "%", 0, 100, 50, Taper.LIN)),
                    Map.of("Big", Map.of("Decay Time", 9000.0)))));
    private final PatchJson codec = new PatchJson(CATALOG);

    private static ParamSpec number(String name, String unit, double min, double max, double def, Taper taper) {
        return new ParamSpec(name, unit, min, max, taper, 0, def, List.of(), LomEncoding.NORMALIZED, 0, 1, name,
                XmlConversion.SCALE, 1, true, "");
    }

    private static final String DESIGN_EXAMPLE = """
            {"format": "unmixer-patch/1",
             "source": {"kind": "synth", "note": 48, "seconds": 1.5, "velocity": 100},
             "synth": {"device": "Wavetable", "wavetable": {"category": "Basics", "name": "Basic Shapes"},
                       "params": {"Filter 1 Freq": 1250.0}},
             "chain": [{"device": "Saturator", "params": {"Drive": 9.5, "Type": "Soft Sine", "Dry/Wet": 100.0}},
                       {"device": "Reverb", "params": {"Decay Time": 2400.0, "Dry/Wet": 35.0}}]}
            """;

    @Test
    void readsTheDesignExample() {
        Patch p = codec.parse(DESIGN_EXAMPLE);
        assertThat(p.source()).isEqualTo(new SourceSpec(SourceKind.SYNTH, 48, 100, 1.5, 1.0, 0));
        assertThat(p.synth().orElseThrow().settings().get("Filter 1 Freq")).isEqualTo(1250.0);
        assertThat(p.synth().orElseThrow().oscillator1()).isEqualTo(WavetableRef.DEFAULT);
        assertThat(p.chainNames()).containsExactly("Saturator", "Reverb");
        assertThat(p.chain().get(0).item("Type")).isEqualTo("Soft Sine");
        assertThat(p.chain().get(1).get("Dry/Wet")).isEqualTo(35.0);
    }

    @Test
    void writesWhatItReads() {
        Patch p = codec.parse(DESIGN_EXAMPLE);
        assertThat(codec.parse(codec.write(p))).isEqualTo(p);
        assertThat(codec.parse(codec.write(p, true))).isEqualTo(p);
        assertThat(codec.write(p, true)).doesNotContain("\"Decay Time\" : 2000.0");
    }

    @Test
    void presetsApplyBeforeParams() {
        Patch p = codec.parse("""
                {"format": "unmixer-patch/1", "source": {"kind": "noise", "seconds": 1},
                 "chain": [{"device": "Reverb", "preset": "Big", "params": {"Dry/Wet": 20}}]}""");
        assertThat(p.chain().get(0).get("Decay Time")).isEqualTo(9000.0);
        assertThat(p.chain().get(0).get("Dry/Wet")).isEqualTo(20.0);
    }

    @Test
    void misspeltParameterGetsOneLineWithASuggestion() {
        String json = DESIGN_EXAMPLE.replace("\"Decay Time\": 2400.0", "\"Decay Tme\": 2400.0");
        assertThatThrownBy(() -> codec.parse(json))
                .isInstanceOf(BadInputException.class)
                .hasMessage("chain[1]: Reverb: unknown parameter \"Decay Tme\" (did you mean \"Decay Time\"?)");
    }

    @Test
    void badInputsAreNamedPrecisely() {
        assertBad(DESIGN_EXAMPLE.replace("\"Reverb\", \"params\"", "\"Reverbb\", \"params\""),
                "chain[1]: unknown device \"Reverbb\" (did you mean \"Reverb\"?)");
        assertBad(DESIGN_EXAMPLE.replace("\"Drive\": 9.5", "\"Drive\": 99"),
                "chain[0]: Saturator \"Drive\": 99 is out of range -36..36 dB");
        assertBad(DESIGN_EXAMPLE.replace("unmixer-patch/1", "unmixer-patch/9"),
                "\"format\" must be \"unmixer-patch/1\", got \"unmixer-patch/9\"");
        assertBad(DESIGN_EXAMPLE.replace("\"chain\"", "\"chian\""), "patch: unknown field \"chian\" (did you mean \"chain\"?)");
        assertBad(DESIGN_EXAMPLE.replace("\"note\": 48", "\"note\": 200"), "source.note 200 is out of range 0..127");
        assertBad("{\"format\": ", null);
        assertBad("[]", "a patch must be a JSON object");
        assertBad("""
                {"format": "unmixer-patch/1", "source": {"kind": "synth"}}""",
                "source.kind is \"synth\" but the patch has no \"synth\" section");
        assertBad("""
                {"format": "unmixer-patch/1", "source": {"kind": "noise"},
                 "chain": [{"device": "Wavetable"}]}""", "chain: \"Wavetable\" is not an audio effect");
    }

    @Test
    void chainLongerThanEightIsRefused() {
        String device = "{\"device\": \"Saturator\"}";
        String json = "{\"format\": \"unmixer-patch/1\", \"source\": {\"kind\": \"impulse\"}, \"chain\": ["
                + String.join(",", java.util.Collections.nCopies(9, device)) + "]}";
        assertBad(json, "the chain has 9 devices; at most 8 are allowed");
    }

    private void assertBad(String json, String message) {
        var thrown = assertThatThrownBy(() -> codec.parse(json)).isInstanceOf(BadInputException.class);
        if (message != null) {
            thrown.hasMessage(message);
        }
        thrown.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
