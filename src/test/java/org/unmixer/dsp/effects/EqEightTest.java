package org.unmixer.dsp.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.DeviceContract;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

class EqEightTest implements DeviceContract {
    private static final DeviceSpec SPEC = Catalog.standard().device("EQ Eight");

    /** Rendered magnitude vs the cookbook's analog prototype: the brief's 0.1 dB. */
    private static final double DB_TOLERANCE = 0.1;

    /**
     * Below this level (relative to the input) a float output's rounding (≈ −150 dB of full scale)
     * and the projection's leakage make the measurement meaningless; such points are skipped.
     */
    private static final double MEASURABLE_DB = -100;

    private static final double F0 = 1000;

    @Override
    public Effect effect() {
        return new EqEight();
    }

    @Override
    public DeviceSettings typicalSettings() {
        return SPEC.settings(Map.of("1 Filter On A", "On", "1 Filter Type A", "High Pass 48dB", "1 Frequency A", 60.0,
                "2 Gain A", 4.0, "3 Gain A", -6.0, "3 Resonance A", 2.0, "4 Gain A", 3.0,
                "8 Filter On A", "On", "Output Gain", -2.0));
    }

    /** Every band off except band 3, set as given; Adaptive Q off. */
    private static DeviceSettings oneBand(String type, double gainDb, double q) {
        Map<String, Object> m = new HashMap<>();
        for (int b = 1; b <= 8; b++) {
            m.put(b + " Filter On A", "Off");
        }
        m.put("3 Filter On A", "On");
        m.put("3 Filter Type A", type);
        m.put("3 Frequency A", F0);
        m.put("3 Gain A", gainDb);
        m.put("3 Resonance A", q);
        m.put("Adaptive Q", "Off");
        return SPEC.settings(m);
    }

    /** Level in dB of a steady sine at {@code hz} through the device (stereo render, left channel). */
    private static double measuredDb(DeviceSettings s, double hz) {
        AudioBuffer in = Signals.sine(hz, 0.5, 1.5, 2, RATE);
        AudioBuffer out = new EqEight().render(in, s);
        double a = Signals.amplitude(out.channel(0), hz, RATE, RATE / 2, RATE); // last second, whole cycles
        return Signals.db(a / 0.5);
    }

