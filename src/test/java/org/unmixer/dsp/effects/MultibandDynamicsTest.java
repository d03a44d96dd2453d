package org.unmixer.dsp.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.DeviceContract;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.dyn.LinkwitzRiley;
import org.unmixer.dsp.filter.BiquadFilter;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;

class MultibandDynamicsTest implements DeviceContract {
    private static final DeviceSpec SPEC = Catalog.standard().device("Multiband Dynamics");
    /** Flatness of the unprocessed band sum (LR4 sums to an all-pass: exactly 0 dB up to rounding). */
    private static final double FLAT_DB = 0.1;
    /**
     * Static-curve agreement. The RMS detector's one-pole (10 ms) leaves a ripple of ≈0.05 dB on a
     * 700 Hz tone and the gain ramps between 32-sample control blocks; 0.2 dB covers both.
     */
    private static final double STATIC_CURVE_DB = 0.2;
    /**
     * Time-constant agreement: 32-sample level updates (0.73 ms), applied one block early by the
     * control-path look-ahead, against τ ≥ 20 ms give ≤ 4 %.
     */
    private static final double TIME_CONSTANT_RELATIVE = 0.1;

    @Override
    public Effect effect() {
        return new MultibandDynamics();
    }

    @Override
    public DeviceSettings typicalSettings() {
        return SPEC.preset(MultibandDynamics.OTT_PRESET);
    }

    @Test
    void catalogEncodesCrossoversAndTimesAsLog10() {
        assertThat(SPEC.param("Mid-High Crossover").fromLom(3.3979)).isCloseTo(2500, offset(1.0));
        assertThat(SPEC.param("Mid-High Crossover").toLom(2500)).isCloseTo(3.3979, offset(1e-4));
        assertThat(SPEC.param("Low-Mid Crossover").toLom(120)).isCloseTo(2.0792, offset(1e-4));
        assertThat(SPEC.param("Attack Time (Low)").lomMin()).isCloseTo(-1, offset(1e-9));
        assertThat(SPEC.param("Attack Time (Low)").lomMax()).isCloseTo(3.69897, offset(1e-5));
        assertThat(SPEC.param("Time Scaling").toLom(10)).isCloseTo(1, offset(1e-12));
        assertThat(SPEC.param("Amount").toLom(21)).isCloseTo(0.21, offset(1e-12));
    }

    @Test
    void ottPresetHoldsTheTabulatedValues() {
        DeviceSettings ott = SPEC.preset("ott");
        assertThat(ott.get("Low-Mid Crossover")).isEqualTo(88.28);
        assertThat(ott.get("Above Ratio (High)")).isEqualTo(-1);
        assertThat(ott.get("Below Ratio (Mid)")).isEqualTo(0.76);
        assertThat(ott.get("Master Output")).isEqualTo(19.1);
        assertThat(ott.get("Amount")).isEqualTo(100);
        assertThat(ott.isOn("Soft Knee On/Off")).isTrue();
        assertThat(ott.item("Peak/RMS Mode")).isEqualTo("RMS");
    }

    @Test
    void neutralDeviceIsTheCrossoverAllPassFlatWithinATenthOfADb() {
        DeviceSettings neutral = SPEC.preset("OTT").with("Amount", 0.0)
                .with(Map.of("Output Gain (Low)", 0.0, "Output Gain (Mid)", 0.0, "Output Gain (High)", 0.0,
                        "Input Gain (Low)", 0.0, "Input Gain (Mid)", 0.0, "Input Gain (High)", 0.0,
                        "Master Output", 0.0));
        int n = 1 << 15;
        AudioBuffer out = new MultibandDynamics().render(new AudioBuffer(Spectrum.impulse(2, n), RATE), neutral);
        for (double f : Spectrum.logGrid(20, 20_000, 200)) {
            assertThat(Spectrum.magnitudeDb(out.channel(0), f, RATE)).as("%.1f Hz", f).isCloseTo(0, offset(FLAT_DB));
        }
        float[] impulse = Spectrum.impulse(1, n)[0];
        float[] allPass = BiquadFilter.apply(impulse,
                LinkwitzRiley.allPass(88.28, RATE), LinkwitzRiley.allPass(2500, RATE));
        for (int i = 0; i < n; i++) {
            assertThat(out.channel(1)[i]).isCloseTo(allPass[i], offset(1e-6f));
        }
    }

