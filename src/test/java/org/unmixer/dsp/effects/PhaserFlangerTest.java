package org.unmixer.dsp.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.DeviceContract;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.BiquadFilter;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;

class PhaserFlangerTest implements DeviceContract {
    private static final DeviceSpec SPEC = Catalog.standard().device("Phaser-Flanger");
    /**
     * Relative notch-frequency agreement. The grid below resolves 0.23 %; the Safe Bass high-pass at
     * its 5 Hz minimum adds up to ≈ 1.5 % of phase-induced shift on notches near 150 Hz.
     */
    private static final double NOTCH_RELATIVE = 0.03;
    /** A grid minimum counts as a notch when it is at least this deep (true notches are −∞ dB). */
    private static final double NOTCH_DEPTH_DB = -20;
    private static final int IR_LENGTH = 1 << 14;

    @Override
    public Effect effect() {
        return new PhaserFlanger();
    }

    @Override
    public DeviceSettings typicalSettings() {
        return SPEC.settings(Map.of("Notches", 6, "Amount", 60.0, "Mod Freq", 2.0, "Feedback", 40.0,
                "Dry/Wet", 50.0, "Warmth", 30.0, "Mod Phase", 90.0, "Mod Wave", "Sine"));
    }

    /** The device contract again in Flanger mode. */
    @Nested
    class FlangerMode implements DeviceContract {
        @Override
        public Effect effect() {
            return new PhaserFlanger();
        }

        @Override
        public DeviceSettings typicalSettings() {
            return PhaserFlangerTest.this.typicalSettings().with("Mode", "Flanger");
        }
    }

    /** The device contract again in Doubler mode. */
    @Nested
    class DoublerMode implements DeviceContract {
        @Override
        public Effect effect() {
            return new PhaserFlanger();
        }

        @Override
        public DeviceSettings typicalSettings() {
            return PhaserFlangerTest.this.typicalSettings().with("Mode", "Doubler");
        }
    }

    /** Frozen LFO, no feedback or warmth, Safe Bass at its minimum, 50 % mix: classic notches. */
    private static DeviceSettings frozen(int notches, double centerHz) {
        return SPEC.settings(Map.of("Notches", notches, "Center Freq", centerHz, "Spread", 50.0,
                "Amount", 0.0, "Feedback", 0.0, "Warmth", 0.0, "Safe Freq", 5.0, "Dry/Wet", 50.0));
    }

    /**
     * Closed-form notch frequencies: the bilinear RBJ all-pass has the phase of the analog
     * prototype at Ω = tan(πf/fs)/tan(πf0/fs), φ = −2·atan2(Ω/Q, 1 − Ω²). K stages notch where
     * K·φ = −π(2m + 1), i.e. atan2(Ω/Q, 1 − Ω²) = θ = π(2m + 1)/(2K), the positive root of
     * tanθ·Ω² + Ω/Q − tanθ = 0.
     */
    static double[] analyticNotchesHz(int stages, double centerHz, double q, double fs) {
        double[] f = new double[stages];
        double warp = Math.tan(Math.PI * centerHz / fs);
        for (int m = 0; m < stages; m++) {
            double theta = Math.PI * (2 * m + 1) / (2 * stages);
            double omega;
            if (Math.abs(theta - Math.PI / 2) < 1e-12) {
                omega = 1;
            } else {
                double t = Math.tan(theta);
                double disc = Math.sqrt(1 / (q * q) + 4 * t * t);
                double r1 = (-1 / q + disc) / (2 * t);
                double r2 = (-1 / q - disc) / (2 * t);
                omega = r1 > 0 ? r1 : r2;
            }
            f[m] = fs / Math.PI * Math.atan(omega * warp);
        }
        return f;
    }

