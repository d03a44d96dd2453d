package org.unmixer.dsp.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.reverb.FdnControls;
import org.unmixer.dsp.reverb.FeedbackDelayNetwork;
import org.unmixer.dsp.reverb.Primes;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/** Control invariants (θ at 0, 1 and random) and the catalog entry's fixed points. */
class ReverbControlsTest {
    private static final double RATE = 44_100;
    /** Slack for a loop gain that is exactly 1 by construction (frozen, flat) after rounding. */
    private static final double UNITY_SLACK = 1e-12;

    static Stream<Arguments> thetas() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("all θ = 0", all(0)));
        out.add(Arguments.of("all θ = 1", all(1)));
        out.add(Arguments.of("all θ = 0.5", all(0.5)));
        SplittableRandom random = new SplittableRandom(2024);
        for (int k = 0; k < 30; k++) {
            DeviceSettings s = ReverbTest.SPEC.defaults();
            for (ParamSpec p : ReverbTest.SPEC.params()) {
                s = s.withNormalized(p.name(), random.nextDouble());
            }
            out.add(Arguments.of("random #" + k, s));
        }
        return out.stream();
    }

    private static DeviceSettings all(double theta) {
        DeviceSettings s = ReverbTest.SPEC.defaults();
        for (ParamSpec p : ReverbTest.SPEC.params()) {
            s = s.withNormalized(p.name(), theta);
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thetas")
    void controlsStayPhysicalAndTheLoopPassive(String label, DeviceSettings s) {
        for (double rate : new double[] {RATE, 48_000, 96_000}) {
            ReverbControls k = ReverbControls.of(s, rate);
            assertThat(k.predelaySamples()).isBetween(0, (int) Math.ceil(0.250 * rate));
            assertThat(k.lowCut().isStable()).isTrue();
            assertThat(k.highCut().isStable()).isTrue();
            assertThat(boxed(k.reflections().delays())).allSatisfy(d -> assertThat(d).isBetween(0, (int) (0.2 * rate)));
            // ≤ √0.5 per tap at 0 dB, Reflect Level adds up to +6 dB (×1.9953)
            assertThat(boxed(k.reflections().gains())).allSatisfy(g -> assertThat(Math.abs(g)).isBetween(0.0, 1.5));
            assertThat(k.tailDelaySamples()).isNotNegative();
            assertThat(k.diffuserGain()).isBetween(0.0, 0.99);
            assertThat(k.reflectGain()).isBetween(0.03, 2.0);
            assertThat(k.diffuseGain()).isBetween(0.03, 2.0);
            assertThat(k.width()).isBetween(0.0, 1.0);
            assertThat(k.mix()).isBetween(0.0, 1.0);

            FdnControls f = k.fdn();
            assertThat(f.delays()).doesNotHaveDuplicates();
            assertThat(boxed(f.delays())).allSatisfy(d -> assertThat(Primes.isPrime(d)).isTrue());
            assertThat(f.allPassGain()).isBetween(0.0, 0.96);
            assertThat(boxed(f.allPassLoopGains())).allSatisfy(q -> assertThat(q).isBetween(0.0, 1.0));
            assertThat(Integer.bitCount(f.bufferLength())).isEqualTo(1);
            assertThat(f.bufferLength()).isGreaterThan(maxRead(f));
            // passive loop: no line filter gains above 1 at any frequency, and below 1 unless frozen
            boolean frozen = s.isOn("Freeze On");
            for (Biquad b : f.loopFilters()) {
                assertThat(b.isStable()).isTrue();
                for (double hz = 5; hz < rate / 2; hz *= 1.25) {
                    double m = b.magnitude(hz, rate) * Math.sqrt(FdnControls.LINES);
                    assertThat(m).as("%s at %.0f Hz", label, hz).isLessThanOrEqualTo(1 + UNITY_SLACK);
                    if (!frozen) {
                        assertThat(m).isLessThan(1);
                    }
                }
            }
        }
    }

    private static List<Integer> boxed(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static int maxRead(FdnControls f) {
        int m = 0;
        for (int d : f.delays()) {
            m = Math.max(m, d + (int) Math.ceil(2 * f.modExcursion()) + 1);
        }
        return m;
    }

    @Test
    void decayTimeFollowsLivesGeometricTaper() {
        ParamSpec decay = ReverbTest.SPEC.param("Decay Time");
        // S5 fit: display = 200.07·e^(5.703·x); at x = 0.5 that is 3464 ms
        assertThat(decay.fromLom(0.5)).isCloseTo(200.07 * Math.exp(5.703 * 0.5), within(2.0));
        assertThat(decay.fromLom(0)).isCloseTo(200, within(1e-9));
        assertThat(decay.fromLom(1)).isCloseTo(60000, within(1e-6));
    }

    @Test
    void levelsAreStoredAsLinearGainAndDryWetAsAFraction() {
        assertThat(ReverbTest.SPEC.param("Reflect Level").toXml(0)).isCloseTo(1, within(1e-12));
        assertThat(ReverbTest.SPEC.param("Diffuse Level").toXml(6)).isCloseTo(1.9953, within(1e-4));
        assertThat(ReverbTest.SPEC.param("Dry/Wet").toXml(26.7716527)).isCloseTo(0.267716527, within(1e-9));
        assertThat(ReverbTest.SPEC.param("Diffusion").toXml(60)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void catalogUsesLivesParameterNames() {
        List<String> live = List.of("Predelay", "In LowCut On", "In HighCut On", "In Filter Freq", "In Filter Width",
                "ER Spin On", "ER Spin Rate", "ER Spin Amount", "ER Shape", "HiFilter On", "HiFilter Type",
                "HiFilter Freq", "HiShelf Gain", "LowShelf On", "LowShelf Freq", "LowShelf Gain", "Chorus On",
                "Chorus Rate", "Chorus Amount", "Decay Time", "Diffusion", "Scale", "Freeze On", "Flat On", "Cut On",
                "Room Size", "Stereo Image", "Density", "Reflect Level", "Diffuse Level", "Dry/Wet");
        assertThat(ReverbTest.SPEC.params().stream().map(ParamSpec::name)).containsExactlyElementsOf(live);
    }

    @Test
    void loopDelaysAreLongerThanAControlBlockEvenAtTheSmallestRoom() {
        ReverbControls k = ReverbControls.of(ReverbTest.SPEC.defaults().with("Room Size", 0.222), RATE);
        assertThat(boxed(k.fdn().delays())).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(FeedbackDelayNetwork.BLOCK));
    }
}
