package org.unmixer.dsp.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.DeviceContract;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.shaper.HalfbandOversampler;
import org.unmixer.dsp.shaper.SaturatorCurve;
import org.unmixer.dsp.shaper.SaturatorCurves;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

class SaturatorTest implements DeviceContract {
    private static final DeviceSpec SPEC = Catalog.standard().device("Saturator");

    /**
     * Up and down through the half-band filters scales tones below 5 kHz by 1 ± 3.8·10⁻⁴
     * (HalfbandOversamplerTest; ±0.1 dB up to 18 kHz); a linear signal of such tones through the
     * oversampled wet path comes back within this of itself (plus float output rounding, 6·10⁻⁸).
     */
    private static final double OVERSAMPLER_FLATNESS = 5e-4;

    /**
     * A slow ramp through a curve at 2×: the FIR smooths the curve's corners (Digital Clip,
     * Waveshaper's clamp) over ±7 samples, where the ramp moves 7·3/44100 = 5·10⁻⁴.
     */
    private static final double RAMP_TOLERANCE = 1e-3;

    /**
     * Gibbs overshoot of a band-limited clipped waveform: ≈ 9 % of the jump (2 for ±1), so 1.18;
     * the rendered Digital Clip at 2× may exceed 0 dBFS by this, never the curve itself.
     */
    private static final double GIBBS_PEAK = 1.2;

    /**
     * Digital Clip re-clamps after ↓2 to stay within 0 dBFS, which gives back part of what
     * oversampling removed: measured 1× −12.2 dB, 2× −22.1 dB alias-to-harmonic power.
     */
    private static final double DIGITAL_CLIP_OVERSAMPLING_GAIN_DB = 8;

    /**
     * Ceiling for the alias-to-harmonic power of Hard Curve at +24 dB, 2× (measured 1× −11.1 dB,
     * 2× −21.6 dB, 4× −33.3 dB with the 27-tap half-band).
     */
    private static final double ALIAS_AT_2X_DB = -20.0;

    @Override
    public Effect effect() {
        return new Saturator();
    }

    @Override
    public DeviceSettings typicalSettings() {
        return SPEC.settings(Map.of("Drive", 12.0, "Type", "Medium Curve", "Color On", "On", "Color Amt Low", 6.0,
                "Color Amt Hi", -8.0, "Post Clip Mode", "Soft Clip", "Output", -3.0, "Dry/Wet", 80.0,
                "Pre Dc Filter", "On"));
    }

    private static DeviceSettings plain(String type) {
        return SPEC.settings(Map.of("Type", type, "Drive", 0.0, "Color On", "Off", "Post Clip Mode", "No Clip",
                "Output", 0.0, "Dry/Wet", 100.0));
    }