    /** Local minima deeper than {@link #NOTCH_DEPTH_DB} of the left channel's impulse response. */
    private static List<Double> measuredNotchesHz(DeviceSettings s) {
        AudioBuffer ir = new PhaserFlanger().render(new AudioBuffer(Spectrum.impulse(2, IR_LENGTH), RATE), s);
        double[] grid = Spectrum.logGrid(20, 21_000, 3000); // 0.23 % steps
        double[] db = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            db[i] = Spectrum.magnitudeDb(ir.channel(0), grid[i], RATE);
        }
        List<Double> notches = new ArrayList<>();
        for (int i = 1; i < grid.length - 1; i++) {
            if (db[i] < db[i - 1] && db[i] <= db[i + 1] && db[i] < NOTCH_DEPTH_DB) {
                notches.add(grid[i]);
            }
        }
        return notches;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void frozenPhaserHasOneNotchPerStageAtTheAnalyticFrequencies(int stages) {
        List<Double> measured = measuredNotchesHz(frozen(stages, 1000));
        double[] expected = analyticNotchesHz(stages, 1000, PhaserFlangerControls.qForSpread(0.5), RATE);
        assertThat(measured).hasSize(stages);
        for (int m = 0; m < stages; m++) {
            assertThat(measured.get(m)).as("notch %d of %d", m, stages)
                    .isCloseTo(expected[m], offset(NOTCH_RELATIVE * expected[m]));
        }
    }

    @Test
    void centerMovesTheNotches() {
        double q = PhaserFlangerControls.qForSpread(0.5);
        List<Double> low = measuredNotchesHz(frozen(4, 500));
        List<Double> high = measuredNotchesHz(frozen(4, 2000));
        double[] expectedLow = analyticNotchesHz(4, 500, q, RATE);
        double[] expectedHigh = analyticNotchesHz(4, 2000, q, RATE);
        for (int m = 0; m < 4; m++) {
            assertThat(low.get(m)).isCloseTo(expectedLow[m], offset(NOTCH_RELATIVE * expectedLow[m]));
            assertThat(high.get(m)).isCloseTo(expectedHigh[m], offset(NOTCH_RELATIVE * expectedHigh[m]));
            // two octaves up the centre: every notch moves up by roughly a factor 4 (less near Nyquist)
            assertThat(high.get(m) / low.get(m)).isBetween(3.0, 4.2);
        }
    }

    @Test
    void moreSpreadPutsTheOuterNotchesFurtherApart() {
        List<Double> narrow = measuredNotchesHz(frozen(4, 1000).with("Spread", 20.0));
        List<Double> wide = measuredNotchesHz(frozen(4, 1000).with("Spread", 80.0));
        assertThat(wide.get(3) / wide.get(0)).isGreaterThan(narrow.get(3) / narrow.get(0));
    }

    /**
     * Wet only, no feedback: wet = x − HP(x) + AP^K(HP(x)), so |H| = |1 + HP·(AP^K − 1)| with HP the
     * Safe Bass Butterworth high-pass; far above Safe Freq this is an all-pass (0 dB).
     */
    @Test
    void wetOnlyWithoutFeedbackMatchesTheClosedForm() {
        int stages = 8;
        DeviceSettings s = frozen(stages, 1000).with("Dry/Wet", 100.0);
        AudioBuffer ir = new PhaserFlanger().render(new AudioBuffer(Spectrum.impulse(1, IR_LENGTH), RATE), s);
        Biquad hp = Biquads.highPass(5, Biquads.BUTTERWORTH_Q, RATE);
        Biquad ap = Biquads.allPass(1000, PhaserFlangerControls.qForSpread(0.5), RATE);
        for (double f : Spectrum.logGrid(30, 20_000, 60)) {
            double hpMag = hp.magnitude(f, RATE);
            double hpPhase = hp.phase(f, RATE);
            double apPhase = stages * ap.phase(f, RATE);
            double re = 1 + hpMag * (Math.cos(hpPhase + apPhase) - Math.cos(hpPhase));
            double im = hpMag * (Math.sin(hpPhase + apPhase) - Math.sin(hpPhase));
            double expectedDb = 10 * Math.log10(re * re + im * im);
            assertThat(Spectrum.magnitudeDb(ir.channel(0), f, RATE)).as("%.0f Hz", f)
                    .isCloseTo(expectedDb, offset(0.05));
            if (f > 2000) {
                assertThat(expectedDb).isCloseTo(0, offset(0.05)); // an all-pass far above Safe Freq
            }
        }
    }