    /** A single-band compressor: Low and High switched off so the Mid band processes everything. */
    private static DeviceSettings singleBand(Map<String, Object> mid) {
        Map<String, Object> s = new HashMap<>(mid);
        s.put("Band Activator (Low)", "Off");
        s.put("Band Activator (High)", "Off");
        s.put("Amount", 100.0);
        return SPEC.settings(s);
    }

    private static AudioBuffer sine(double hz, double amplitude, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return new AudioBuffer(new float[][] {x, x.clone()}, RATE);
    }

    private static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    /** Giannoulis et al. (2012) quadratic-knee static curve, Above and Below sides (§4.4). */
    static double expectedOutputDb(double x, double ta, double sa, double tb, double sb, double w) {
        double y = x;
        if (w > 0 && Math.abs(x - ta) <= w / 2) {
            y += (sa - 1) * Math.pow(x - ta + w / 2, 2) / (2 * w);
        } else if (x > ta) {
            y += (sa - 1) * (x - ta);
        }
        if (w > 0 && Math.abs(x - tb) <= w / 2) {
            y -= (sb - 1) * Math.pow(x - tb - w / 2, 2) / (2 * w);
        } else if (x < tb) {
            y += (sb - 1) * (x - tb);
        }
        return y;
    }

    @ParameterizedTest(name = "Above {0} dB r={1}, Below {2} dB r={3}, knee {4}")
    @CsvSource({
        "-30, -0.75, -50, 0.5, Off", // 4:1 downward, 1:2 upward
        "-30.25, -0.985, -41.75, 0.76, Off", // OTT's mid band: 66.7:1 and 1:4.17
        "-30.25, -0.985, -41.75, 0.76, On", // the same with the 6 dB soft knee
        "-20, 0.5, -60, -1, Off", // 1:1.5 upward expansion, 1:2 downward expansion
    })
    void staticCurveMatchesTheAboveBelowFormulaOnSteppedSineLevels(
            double ta, double ra, double tb, double rb, String knee) {
        DeviceSettings s = singleBand(Map.of("Above Threshold (Mid)", ta, "Above Ratio (Mid)", ra,
                "Below Threshold (Mid)", tb, "Below Ratio (Mid)", rb, "Soft Knee On/Off", knee,
                "Attack Time (Mid)", 1.0, "Release Time (Mid)", 5.0));
        double w = knee.equals("On") ? MultibandDynamicsControls.SOFT_KNEE_DB : 0;
        int frames = (int) (0.3 * RATE);
        for (double levelDb = -70; levelDb <= -5; levelDb += 2.5) {
            double amplitude = Math.pow(10, levelDb / 20) * Math.sqrt(2); // RMS level = levelDb
            AudioBuffer in = sine(700, amplitude, frames);
            AudioBuffer out = new MultibandDynamics().render(in, s);
            double gainDb = rmsDb(out.channel(0), frames - 4410, frames) - rmsDb(in.channel(0), frames - 4410, frames);
            double y = expectedOutputDb(levelDb, ta, 1 + ra, tb, 1 - rb, w);
            assertThat(gainDb).as("input %.1f dB", levelDb).isCloseTo(y - levelDb, offset(STATIC_CURVE_DB));
        }
    }

    @Test
    void ottHelperReadsTheStandardCatalog() {
        assertThat(MultibandDynamics.ott()).isEqualTo(SPEC.preset("OTT"));
    }