    private static AudioBuffer ramp(double from, double to, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (from + (to - from) * i / (n - 1));
        }
        return AudioBuffer.mono(x, RATE);
    }

    private static AudioBuffer tones(double amplitude, int n) {
        float[][] ch = new float[2][n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double v = amplitude * (0.5 * Math.sin(2 * Math.PI * 200 * t) + 0.3 * Math.sin(2 * Math.PI * 1000 * t)
                    + 0.2 * Math.sin(2 * Math.PI * 5000 * t));
            ch[0][i] = (float) v;
            ch[1][i] = (float) (-0.7 * v);
        }
        return new AudioBuffer(ch, RATE);
    }

    @ParameterizedTest
    @EnumSource(SaturatorCurve.class)
    void staticCurveEqualsItsFormulaOnASlowRamp(SaturatorCurve curve) {
        DeviceSettings s = plain(SPEC.param("Type").items().get(curve.ordinal())).with("Threshold", -12.0);
        AudioBuffer in = ramp(-1.5, 1.5, RATE);
        AudioBuffer out = new Saturator().render(in, s);
        SaturatorControls c = Saturator.controls(s, RATE);
        for (int i = 100; i < RATE - 100; i++) { // the ends step from zero padding
            double expected = SaturatorCurves.shape(curve, in.channel(0)[i], c.bassThreshold(), c.waveshaper());
            assertThat((double) out.channel(0)[i]).as("%s at x=%s", curve, in.channel(0)[i])
                    .isCloseTo(expected, within(RAMP_TOLERANCE));
        }
    }

    @Test
    void driveScalesTheInputOfTheCurve() {
        DeviceSettings s = plain("Soft Sine").with("Drive", 9.0);
        AudioBuffer in = ramp(-0.6, 0.6, RATE);
        AudioBuffer out = new Saturator().render(in, s);
        double g = Math.pow(10, 9 / 20.0);
        for (int i = 100; i < RATE - 100; i++) {
            assertThat((double) out.channel(0)[i]).isCloseTo(SaturatorCurves.softSine(g * in.channel(0)[i]),
                    within(RAMP_TOLERANCE));
        }
    }

    @Test
    void wetPathIsTheOversampledCurveOfTheDrivenInputMixedWithTheDry() {
        // without DC filter and Color, render fuses ×Drive and the mix into the oversampler's
        // blocks; it must equal the unfused chain: down(curve(up(Drive·x))), ×Output, Dry/Wet
        AudioBuffer in = tones(0.6, 5000);
        DeviceSettings s = plain("Soft Sine").with(Map.of("Drive", 12.0, "Output", -3.0, "Dry/Wet", 70.0));
        SaturatorControls c = Saturator.controls(s, RATE);
        AudioBuffer out = Saturator.render(in, c);
        for (int ch = 0; ch < 2; ch++) {
            float[] dry = in.channel(ch);
            double[] x = new double[dry.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.driveGain() * dry[i];
            }
            double[] wet = HalfbandOversampler.shaped(x, x.length, 2,
                    (buf, from, to) -> SaturatorCurves.shapeInPlace(buf, from, to, c.curve(), 1, c.waveshaper()));
            for (int i = 0; i < x.length; i++) {
                double expected = 0.3 * dry[i] + 0.7 * c.outputGain() * wet[i];
                assertThat((double) out.channel(ch)[i]).as("channel %d sample %d", ch, i)
                        .isCloseTo(expected, within(1e-6)); // float output rounding
            }
        }
    }

    @Test
    void digitalClipIsIdentityOnAQuietSignalAtZeroDbDrive() {
        AudioBuffer in = tones(0.5, RATE / 2);
        AudioBuffer out = new Saturator().render(in, plain("Digital Clip"));
        assertClose(out, in, OVERSAMPLER_FLATNESS);
    }

    @Test
    void colorEqIsUndoneAfterTheCurveForALinearSignal() {
        DeviceSettings s = plain("Digital Clip").with(Map.of("Color On", "On", "Color Amt Low", 12.0,
                "Color Amt Hi", -15.0, "Color Freq", 2000.0, "Color Width", 10.0));
        AudioBuffer in = tones(0.05, RATE / 2); // quiet enough that +12 dB of Color stays below the clip
        // from 50 ms on: the start-up ringing of the oversampler is re-shaped by the inverse Color
        // EQ's IIR memory (200 Hz shelf), which takes a few ms to decay
        assertClose(new Saturator().render(in, s), in, OVERSAMPLER_FLATNESS * 0.05 + 1e-6, RATE / 20);
    }

    @Test
    void colorMakesSaturationFrequencyDependent() {
        // Amt Hi +15 dB at 5 kHz drives the 5 kHz tone harder into the curve than the 200 Hz one
        DeviceSettings flat = plain("Medium Curve").with("Drive", 6.0);
        DeviceSettings colored = flat.with(Map.of("Color On", "On", "Color Amt Hi", 15.0, "Color Freq", 5000.0));
        AudioBuffer hi = Signals.sine(5000, 0.5, 0.5, 1, RATE);
        double plainLevel = Signals.amplitude(new Saturator().render(hi, flat).channel(0), 5000, RATE, 4410, 17640);
        double colorLevel = Signals.amplitude(new Saturator().render(hi, colored).channel(0), 5000, RATE, 4410, 17640);
        assertThat(colorLevel).isLessThan(0.8 * plainLevel); // compressed harder, then cut back by 15 dB
    }

    @Test
    void dryWetMixStaysPhaseAlignedBecauseTheWetPathHasNoLatency() {
        // in the linear range wet == dry, so any latency would comb-filter a 50 % mix
        AudioBuffer in = tones(0.5, RATE / 2);
        AudioBuffer out = new Saturator().render(in, plain("Digital Clip").with("Dry/Wet", 50.0));
        assertClose(out, in, OVERSAMPLER_FLATNESS);
    }

    @Test
    void digitalClipAtPlus36DbDriveStaysAtFullScale() {
        AudioBuffer in = Signals.sine(1000, 0.9, 0.5, 2, RATE);
        DeviceSettings s = plain("Digital Clip").with("Drive", 36.0);
        SaturatorControls c = Saturator.controls(s, RATE);
        // without oversampling the clamp holds exactly
        assertThat(Saturator.render(in, c.withOversampling(1)).peak()).isLessThanOrEqualTo(1.0f);
        // at 2× the band-limited square would overshoot by Gibbs' 9 %; Digital Clip clamps again
        float peak = Saturator.render(in, c).peak();
        assertThat(peak).isGreaterThan(0.99f).isLessThanOrEqualTo(1.0f);
        // the curve that is not a hard clip keeps its band-limited overshoot (no hidden clamp)
        SaturatorControls hardCurve = Saturator.controls(plain("Hard Curve").with("Drive", 36.0), RATE);
        assertThat(Saturator.render(in, hardCurve).peak()).isGreaterThan(1.0f).isLessThan((float) GIBBS_PEAK);
        // Post Clip Hard bounds the rendered output by the Output level exactly
        DeviceSettings hard = s.with(Map.of("Post Clip Mode", "Hard Clip", "Output", -6.0));
        assertThat(new Saturator().render(in, hard).peak()).isLessThanOrEqualTo((float) Math.pow(10, -6 / 20.0));
    }

    @Test
    void softPostClipNeverExceedsTheOutputLevel() {
        AudioBuffer in = Signals.sine(300, 0.9, 0.3, 2, RATE);
        DeviceSettings s = plain("Sinoid Fold").with(Map.of("Drive", 20.0, "Post Clip Mode", "Soft Clip", "Output", -10.0));
        assertThat(new Saturator().render(in, s).peak()).isLessThanOrEqualTo((float) Math.pow(10, -10 / 20.0));
    }

    @Test
    void oversamplingLowersAliasingOfAHardDriven5kHzSine() {
        // 5 kHz at 44.1 kHz repeats every 441 samples, so a 441-point DFT of the steady state has
        // exact lines every 100 Hz: harmonics on multiples of 5 kHz, aliases everywhere else.
        // Hard Curve at +24 dB is all but a clamp, and nothing clamps it again after ↓2.
        AudioBuffer in = Signals.sine(5000, 0.5, 0.5, 1, RATE);
        SaturatorControls c = Saturator.controls(plain("Hard Curve").with("Drive", 24.0), RATE);
        double plain = aliasToHarmonicDb(Saturator.render(in, c.withOversampling(1)).channel(0));
        double twice = aliasToHarmonicDb(Saturator.render(in, c).channel(0));
        double fourTimes = aliasToHarmonicDb(Saturator.render(in, c.withOversampling(4)).channel(0));
        assertThat(twice).isLessThan(plain - 10).isLessThan(ALIAS_AT_2X_DB);
        assertThat(fourTimes).isLessThan(twice - 8);
    }

    @Test
    void digitalClipKeepsMostOfTheOversamplingGainDespiteItsSecondClamp() {
        AudioBuffer in = Signals.sine(5000, 0.5, 0.5, 1, RATE);
        SaturatorControls c = Saturator.controls(plain("Digital Clip").with("Drive", 24.0), RATE);
        double plain = aliasToHarmonicDb(Saturator.render(in, c.withOversampling(1)).channel(0));
        double twice = aliasToHarmonicDb(Saturator.render(in, c).channel(0));
        assertThat(twice).isLessThan(plain - DIGITAL_CLIP_OVERSAMPLING_GAIN_DB);
    }

    private static double aliasToHarmonicDb(float[] y) {
        double[] p = Signals.powerSpectrum(y, 10_000, 441);
        double harmonic = 0;
        double alias = 0;
        for (int k = 1; k < p.length; k++) {
            if (k % 50 == 0) {
                harmonic += p[k];
            } else {
                alias += p[k];
            }
        }
        return 10 * Math.log10(alias / harmonic);
    }

    @Test
    void preDcFilterRemovesAnOffset() {
        float[] x = new float[RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.2 + 0.3 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        AudioBuffer in = AudioBuffer.mono(x, RATE);
        DeviceSettings s = plain("Digital Clip").with("Pre Dc Filter", "On");
        float[] y = new Saturator().render(in, s).channel(0);
        double mean = 0;
        for (int i = RATE / 2; i < RATE; i++) { // 16 time constants of the 5 Hz high-pass later
            mean += y[i];
        }
        mean /= RATE / 2.0;
        assertThat(mean).isCloseTo(0.0, within(1e-4));
    }

    @Test
    void catalogUsesLiveNamesAndTheDonorEncodings() {
        assertThat(SPEC.param("Type").items()).containsExactly("Analog Clip", "Soft Sine", "Bass Shaper",
                "Medium Curve", "Hard Curve", "Sinoid Fold", "Digital Clip", "Waveshaper");
        assertThat(SPEC.param("Type").items()).hasSize(SaturatorCurve.values().length);
        ParamSpec drive = SPEC.param("Drive");
        assertThat(drive.toLom(0)).isEqualTo(0.5); // LOM default 0.5 = 0 dB
        assertThat(drive.xmlElement()).isEqualTo("PreDrive");
        assertThat(SPEC.param("Output").toLom(0)).isEqualTo(1.0);
        assertThat(SPEC.param("Dry/Wet").toXml(35)).isCloseTo(0.35, within(1e-12));
        assertThat(SPEC.param("WS Linearity").xmlElement()).isEqualTo("WsLin");
    }

    @Test
    void monoRendersLikeOneChannelOfStereo() {
        AudioBuffer stereo = DeviceContract.testSignal();
        float[] a = new Saturator().render(stereo, typicalSettings()).channel(0);
        float[] b = new Saturator().render(AudioBuffer.mono(stereo.channel(0), RATE), typicalSettings()).channel(0);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-6f)); // the linear stages differ in structure only
        }
    }

    @Test
    void rendersEmptyAndVeryShortBuffers() {
        for (int frames : new int[] {0, 1, 2, 5, 13}) {
            AudioBuffer in = DeviceContract.testSignal().withFrames(frames);
            AudioBuffer out = new Saturator().render(in, typicalSettings());
            assertThat(out.frames()).isEqualTo(frames);
            assertThat(out.isFinite()).isTrue();
        }
    }

    @Test
    void controlsStayInRangeForThetaAtZeroOneAndRandom() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            DeviceSettings s = SPEC.defaults();
            for (ParamSpec p : SPEC.params()) {
                double theta = trial == 0 ? 0 : trial == 1 ? 1 : random.nextDouble();
                s = s.withNormalized(p.name(), theta);
            }
            SaturatorControls c = Saturator.controls(s, RATE);
            assertThat(c.driveGain()).isBetween(Math.pow(10, -36 / 20.0) - 1e-12, Math.pow(10, 36 / 20.0) + 1e-9);
            assertThat(c.outputGain()).isBetween(Math.pow(10, -36 / 20.0) - 1e-12, 1.0);
            assertThat(c.dryWet()).isBetween(0.0, 1.0);
            assertThat(c.bassThreshold()).isBetween(Math.pow(10, -50 / 20.0) - 1e-12, 1.0);
            assertThat(c.colorPre()).hasSameSizeAs(c.colorPost());
            for (Biquad q : c.colorPre()) {
                assertThat(q.isStable()).as("pre %s", s).isTrue();
            }
            for (Biquad q : c.colorPost()) {
                assertThat(q.isStable()).as("inverse %s", s).isTrue();
            }
            if (c.dcFilter() != null) {
                assertThat(c.dcFilter().isStable()).isTrue();
            }
            AudioBuffer out = Saturator.render(DeviceContract.testSignal(), c);
            assertThat(out.isFinite()).isTrue();
        }
    }

    /**
     * Compares away from the ends: the zero-phase half-band filters see the zero padding beyond
     * the buffer, which rings for their half-length (7 samples) where a signal starts abruptly.
     */
    private static void assertClose(AudioBuffer actual, AudioBuffer expected, double tolerance) {
        assertClose(actual, expected, tolerance, 30);
    }

    private static void assertClose(AudioBuffer actual, AudioBuffer expected, double tolerance, int edge) {
        for (int c = 0; c < expected.channelCount(); c++) {
            for (int i = edge; i < expected.frames() - edge; i++) {
                assertThat((double) actual.channel(c)[i]).as("channel %d sample %d", c, i)
                        .isCloseTo(expected.channel(c)[i], within(tolerance));
            }
        }
    }
}