    @Test
    void lfoSweepsTheNotchesAndRightChannelFollowsItsPhaseOffset() {
        DeviceSettings moving = typicalSettings().with(Map.of("Feedback", 0.0, "Warmth", 0.0));
        AudioBuffer in = DeviceContract.testSignal();
        AudioBuffer a = new PhaserFlanger().render(in, moving);
        AudioBuffer still = new PhaserFlanger().render(in, moving.with("Amount", 0.0));
        assertThat(a).isNotEqualTo(still);
        // Mod Phase 0: both channels share the LFO, so identical inputs give identical outputs
        AudioBuffer mono = in.withChannels(1).withChannels(2);
        AudioBuffer same = new PhaserFlanger().render(mono, moving.with("Mod Phase", 0.0));
        assertThat(same.channel(1)).isEqualTo(same.channel(0));
        AudioBuffer offsetPhase = new PhaserFlanger().render(mono, moving.with("Mod Phase", 180.0));
        assertThat(offsetPhase.channel(1)).isNotEqualTo(offsetPhase.channel(0));
    }

    /**
     * Mono-in-stereo input with Mod Phase 0 is rendered once and copied; changing the right
     * channel's last sample forces the two-channel kernel, whose left output must be identical.
     */
    @Test
    void monoShortcutMatchesTheTwoChannelKernel() {
        for (double feedback : new double[] {0.0, 40.0}) {
            DeviceSettings s = typicalSettings().with(Map.of("Mod Phase", 0.0, "Feedback", feedback));
            AudioBuffer mono = DeviceContract.testSignal().withChannels(1).withChannels(2);
            float[][] split = {mono.channel(0).clone(), mono.channel(1).clone()};
            split[1][split[1].length - 1] += 0.5f;
            AudioBuffer shortcut = new PhaserFlanger().render(mono, s);
            AudioBuffer pair = new PhaserFlanger().render(new AudioBuffer(split, mono.sampleRate()), s);
            assertThat(shortcut.channel(0)).as("Feedback %.0f %%", feedback).isEqualTo(pair.channel(0));
            assertThat(shortcut.channel(1)).isEqualTo(shortcut.channel(0));
        }
    }

    /** Without feedback the block kernel (stages in groups of eight, then the rest) equals the per-sample one. */
    @ParameterizedTest
    @ValueSource(ints = {3, 8, 12, 42})
    void feedForwardKernelMatchesTheSampleBySampleKernel(int notches) {
        DeviceSettings s = typicalSettings().with(Map.of("Feedback", 0.0, "Notches", notches));
        PhaserFlangerControls c = PhaserFlangerControls.from(s);
        float[] x = DeviceContract.testSignal().channel(0);
        double[] track = PhaserFlanger.allPassTrack(x.length, c, RATE, 0);
        assertThat(PhaserFlangerFeedForward.render(x, c, RATE, track))
                .isEqualTo(PhaserFlangerFeedback.renderChannel(x, c, RATE, track));
    }

    @Test
    void randomLfoRendersRepeatably() {
        DeviceSettings s = typicalSettings().with("Mod Wave", "Random S&H").with("Mod Freq", 10.0);
        AudioBuffer in = DeviceContract.testSignal();
        assertThat(new PhaserFlanger().render(in, s)).isEqualTo(new PhaserFlanger().render(in, s));
    }

    /** Frozen delay mode at 50 % mix, no feedback or warmth, Safe Bass at its minimum. */
    private static DeviceSettings frozenDelay(String mode) {
        return SPEC.settings(Map.of("Mode", mode, "Flange Time", 1.0, "Doubler Time", 50.0, "Amount", 0.0,
                "Feedback", 0.0, "Warmth", 0.0, "Safe Freq", 5.0, "Dry/Wet", 50.0));
    }

    @Test
    void frozenFlangerNotchesAtOddMultiplesOfHalfTheInverseDelay() {
        // 1 ms = 44.1 samples: also checks the fractional (Hermite) read
        List<Double> notches = measuredNotchesHz(frozenDelay("Flanger"));
        List<Double> below8k = notches.stream().filter(f -> f < 8000).toList();
        assertThat(below8k).hasSize(8);
        for (int m = 0; m < below8k.size(); m++) {
            double expected = (2 * m + 1) * 500.0;
            assertThat(below8k.get(m)).isCloseTo(expected, offset(NOTCH_RELATIVE * expected));
        }
    }