    @Test
    void randomSettingsGiveFiniteOutput() {
        SplittableRandom r = new SplittableRandom(17);
        AudioBuffer in = DeviceContract.testSignal();
        for (int trial = 0; trial < 20; trial++) {
            DeviceSettings s = SPEC.defaults();
            for (var p : SPEC.params()) {
                s = s.withNormalized(p.name(), r.nextDouble());
            }
            MultibandDynamicsControls c = MultibandDynamicsControls.from(s);
            assertThat(c.lowMidHz()).isBetween(30.0, 3000.0);
            assertThat(c.midHighHz()).isBetween(300.0, 15000.0);
            for (var band : c.bands()) {
                assertThat(band.attackMs()).isBetween(0.01, 50_000.0);
                assertThat(band.releaseMs()).isBetween(0.01, 50_000.0);
            }
            AudioBuffer out = new MultibandDynamics().render(in, s);
            assertThat(out.isFinite()).as("settings %s", s).isTrue();
        }
    }

    /**
     * Gain in dB per 8-sample block of a sine at fs/8 (one period per block; a 32-sample control
     * block holds four, so the Peak detector sees the same maximum in every block), measured against
     * the same routing with Amount 0, so the crossover all-pass and its transients cancel out.
     */
    private static double[] blockGainsDb(AudioBuffer in, DeviceSettings s) {
        AudioBuffer out = new MultibandDynamics().render(in, s);
        AudioBuffer ref = new MultibandDynamics().render(in, s.with("Amount", 0.0));
        int blocks = in.frames() / 8;
        double[] g = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            g[k] = rmsDb(out.channel(0), 8 * k, 8 * k + 8) - rmsDb(ref.channel(0), 8 * k, 8 * k + 8);
        }
        return g;
    }

    private static AudioBuffer steppedSine(int[] edges, double[] amplitudes) {
        int frames = edges[edges.length - 1];
        float[] x = new float[frames];
        int seg = 0;
        for (int i = 0; i < frames; i++) {
            while (i >= edges[seg]) {
                seg++;
            }
            x[i] = (float) (amplitudes[seg] * Math.cos(2 * Math.PI * i / 8.0));
        }
        return new AudioBuffer(new float[][] {x, x.clone()}, RATE);
    }

    /**
     * Seconds from block {@code from} until the detector's mean square {@code m} has covered 63 % of
     * its way to {@code finalMs}, starting from its value five 8-sample blocks before {@code from}
     * (the gain ramp into a step begins one 32-sample control block early, see
     * {@link MultibandDynamics}).
     */
    private static double timeTo63Percent(double[] m, int from, double finalMs) {
        double start = m[from - 5];
        for (int k = from; k < m.length; k++) {
            if (Math.abs(m[k] - start) >= (1 - Math.exp(-1)) * Math.abs(finalMs - start)) {
                return (8 * k + 4 - 8 * from) / (double) RATE;
            }
        }
        throw new AssertionError("never reached 63 %");
    }

    @Test
    void detectorMeanSquareFollowsAttackWhenRisingAndReleaseWhenFallingTimesTimeScaling() {
        double attackMs = 10;
        double releaseMs = 40;
        double timeScaling = 2;
        // a 1:2 "Above" slope from −80 dB and no knee: gain = −(L + 80)/2 dB, so L = −80 − 2·gain
        double threshold = -80;
        double slope = 0.5;
        DeviceSettings s = singleBand(Map.of("Above Threshold (Mid)", threshold, "Above Ratio (Mid)", slope - 1,
                "Attack Time (Mid)", attackMs, "Release Time (Mid)", releaseMs,
                "Time Scaling", timeScaling, "Peak/RMS Mode", "RMS", "Soft Knee On/Off", "Off"));
        // mean square −60 dB → −10 dB → −60 dB (a cosine at fs/8 has amplitude² / 2 in every block)
        double quiet = Math.sqrt(2e-6);
        double loud = Math.sqrt(2e-1);
        int[] edges = {4096, 4096 + 16384, 4096 + 16384 + 32768};
        double[] g = blockGainsDb(steppedSine(edges, new double[] {quiet, loud, quiet}), s);
        double[] meanSquare = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            meanSquare[k] = Math.pow(10, (threshold + g[k] / (slope - 1)) / 10);
        }
        int attackBlock = edges[0] / 8;
        int releaseBlock = edges[1] / 8;
        assertThat(10 * Math.log10(meanSquare[attackBlock - 5])).isCloseTo(-60, offset(0.5));
        assertThat(10 * Math.log10(meanSquare[releaseBlock - 5])).isCloseTo(-10, offset(0.5));
        double tauA = attackMs * timeScaling * 1e-3;
        double tauR = releaseMs * timeScaling * 1e-3;
        assertThat(timeTo63Percent(meanSquare, attackBlock, 0.1)).isCloseTo(tauA, offset(TIME_CONSTANT_RELATIVE * tauA));
        assertThat(timeTo63Percent(meanSquare, releaseBlock, 1e-6)).isCloseTo(tauR, offset(TIME_CONSTANT_RELATIVE * tauR));
    }

    @Test
    void ottLiftsAQuietToneAndTamesALoudOne() {
        DeviceSettings ott = SPEC.preset("OTT");
        int frames = RATE;
        AudioBuffer quiet = sine(500, 0.01, frames); // −40 dBFS peak, well inside the mid band
        AudioBuffer loud = sine(500, 0.7, frames); // −3 dBFS peak
        int from = frames / 2;
        double quietGain = rmsDb(new MultibandDynamics().render(quiet, ott).channel(0), from, frames)
                - rmsDb(quiet.channel(0), from, frames);
        double loudGain = rmsDb(new MultibandDynamics().render(loud, ott).channel(0), from, frames)
                - rmsDb(loud.channel(0), from, frames);
        // §4.3/4.4 by hand: +30 dB of make-up (input 5.2 + output 5.7 + master 19.1); the quiet tone
        // (band level −41.8 dB) sits at the Below threshold, the loud one (−0.9 dB) is pulled down
        // ≈ 29 dB by the 66.7:1 Above processor → ≈ +1 dB in the mid band. The low and high bands'
        // LR4 leakage (≈ −60/−56 dB at 500 Hz) is lifted by their own ≈ +45 dB, adding up to ~4 dB.
        assertThat(quietGain).isGreaterThan(25);
        assertThat(loudGain).isBetween(0.0, 8.0);
        assertThat(quietGain - loudGain).isGreaterThan(20);
    }

    /**
     * Onset bound for a note after silence through OTT, from the level-follower law. The Below
     * (upward) boost is gone after the first control block; the 66.7:1 Above stage lags: t after the
     * onset its mean-square level is −10·log10(1 − e^(−t/τ)) dB short of the note's, and nearly all
     * of that shortfall passes as overshoot. The onset peak falls on the first crest of the waveform
     * (t = T/2 for a sawtooth starting at 0; within the first 0.73 ms control block for a 500 Hz sine,
     * whose gain is that of the block's end), and τ is the attack of the band holding the fundamental.
     * The bound is that shortfall rounded up to whole dB plus 1 dB for the other bands' contributions:
     * 9 dB for the sawtooths, 16 dB for the sine (measured 6.7, 8.6 and 11.7 dB). The old law, the gain
     * smoothed in dB from the +30 dB silence boost, gave 35.6, 36.8 and 43.2 dB.
     */
    private static double onsetBoundDb(double crestMs, double attackMs) {
        double t = Math.max(crestMs, MultibandDynamics.CONTROL_BLOCK * 1e3 / RATE);
        return Math.ceil(-10 * Math.log10(1 - Math.exp(-t / attackMs))) + 1;
    }

    /** Band-limited sawtooth at {@code hz} (harmonics below 20 kHz), scaled to a peak of {@code peak}. */
    private static float[] saw(double hz, double peak, int frames) {
        double[] x = new double[frames];
        for (int k = 1; k * hz < 20_000; k++) {
            double w = 2 * Math.PI * k * hz / RATE;
            double a = (k % 2 == 1 ? 1.0 : -1.0) / k;
            for (int i = 0; i < frames; i++) {
                x[i] += a * Math.sin(w * i);
            }
        }
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        float[] y = new float[frames];
        for (int i = 0; i < frames; i++) {
            y[i] = (float) (peak * x[i] / max);
        }
        return y;
    }

    private static double peakDb(float[] x, int from, int to) {
        double max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(x[i]));
        }
        return 20 * Math.log10(max);
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @CsvSource({"saw, 110, Mid", "sine, 500, Mid", "saw, 55, Low"})
    void ottOnsetAfterSilenceOvershootsOnlyByTheAboveStagesAttackLag(String shape, double hz, String band) {
        int silence = RATE / 2;
        int note = RATE / 2;
        double peak = 0.5; // −6 dBFS
        float[] x = new float[silence + note];
        float[] tone = shape.equals("saw") ? saw(hz, peak, note) : sine(hz, peak, note).channel(0);
        System.arraycopy(tone, 0, x, silence, note);
        AudioBuffer out = new MultibandDynamics().render(new AudioBuffer(new float[][] {x, x.clone()}, RATE),
                SPEC.preset(MultibandDynamics.OTT_PRESET));
        float[] y = out.channel(0);
        double onsetDb = peakDb(y, silence, silence + RATE / 20);
        double steadyDb = peakDb(y, silence + note - RATE / 5, silence + note);
        double crestMs = shape.equals("saw") ? 500 / hz : 250 / hz;
        double attackMs = SPEC.preset(MultibandDynamics.OTT_PRESET).get("Attack Time (" + band + ")");
        assertThat(onsetDb - steadyDb).isLessThan(onsetBoundDb(crestMs, attackMs));
    }

    @Test
    void inactiveMidBandActsLikeANeutralMidBand() {
        DeviceSettings off = SPEC.preset("OTT").with("Band Activator (Mid)", "Off");
        DeviceSettings neutral = SPEC.preset("OTT").with(Map.of("Above Ratio (Mid)", 0.0, "Below Ratio (Mid)", 0.0,
                "Input Gain (Mid)", 0.0, "Output Gain (Mid)", 0.0));
        AudioBuffer in = DeviceContract.testSignal();
        AudioBuffer a = new MultibandDynamics().render(in, off);
        AudioBuffer b = new MultibandDynamics().render(in, neutral);
        for (int i = 0; i < in.frames(); i++) {
            assertThat(a.channel(0)[i]).isCloseTo(b.channel(0)[i], offset(1e-5f));
        }
        // and the outer bands still work: the result differs from the all-neutral device
        assertThat(a).isNotEqualTo(new MultibandDynamics().render(in, neutral.with("Amount", 0.0)));
    }

    @Test
    void inactiveOuterBandsMakeASingleBandProcessor() {
        // Low and High off: the Mid band's dynamics act on the whole spectrum (Live manual). Equal
        // 30 ms attack and release make the RMS detector a plain one-pole mean square, whose ripple at
        // 2 × 150 Hz is 0.07 dB; with the default 10 ms / 200 ms the asymmetric follower rides the
        // ripple's crests and limits a 150 Hz tone ≈ 2 dB harder (that is the detector, not the routing).
        DeviceSettings s = singleBand(Map.of("Above Threshold (Mid)", -30.0, "Above Ratio (Mid)", -1.0,
                "Attack Time (Mid)", 30.0, "Release Time (Mid)", 30.0));
        int frames = RATE / 2;
        // 150 Hz is shared between the Low (≈30 %) and Mid (≈70 %) bands at the default 120 Hz
        // crossover, 10 kHz lies in the High band.
        for (double hz : new double[] {150, 1000, 10_000}) {
            AudioBuffer in = sine(hz, 0.5, frames); // −9 dB RMS, limited to −30 dB
            double gainDb = rmsDb(new MultibandDynamics().render(in, s).channel(0), frames / 2, frames)
                    - rmsDb(in.channel(0), frames / 2, frames);
            assertThat(gainDb).as("%.0f Hz", hz).isCloseTo(-30 - (20 * Math.log10(0.5 / Math.sqrt(2))), offset(0.3));
        }
    }
}
