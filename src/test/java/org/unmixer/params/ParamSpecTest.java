package org.unmixer.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamSpecTest {
    /** Conversions are closed-form; anything above double rounding is a bug. */
    private static final double EXACT = 1e-9;

    static ParamSpec continuous(String name, double min, double max, Taper taper, double curve, LomEncoding lom) {
        return new ParamSpec(name, "Hz", min, max, taper, curve, min, List.of(), lom,
                lom == LomEncoding.NORMALIZED ? 0 : lom == LomEncoding.LOG10 ? Math.log10(min) : min,
                lom == LomEncoding.NORMALIZED ? 1 : lom == LomEncoding.LOG10 ? Math.log10(max) : max,
                "Freq", XmlConversion.SCALE, 1, true, "");
    }

    @Test
    void linearTaperHitsBothEndsAndTheMidpoint() {
        ParamSpec p = continuous("Drive", -36, 36, Taper.LIN, 0, LomEncoding.NORMALIZED);
        assertThat(p.fromNormalized(0)).isCloseTo(-36, within(EXACT));
        assertThat(p.fromNormalized(0.5)).isCloseTo(0, within(EXACT));
        assertThat(p.fromNormalized(1)).isCloseTo(36, within(EXACT));
        assertThat(p.toLom(0)).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void logTaperIsGeometric() {
        ParamSpec p = continuous("Freq", 20, 20480, Taper.LOG, 0, LomEncoding.NORMALIZED);
        // 20 · 1024^0.5 = 640 Hz: the midpoint of a geometric range is the geometric mean.
        assertThat(p.fromNormalized(0.5)).isCloseTo(640, within(1e-9));
        assertThat(p.toNormalized(20480)).isCloseTo(1, within(EXACT));
    }

    @Test
    void expTaperStartsAtZeroAndCurves() {
        ParamSpec p = continuous("Attack", 0, 20000, Taper.EXP, 6, LomEncoding.NORMALIZED);
        assertThat(p.fromNormalized(0)).isCloseTo(0, within(EXACT));
        assertThat(p.fromNormalized(1)).isCloseTo(20000, within(1e-6));
        // (e^3 − 1)/(e^6 − 1) of the range at θ = 0.5, worked by hand: 19.0855/402.429 = 0.047426
        assertThat(p.fromNormalized(0.5) / 20000).isCloseTo(0.0474259, within(1e-6));
    }

    @Test
    void log10EncodingMatchesMultibandCrossoverSpotValue() {
        ParamSpec p = continuous("Mid-High Crossover", 300, 15000, Taper.LOG, 0, LomEncoding.LOG10);
        // The reference quotes the LOM value to 4 decimals: ±0.00005 in log10 is ±0.29 Hz at 2.5 kHz.
        assertThat(p.fromLom(3.3979)).isCloseTo(2500, within(0.3));
        assertThat(p.toLom(2500)).isCloseTo(3.39794, within(1e-5));
    }

    @Test
    void roundTripsEveryWayAtManyPoints() {
        for (Taper taper : Taper.values()) {
            for (LomEncoding lom : List.of(LomEncoding.NORMALIZED, LomEncoding.DISPLAY, LomEncoding.LOG10)) {
                ParamSpec p = continuous("P", 0.5, 9000, taper, 4, lom);
                for (double theta = 0; theta <= 1.0; theta += 0.05) {
                    double display = p.fromNormalized(theta);
                    assertThat(p.toNormalized(display)).isCloseTo(theta, within(1e-6));
                    assertThat(p.fromLom(p.toLom(display))).isCloseTo(display, within(1e-6 * Math.max(1, display)));
                    assertThat(p.fromXml(p.toXml(display))).isCloseTo(display, within(1e-6 * Math.max(1, display)));
                }
            }
        }
    }

    @Test
    void dbToGainXmlConversion() {
        ParamSpec p = new ParamSpec("Reflect Level", "dB", -30, 6, Taper.LIN, 0, 0, List.of(), LomEncoding.NORMALIZED,
                0, 1, "MixReflect", XmlConversion.DB_TO_GAIN, 1, false, "");
        assertThat(p.toXml(0)).isCloseTo(1, within(EXACT));
        assertThat(p.toXml(6)).isCloseTo(1.99526, within(1e-5));
        assertThat(p.fromXml(0.03162278)).isCloseTo(-30, within(1e-5));
    }

    @Test
    void quantizedParametersUseItemsAndIndices() {
        ParamSpec p = new ParamSpec("Type", "", 0, 2, Taper.LIN, 0, 1, List.of("Analog Clip", "Soft Sine", "Digital Clip"),
                LomEncoding.INDEX, 0, 2, "Type", XmlConversion.INDEX, 1, true, "");
        assertThat(p.parse("soft sine", "Saturator")).isEqualTo(1);
        assertThat(p.itemName(2)).isEqualTo("Digital Clip");
        assertThat(p.toNormalized(1)).isEqualTo(0.5);
        assertThat(p.fromNormalized(0.9)).isEqualTo(2);
        assertThat(p.xmlText(2)).isEqualTo("2");
        assertThatThrownBy(() -> p.parse("Soft Sin", "Saturator"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Saturator \"Type\": unknown value \"Soft Sin\" (one of: Analog Clip, Soft Sine, Digital Clip)");
    }

    @Test
    void outOfRangeValuesAreRejectedWithTheRange() {
        ParamSpec p = continuous("Drive", -36, 36, Taper.LIN, 0, LomEncoding.NORMALIZED);
        assertThatThrownBy(() -> p.parse(40.0, "Saturator"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Saturator \"Drive\": 40 is out of range -36..36 Hz");
        assertThatThrownBy(() -> p.parse(Double.NaN, "Saturator")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> p.parse("loud", "Saturator")).hasMessageContaining("expected a number");
    }

    @Test
    void invalidSpecsAreRefusedAtConstruction() {
        assertThatThrownBy(() -> continuous("F", 0, 100, Taper.LOG, 0, LomEncoding.NORMALIZED))
                .hasMessageContaining("log taper needs min > 0");
        assertThatThrownBy(() -> continuous("F", 1, 100, Taper.EXP, 0, LomEncoding.NORMALIZED))
                .hasMessageContaining("curve > 0");
    }

    @Test
    void booleanXmlTextIsLiveStyle() {
        ParamSpec p = new ParamSpec("Color On", "", 0, 1, Taper.LIN, 0, 0, List.of("Off", "On"), LomEncoding.INDEX, 0, 1,
                "ColorOn", XmlConversion.BOOL, 1, false, "");
        assertThat(p.xmlText(1)).isEqualTo("true");
        assertThat(p.xmlText(0)).isEqualTo("false");
        assertThat(p.parse(true, "Saturator")).isEqualTo(1);
    }

    @Test
    void shortTextReadsLikeLivesKnobLabels() {
        ParamSpec freq = Catalog.standard().device("EQ Eight").param("1 Frequency A");
        assertThat(freq.shortText(4270.82)).isEqualTo("4271 Hz");
        ParamSpec detune = Catalog.standard().device("Wavetable").param("Osc 2 Detune");
        assertThat(detune.shortText(-2.10166)).isEqualTo("-2.1 " + detune.unit());
        assertThat(detune.shortText(-0.0001)).isEqualTo("0 " + detune.unit());
        ParamSpec type = Catalog.standard().device("Saturator").param("Type");
        assertThat(type.shortText(1)).isEqualTo("Soft Sine");
        ParamSpec wet = Catalog.standard().device("Reverb").param("Dry/Wet");
        assertThat(wet.shortText(47.0051)).isEqualTo("47 %");
        assertThat(wet.shortText(5.25)).isEqualTo("5.25 %");
    }
}