    @Test
    void flangerFeedbackMakesCombPeaksAndFbInvTurnsThemIntoDips() {
        // wet only: y = z^−D/(1 − g z^−D) on the high-passed part: |H| = 1/(1 − g) at 1/D = 1 kHz
        DeviceSettings s = frozenDelay("Flanger").with(Map.of("Feedback", 50.0, "Dry/Wet", 100.0));
        AudioBuffer ir = new PhaserFlanger().render(new AudioBuffer(Spectrum.impulse(1, IR_LENGTH), RATE), s);
        assertThat(Spectrum.magnitudeDb(ir.channel(0), 1000, RATE)).isCloseTo(20 * Math.log10(2), offset(0.2));
        AudioBuffer inv = new PhaserFlanger().render(new AudioBuffer(Spectrum.impulse(1, IR_LENGTH), RATE),
                s.with("FB Inv", "On"));
        assertThat(Spectrum.magnitudeDb(inv.channel(0), 1000, RATE)).isCloseTo(20 * Math.log10(1 / 1.5), offset(0.2));
    }

    @Test
    void doublerDelayLandsOnTheExpectedSample() {
        DeviceSettings s = frozenDelay("Doubler").with("Dry/Wet", 100.0);
        AudioBuffer ir = new PhaserFlanger().render(new AudioBuffer(Spectrum.impulse(1, IR_LENGTH), RATE), s);
        int d = (int) Math.round(0.050 * RATE);
        float[] hp = BiquadFilter.apply(Spectrum.impulse(1, IR_LENGTH)[0], Biquads.highPass(5, Biquads.BUTTERWORTH_Q, RATE));
        for (int n = 0; n < IR_LENGTH; n++) {
            double expected = (n == 0 ? 1 : 0) - hp[n] + (n >= d ? hp[n - d] : 0);
            assertThat((double) ir.channel(0)[n]).as("sample %d", n).isCloseTo(expected, offset(1e-5));
        }
    }

    @Test
    void flangerLfoSweepsDeterministically() {
        DeviceSettings s = typicalSettings().with("Mode", "Flanger");
        AudioBuffer in = DeviceContract.testSignal();
        AudioBuffer a = new PhaserFlanger().render(in, s);
        assertThat(a.isFinite()).isTrue();
        assertThat(a).isEqualTo(new PhaserFlanger().render(in, s));
        assertThat(a).isNotEqualTo(new PhaserFlanger().render(in, s.with("Amount", 0.0)));
    }

    @Test
    void randomSettingsGiveStableAllPassesAndFiniteOutput() {
        SplittableRandom r = new SplittableRandom(23);
        AudioBuffer in = DeviceContract.testSignal();
        for (int trial = 0; trial < 20; trial++) {
            DeviceSettings s = SPEC.defaults();
            for (var p : SPEC.params()) {
                s = s.withNormalized(p.name(), r.nextDouble());
            }
            PhaserFlangerControls c = PhaserFlangerControls.from(s);
            assertThat(c.notches()).isBetween(1, 42);
            assertThat(Math.abs(c.feedback())).isLessThanOrEqualTo(0.99);
            double[] coef = new double[2];
            for (long t = 0; t < RATE * 4L; t += 997) {
                PhaserFlanger.allPassAt(t, c, RATE, c.stereoPhaseCycles(), coef);
                Biquad stage = new Biquad(coef[1], coef[0], 1, coef[0], coef[1]);
                assertThat(stage.isStable()).as("all-pass at t=%d for %s", t, s).isTrue();
            }
            assertThat(new PhaserFlanger().render(in, s).isFinite()).as("settings %s", s).isTrue();
        }
    }

    @Test
    void spreadMapsToTheDocumentedQRange() {
        assertThat(PhaserFlangerControls.qForSpread(0)).isEqualTo(PhaserFlangerControls.Q_AT_NO_SPREAD);
        assertThat(PhaserFlangerControls.qForSpread(1)).isCloseTo(PhaserFlangerControls.Q_AT_FULL_SPREAD, offset(1e-12));
        assertThat(PhaserFlangerControls.qForSpread(0.5)).isCloseTo(Math.sqrt(5 * 0.15), offset(1e-12));
    }

    @Test
    void catalogMatchesLiveRanges() {
        assertThat(SPEC.param("Notches").max()).isEqualTo(42);
        assertThat(SPEC.param("Center Freq").min()).isEqualTo(70);
        assertThat(SPEC.param("Center Freq").max()).isEqualTo(18_500);
        assertThat(SPEC.param("Feedback").toXml(99)).isCloseTo(0.99, offset(1e-12));
        assertThat(SPEC.param("Output Gain").toXml(0)).isEqualTo(1);
        assertThat(SPEC.param("Mod Wave").items()).hasSize(10).startsWith("Sine", "Triangle");
    }
}