    /**
     * |H| in dB of the cookbook's analog prototype N(s)/D(s) = (n2·s² + n1·s + n0)/(d2·s² + d1·s + d0)
     * at s = jΩ, Ω = tan(πf/fs)/tan(πf0/fs): the bilinear transform with the centre frequency
     * pre-warped, which is how the cookbook defines its digital filters.
     */
    private static double prototypeDb(double hz, double f0, double[] num, double[] den) {
        double w = Math.tan(Math.PI * hz / RATE) / Math.tan(Math.PI * f0 / RATE);
        double nr = num[2] - num[0] * w * w;
        double ni = num[1] * w;
        double dr = den[2] - den[0] * w * w;
        double di = den[1] * w;
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /** Expected response of one band type, from the analog prototypes of the cookbook. */
    private static double expectedDb(EqEightFilterType type, double hz, double gainDb, double q) {
        double a = Math.pow(10, gainDb / 40);
        double sa = Math.sqrt(a) / q;
        return switch (type) {
            case HIGH_PASS_12 -> prototypeDb(hz, F0, new double[] {1, 0, 0}, new double[] {1, 1 / q, 1});
            case LOW_PASS_12 -> prototypeDb(hz, F0, new double[] {0, 0, 1}, new double[] {1, 1 / q, 1});
            case BELL -> prototypeDb(hz, F0, new double[] {1, a / q, 1}, new double[] {1, 1 / (a * q), 1});
            case NOTCH -> prototypeDb(hz, F0, new double[] {1, 0, 1}, new double[] {1, 1 / q, 1});
            case LOW_SHELF -> 20 * Math.log10(a)
                    + prototypeDb(hz, F0, new double[] {1, sa, a}, new double[] {a, sa, 1});
            case HIGH_SHELF -> 20 * Math.log10(a)
                    + prototypeDb(hz, F0, new double[] {a, sa, 1}, new double[] {1, sa, a});
            case HIGH_PASS_48, LOW_PASS_48 -> {
                double db = 0;
                for (int k = 1; k <= 4; k++) {
                    double qk = q / Math.sqrt(0.5) / (2 * Math.cos((2 * k - 1) * Math.PI / 16));
                    db += type == EqEightFilterType.HIGH_PASS_48
                            ? prototypeDb(hz, F0, new double[] {1, 0, 0}, new double[] {1, 1 / qk, 1})
                            : prototypeDb(hz, F0, new double[] {0, 0, 1}, new double[] {1, 1 / qk, 1});
                }
                yield db;
            }
        };
    }

    @ParameterizedTest
    @EnumSource(EqEightFilterType.class)
    void renderedMagnitudeMatchesTheCookbookPrototype(EqEightFilterType type) {
        String item = SPEC.param("3 Filter Type A").items().get(type.ordinal());
        for (double q : new double[] {0.71, 3.0}) {
            for (double gain : type.usesGain() ? new double[] {9.0, -12.0} : new double[] {0.0}) {
                DeviceSettings s = oneBand(item, gain, q);
                for (double hz : new double[] {F0, F0 / 2, 2 * F0, F0 / 10, 10 * F0}) {
                    double expected = expectedDb(type, hz, gain, q);
                    if (expected < MEASURABLE_DB) {
                        continue;
                    }
                    assertThat(measuredDb(s, hz)).as("%s Q %s gain %s at %s Hz", type, q, gain, hz)
                            .isCloseTo(expected, within(DB_TOLERANCE));
                }
            }
        }
    }

    @Test
    void notchRemovesItsCentreFrequency() {
        assertThat(measuredDb(oneBand("Notch", 0, 2), F0)).isLessThan(-60);
    }

    @Test
    void fortyEightDbCutIsAnEighthOrderButterworthWithFortyEightDbPerOctave() {
        DeviceSettings s = oneBand("High Pass 48dB", 0, Math.sqrt(0.5));
        // |H|² = 1 / (1 + Ω⁻¹⁶): the closed form of an 8th-order Butterworth high-pass
        for (double hz : new double[] {250, 500, 707, 1000, 1414, 2000}) {
            double w = Math.tan(Math.PI * hz / RATE) / Math.tan(Math.PI * F0 / RATE);
            double butterworth = -10 * Math.log10(1 + Math.pow(w, -16));
            assertThat(measuredDb(s, hz)).as("%s Hz", hz).isCloseTo(butterworth, within(DB_TOLERANCE));
        }
        assertThat(measuredDb(s, F0)).isCloseTo(-3.01, within(0.02));
        double slope = measuredDb(s, 250) - measuredDb(s, 500);
        assertThat(slope).isCloseTo(-48, within(0.5)); // one octave deep in the stop band
        // the low-pass mirror image: |H|² = 1 / (1 + Ω¹⁶); the bilinear warp makes the octave 2→4 kHz
        // steeper than the analog 48 dB (Ω grows faster than f towards fs/2)
        DeviceSettings lp = oneBand("Low Pass 48dB", 0, Math.sqrt(0.5));
        double lpSlope = measuredDb(lp, 4000) - measuredDb(lp, 2000);
        double w2 = Math.tan(Math.PI * 2000 / RATE) / Math.tan(Math.PI * F0 / RATE);
        double w4 = Math.tan(Math.PI * 4000 / RATE) / Math.tan(Math.PI * F0 / RATE);
        double closedSlope = -10 * Math.log10(1 + Math.pow(w4, 16)) + 10 * Math.log10(1 + Math.pow(w2, 16));
        assertThat(lpSlope).isCloseTo(closedSlope, within(2 * DB_TOLERANCE)).isLessThan(-48);
    }

    @Test
    void twelveDbCutFallsTwelveDbPerOctave() {
        DeviceSettings s = oneBand("High Pass 12dB", 0, Math.sqrt(0.5));
        assertThat(measuredDb(s, 62.5) - measuredDb(s, 125)).isCloseTo(-12, within(0.1));
    }

    @Test
    void scaleMultipliesTheGainOfBellBands() {
        assertThat(measuredDb(oneBand("Bell", 6, 1).with("Scale", 200.0), F0)).isCloseTo(12, within(DB_TOLERANCE));
        assertThat(measuredDb(oneBand("Bell", 6, 1).with("Scale", -100.0), F0)).isCloseTo(-6, within(DB_TOLERANCE));
        assertThat(measuredDb(oneBand("Bell", 6, 1).with("Scale", 0.0), F0)).isCloseTo(0, within(1e-4));
    }

    @Test
    void adaptiveQNarrowsABoostedBell() {
        DeviceSettings off = oneBand("Bell", 12, 1);
        DeviceSettings on = off.with("Adaptive Q", "On");
        double qEff = 1 * (1 + EqEight.ADAPTIVE_Q_STRENGTH * 12 / 15);
        assertThat(measuredDb(on, F0)).isCloseTo(12, within(DB_TOLERANCE)); // peak gain unchanged
        assertThat(measuredDb(on, 2 * F0)).isCloseTo(expectedDb(EqEightFilterType.BELL, 2 * F0, 12, qEff),
                within(DB_TOLERANCE));
        assertThat(measuredDb(on, 2 * F0)).isLessThan(measuredDb(off, 2 * F0) - 1);
    }

    @Test
    void outputGainScalesEverything() {
        DeviceSettings s = oneBand("Bell", 0, 1).with("Output Gain", 6.0);
        assertThat(measuredDb(s, 300)).isCloseTo(6, within(1e-3));
        assertThat(measuredDb(s, 7000)).isCloseTo(6, within(1e-3));
    }

    @Test
    void defaultSettingsAreFlat() {
        AudioBuffer in = DeviceContract.testSignal();
        AudioBuffer out = new EqEight().render(in, SPEC.defaults());
        assertThat(out).isEqualTo(in); // default bands are off or at 0 dB, which is exactly the identity
    }

    @Test
    void monoAndStereoPathsAgree() {
        AudioBuffer stereo = DeviceContract.testSignal();
        AudioBuffer mono = AudioBuffer.mono(stereo.channel(0), RATE);
        float[] a = new EqEight().render(stereo, typicalSettings()).channel(0);
        float[] b = new EqEight().render(mono, typicalSettings()).channel(0);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-6f)); // DF-I pair vs TDF-II: rounding only
        }
    }

    @Test
    void rendersEmptyAndVeryShortBuffers() {
        for (int frames : new int[] {0, 1, 2, 5, 13}) {
            AudioBuffer in = DeviceContract.testSignal().withFrames(frames);
            AudioBuffer out = new EqEight().render(in, typicalSettings());
            assertThat(out.frames()).isEqualTo(frames);
            assertThat(out.isFinite()).isTrue();
        }
    }

    @Test
    void controlsStayInRangeAndFiltersStableForThetaAtZeroOneAndRandom() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 80; trial++) {
            DeviceSettings s = SPEC.defaults();
            for (ParamSpec p : SPEC.params()) {
                double theta = trial == 0 ? 0 : trial == 1 ? 1 : random.nextDouble();
                s = s.withNormalized(p.name(), theta);
            }
            for (double rate : new double[] {44_100, 48_000}) {
                EqEightControls c = EqEight.controls(s, rate);
                assertThat(c.bands()).hasSize(8);
                assertThat(c.outputGain()).isBetween(Math.pow(10, -12 / 20.0) - 1e-12, Math.pow(10, 12 / 20.0) + 1e-12);
                for (EqEightControls.Band b : c.bands()) {
                    assertThat(b.frequencyHz()).isBetween(10.0 - 1e-9, 22_000.0 + 1e-6);
                    assertThat(Math.abs(b.gainDb())).isLessThanOrEqualTo(30.0 + 1e-9); // ±15 dB × 200 %
                    assertThat(b.q()).isBetween(0.1 - 1e-12, 18 * 3.0 + 1e-9); // adaptive Q at most ×3
                }
                for (Biquad q : c.activeSections()) {
                    assertThat(q.isStable()).as("%s", s).isTrue();
                    assertThat(Double.isFinite(q.b0() + q.b1() + q.b2() + q.a1() + q.a2())).isTrue();
                }
            }
        }
    }

    @Test
    void catalogHasLiveNamesAndTheDocumentedEncodings() {
        for (int b = 1; b <= 8; b++) {
            for (String name : new String[] {"Filter On A", "Filter Type A", "Frequency A", "Gain A", "Resonance A"}) {
                assertThat(SPEC.indexOf(b + " " + name)).as(b + " " + name).isNotNegative();
            }
            assertThat(SPEC.param(b + " Frequency A").xmlElement()).isEqualTo("Bands." + (b - 1) + "/ParameterA/Freq");
        }
        assertThat(SPEC.param("1 Filter Type A").items()).containsExactly("High Pass 48dB", "High Pass 12dB",
                "Low Shelf", "Bell", "Notch", "High Shelf", "Low Pass 12dB", "Low Pass 48dB");
        // S1 reports the LOM default of Resonance as 0.3767: the log taper maps Q 0.7071 there
        ParamSpec q = SPEC.param("1 Resonance A");
        assertThat(q.toLom(q.defaultValue())).isCloseTo(0.3767, within(1e-4));
        assertThat(SPEC.param("1 Gain A").toLom(-7.5)).isEqualTo(-7.5); // dB in the LOM
        assertThat(SPEC.param("Scale").toLom(150)).isCloseTo(1.5, within(1e-12));
        assertThat(SPEC.param("Scale").toXml(150)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void butterworthSectionQsAreTheTextbookValues() {
        assertThat(EqEight.butterworth8SectionQ(1)).isCloseTo(0.5098, within(1e-4));
        assertThat(EqEight.butterworth8SectionQ(2)).isCloseTo(0.6013, within(1e-4));
        assertThat(EqEight.butterworth8SectionQ(3)).isCloseTo(0.9000, within(1e-4));
        assertThat(EqEight.butterworth8SectionQ(4)).isCloseTo(2.5629, within(1e-4));
    }
}
