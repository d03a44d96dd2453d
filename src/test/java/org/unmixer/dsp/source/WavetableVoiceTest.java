package org.unmixer.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.params.DeviceSettings;

class WavetableVoiceTest {
    private static final int FS = 44_100;
    private static final Wavetable BASIC = Wavetables.find("Basics", "Basic Shapes");
    /** Positions of the pure shapes in Basic Shapes (frames 0, 11, 22, 33 of 34). */
    private static final double SINE = 0;
    private static final double SAW = 22 / 33.0 * 100;
    private static final double SQUARE = 100;

    /** Aliasing floor the raw oscillator must stay under, relative to full scale. */
    private static final double ALIAS_FLOOR_DBFS = -60;
    /** Bins excluded around each harmonic: the Blackman-Harris main lobe is ±4 bins, plus margin. */
    private static final int HARMONIC_GUARD_BINS = 6;
    /**
     * Sine oscillator vs sin(2πft): linear interpolation of a 2048-point sine table errs by at most
     * (π/2048)²/2 ≈ 1.2e-6, output is float (6e-8); 1e-5 leaves room for both.
     */
    private static final double SINE_TOLERANCE = 1e-5;
    /** Frequency from zero crossings over ~1 s: interpolation error of crossing instants ~1e-6 relative. */
    private static final double PITCH_RELATIVE_TOLERANCE = 1e-5;
    /** Filter gain measured by windowed DFT of output/input vs analytic: leakage from other partials is < −90 dB. */
    private static final double FILTER_TOLERANCE_DB = 0.1;

    /** Held note, no envelope shaping, 0 dB everywhere, filter off: the raw oscillator. */
    private static DeviceSettings raw(Map<String, ?> extra) {
        return WavetableDevice.spec().settings(Map.of(
                "Filter 1 On", "Off", "Amp Attack", 0.0, "Amp Sustain", 0.0, "Volume", 0.0))
                .with(extra);
    }

    private static AudioBuffer play(DeviceSettings s, int midi, double seconds) {
        return WavetableVoice.render(s, BASIC, BASIC, new Note(midi, 127, seconds), seconds, FS);
    }

    @ParameterizedTest(name = "position {1} % at MIDI {0}")
    @CsvSource({"99, 66.66666666666667", "99, 100", "96, 66.66666666666667", "87, 100", "60, 66.66666666666667",
            "36, 100"})
    void rawOscillatorHasNoAliasingAboveMinus60Dbfs(int midi, double position) {
        AudioBuffer out = play(raw(Map.of("Osc 1 Pos", position)), midi, 1.0);
        double f0 = Note.midiToHz(midi);
        int n = 1 << 15;
        double[] db = Spectra.dbfs(out.channel(0), 2048, n);
        double binHz = FS / (double) n;
        double worst = -400;
        double fundamental = db[(int) Math.round(f0 / binHz)];
        for (int k = 1; k < db.length; k++) {
            double f = k * binHz;
            double nearestHarmonic = Math.max(1, Math.round(f / f0)) * f0;
            if (Math.abs(f - nearestHarmonic) <= HARMONIC_GUARD_BINS * binHz) {
                continue;
            }
            worst = Math.max(worst, db[k]);
        }
        assertThat(fundamental).as("the oscillator sounds").isGreaterThan(-12);
        assertThat(worst).as("largest non-harmonic bin").isLessThan(ALIAS_FLOOR_DBFS);
    }

    @Test
    void sinePositionIsSinOfTwoPiFt() {
        AudioBuffer out = play(raw(Map.of("Osc 1 Pos", SINE)), 69, 0.5);
        for (int c = 0; c < 2; c++) {
            float[] x = out.channel(c);
            for (int i = 64; i < x.length; i++) {
                assertThat((double) x[i]).isCloseTo(Math.sin(2 * Math.PI * 440 * i / FS), within(SINE_TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "Transp {0} st, Detune {1} ct, Transpose {2} st")
    @CsvSource({"0, 0, 0", "7, 0, 0", "-12, 25, 0", "3, -50, -12", "24, 50, 12"})
    void transposeAndDetuneGiveTheEqualTemperedPitch(double transp, double detune, double transpose) {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Osc 1 Transp", transp, "Osc 1 Detune", detune,
                "Transpose", transpose));
        AudioBuffer out = play(s, 57, 1.0);
        double expected = 220 * Math.pow(2, (transp + detune / 100 + transpose) / 12);
        double measured = Spectra.zeroCrossingHz(out.channel(0), 0, out.frames(), FS);
        assertThat(measured).isCloseTo(expected, within(expected * PITCH_RELATIVE_TOLERANCE));
    }

    @Test
    void subOscillatorIsASineOneOctaveDownByDefault() {
        DeviceSettings s = raw(Map.of("Osc 1 On", "Off", "Sub On", "On", "Sub Gain", -6.0));
        AudioBuffer out = play(s, 69, 0.5);
        double gain = Math.pow(10, -6 / 20.0);
        float[] x = out.channel(1);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) x[i]).isCloseTo(gain * Math.sin(2 * Math.PI * 220 * i / FS), within(SINE_TOLERANCE));
        }
        AudioBuffer twoDown = play(s.with("Sub Transpose", "-2"), 69, 1.0);
        assertThat(Spectra.zeroCrossingHz(twoDown.channel(0), 0, twoDown.frames(), FS))
                .isCloseTo(110, within(110 * PITCH_RELATIVE_TOLERANCE));
    }

    @Test
    void subToneAddsOddHarmonicsAtToneOverH() {
        DeviceSettings s = raw(Map.of("Osc 1 On", "Off", "Sub On", "On", "Sub Gain", 0.0, "Sub Tone", 60.0,
                "Sub Transpose", "0"));
        AudioBuffer out = play(s, 57, 1.0);
        int n = 1 << 15;
        for (int h : new int[] {1, 2, 3, 5, 7, 9}) {
            double[] a = Spectra.amplitudeAt(out.channel(0), 1024, n, 220.0 * h, FS);
            double expected = h == 1 ? 1 : (h % 2 == 1 && h <= 7 ? 0.6 / h : 0);
            assertThat(Math.hypot(a[0], a[1])).as("harmonic %d", h).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void panUsesTheBalanceLawAndOscillatorsAdd() {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Osc 1 Pan", -100.0,
                "Osc 2 On", "On", "Osc 2 Pos", SINE, "Osc 2 Transp", 12.0, "Osc 2 Pan", 50.0, "Osc 2 Gain", -6.0));
        AudioBuffer out = play(s, 69, 0.5);
        double g2 = Math.pow(10, -6 / 20.0);
        for (int i = 0; i < out.frames(); i++) {
            double t = i / (double) FS;
            double o1 = Math.sin(2 * Math.PI * 440 * t);
            double o2 = Math.sin(2 * Math.PI * 880 * t);
            assertThat((double) out.channel(0)[i]).isCloseTo(o1 + 0.5 * g2 * o2, within(2 * SINE_TOLERANCE));
            assertThat((double) out.channel(1)[i]).isCloseTo(g2 * o2, within(2 * SINE_TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0} {1} dB, {2} Hz, Res {3} %, Morph {4} %")
    @CsvSource({"Lowpass, 12, 1000, 0, 0", "Lowpass, 24, 1000, 60, 0", "Highpass, 24, 2500, 30, 0",
            "Bandpass, 12, 1500, 100, 0", "Notch, 24, 1800, 20, 0", "Morph, 12, 1200, 50, 35",
            "Morph, 24, 900, 80, 80"})
    void filterShapesTheSpectrumAsItsAnalyticResponse(String type, String slope, double hz, double res, double morph) {
        DeviceSettings dry = raw(Map.of("Osc 1 Pos", SAW));
        DeviceSettings wet = dry.with(Map.of("Filter 1 On", "On", "Filter 1 Type", type, "Filter 1 Slope", slope,
                "Filter 1 Freq", hz, "Filter 1 Res", res, "Filter 1 Morph", morph));
        int midi = 45; // 110 Hz: partials every 110 Hz up to the band limit
        AudioBuffer in = play(dry, midi, 1.0);
        AudioBuffer out = play(wet, midi, 1.0);
        WavetableControls.Filter f = WavetableControls.from(wet).filter();
        int n = 1 << 15;
        int from = out.frames() - n; // steady state: the filter's start transient has decayed
        int partials = Wavetable.harmonicsAt(Wavetable.levelFor(110, FS)); // the mip level's band: 128 partials
        for (int h = 1; h <= partials; h += 3) {
            double hz0 = 110.0 * h;
            double[] a = Spectra.amplitudeAt(in.channel(0), from, n, hz0, FS);
            double[] b = Spectra.amplitudeAt(out.channel(0), from, n, hz0, FS);
            double measured = 20 * Math.log10(Math.hypot(b[0], b[1]) / Math.hypot(a[0], a[1]));
            double expected = VoiceFilter.magnitudeDb(f, hz0, FS);
            if (expected < -60) {
                continue; // deep in the stop band the ratio is float noise over float noise
            }
            assertThat(measured).as("partial %d (%.0f Hz)", h, hz0).isCloseTo(expected, within(FILTER_TOLERANCE_DB));
        }
    }

    @Test
    void renderedEnvelopeFollowsTheAdsrThroughTheControlRateRamps() {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Amp Attack", 100.0, "Amp Decay", 200.0,
                "Amp Sustain", -6.0, "Amp Release", 300.0, "Amp A Slope", 0.0, "Amp D Slope", 50.0, "Amp R Slope", 50.0));
        double gate = 0.6;
        AudioBuffer out = WavetableVoice.render(s, BASIC, BASIC, new Note(69, 127, gate), 1.2, FS);
        AmpEnvelope env = WavetableControls.from(s).envelope();
        float[] x = out.channel(0);
        double maxDeviation = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) FS;
            double carrier = Math.sin(2 * Math.PI * 440 * t);
            double expected = env.level(t, gate) * carrier;
            maxDeviation = Math.max(maxDeviation, Math.abs(x[i] - expected));
            // exactly what the ramps between 32-sample control points give
            assertThat((double) x[i]).isCloseTo(WavetableVoice.renderedEnvelopeAt(env, gate, FS, i) * carrier,
                    within(SINE_TOLERANCE));
        }
        // between control points the ramp departs from the curve by far less than a percent of full scale
        assertThat(maxDeviation).isLessThan(0.01);
        // attack: linear, reaching the peak at 100 ms
        assertThat(peakAround(x, 0.100)).isCloseTo(1, within(0.01));
        assertThat(peakAround(x, 0.050)).isCloseTo(0.5, within(0.01));
        // sustain −6 dB held until the gate
        assertThat(peakAround(x, 0.45)).isCloseTo(Math.pow(10, -6 / 20.0), within(1e-4));
        // release: silent (−60 dB and below) by gate + release
        assertThat(peakAround(x, gate + 0.301)).isLessThan(1e-3);
        assertThat(peakAround(x, 1.1)).isZero();
    }

    @Test
    void linearAttackIsAStraightLineInTheOutput() {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Amp Attack", 200.0, "Amp A Slope", 0.0));
        AudioBuffer out = play(s, 69, 0.3);
        float[] x = out.channel(0);
        for (int i = 0; i < (int) (0.19 * FS); i++) {
            double carrier = Math.sin(2 * Math.PI * 440 * i / (double) FS);
            if (Math.abs(carrier) > 0.5) {
                assertThat(x[i] / carrier).isCloseTo(i / (0.2 * FS), within(1e-4));
            }
        }
    }

    @Test
    void velocityAndVolumeScaleTheOutput() {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Volume", -12.0));
        AudioBuffer loud = play(s, 69, 0.2);
        AudioBuffer soft = WavetableVoice.render(s, BASIC, BASIC, new Note(69, 64, 0.2), 0.2, FS);
        assertThat((double) loud.peak()).isCloseTo(Math.pow(10, -12 / 20.0), within(1e-4));
        assertThat((double) soft.peak() / loud.peak()).isCloseTo(64 / 127.0, within(1e-5));
    }

    @Test
    void defaultPatchRendersStereoDeterministicallyWithTheRequestedLength() {
        DeviceSettings s = WavetableDevice.spec().defaults().with(Map.of("Osc 2 On", "On", "Osc 2 Pan", 30.0,
                "Sub On", "On", "Filter 1 Slope", "24", "Filter 1 Freq", 800.0, "Filter 1 Res", 50.0));
        Note note = new Note(48, 100, 0.4);
        AudioBuffer a = WavetableVoice.render(s, BASIC, Wavetables.find("Formant", "Formant Sweep"), note, 1.0, FS);
        AudioBuffer b = WavetableVoice.render(s, BASIC, Wavetables.find("Formant", "Formant Sweep"), note, 1.0, FS);
        assertThat(a.frames()).isEqualTo(FS);
        assertThat(a.channelCount()).isEqualTo(2);
        assertThat(a.isFinite()).isTrue();
        assertThat(a.peak()).isGreaterThan(0.01f).isLessThan(4f);
        assertThat(a).isEqualTo(b);
        assertThat(a.channel(0)).as("panned oscillator 2 makes the channels differ").isNotEqualTo(a.channel(1));
        assertThat(WavetableVoice.render(s, BASIC, BASIC, note, 1.0, 48_000).frames()).isEqualTo(48_000);
    }

    /** Largest |x| within ±2 ms of {@code seconds} (several cycles of 440 Hz... at least one peak). */
    private static double peakAround(float[] x, double seconds) {
        int c = (int) Math.round(seconds * FS);
        int half = (int) (0.0012 * FS);
        double p = 0;
        for (int i = Math.max(0, c - half); i < Math.min(x.length, c + half); i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }

    @Test
    void classicUnisonSpreadsDetunedCopiesAlternatelyLeftAndRight() {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Unison Amount", 100.0));
        AudioBuffer out = WavetableVoice.render(s, BASIC, BASIC, new Note(69, 127, 1.0), 1.0, FS,
                new Unison(Unison.Mode.CLASSIC, 3));
        int n = 1 << 15;
        double[] cents = {-50, 0, 50};
        double[][] expected = {{1, 0.5}, {0.5, 1}, {1, 0.5}}; // copy j: balance at ∓0.5, left/right gain
        for (int j = 0; j < 3; j++) {
            double hz = 440 * Math.pow(2, cents[j] / 1200);
            for (int c = 0; c < 2; c++) {
                double[] a = Spectra.amplitudeAt(out.channel(c), 2048, n, hz, FS);
                assertThat(Math.hypot(a[0], a[1])).as("copy %d channel %d", j, c)
                        .isCloseTo(expected[j][c] / Math.sqrt(3), within(1e-3));
            }
        }
        AudioBuffer again = WavetableVoice.render(s, BASIC, BASIC, new Note(69, 127, 1.0), 1.0, FS,
                new Unison(Unison.Mode.CLASSIC, 3));
        assertThat(again).as("seeded phases: deterministic").isEqualTo(out);
    }

    @Test
    void phaseSyncStartsEveryCopyAtZeroAndNoUnisonIsThePlainVoice() {
        DeviceSettings s = raw(Map.of("Osc 1 Pos", SINE, "Unison Amount", 40.0));
        Note note = new Note(60, 127, 0.3);
        AudioBuffer synced = WavetableVoice.render(s, BASIC, BASIC, note, 0.3, FS, new Unison(Unison.Mode.PHASE_SYNC, 4));
        AudioBuffer classic = WavetableVoice.render(s, BASIC, BASIC, note, 0.3, FS, new Unison(Unison.Mode.CLASSIC, 4));
        assertThat(synced.channel(0)[0]).isZero();
        assertThat(Math.abs(classic.channel(0)[0])).as("random start phases").isGreaterThan(1e-3f);
        // all copies in phase at the start: the first samples add up like one sine of amplitude 4·(1/√4)·0.75
        double t = 5.0 / FS;
        assertThat((double) synced.channel(0)[5]).isCloseTo(2 * 0.75 * Math.sin(2 * Math.PI * Note.midiToHz(60) * t),
                within(1e-3));
        assertThat(WavetableVoice.render(s, BASIC, BASIC, note, 0.3, FS, Unison.NONE))
                .isEqualTo(WavetableVoice.render(s, BASIC, BASIC, note, 0.3, FS));
    }
}
