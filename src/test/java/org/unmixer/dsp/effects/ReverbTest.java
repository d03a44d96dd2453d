package org.unmixer.dsp.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.DeviceContract;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.BiquadFilter;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.dsp.reverb.DecayMeasures;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;

class ReverbTest implements DeviceContract {
    static final DeviceSpec SPEC = Catalog.standard().device("Reverb");

    /** RT60 measured by Schroeder integration within 10 % of Decay Time (the brief's bar). */
    private static final double RT60_TOLERANCE = 0.10;
    /** Predelay: the first reflection lands within 1 ms of the setting (whole-sample rounding). */
    private static final double PREDELAY_TOLERANCE_MS = 1.0;
    /** Anything below this is the numerical floor of silence before the first reflection. */
    private static final float SILENT = 1e-7f;
    /** Freeze: tail energy may wander by less than 1 dB over a second. */
    private static final double FREEZE_TOLERANCE_DB = 1.0;

    @Override
    public Effect effect() {
        return new Reverb();
    }

    @Override
    public DeviceSettings typicalSettings() {
        return SPEC.settings(Map.of("Decay Time", 1500.0, "Dry/Wet", 40.0, "Predelay", 12.0));
    }

    /** Wet only, broadband: input filters, loop filters, spin and chorus off. */
    static DeviceSettings plainWet() {
        return SPEC.settings(Map.of("Dry/Wet", 100.0, "In LowCut On", "Off", "In HighCut On", "Off",
                "HiFilter On", "Off", "LowShelf On", "Off", "ER Spin On", "Off", "Chorus On", "Off"));
    }

    static AudioBuffer impulse(double seconds) {
        float[][] ch = new float[2][(int) (seconds * RATE)];
        ch[0][0] = 1;
        ch[1][0] = 1;
        return new AudioBuffer(ch, RATE);
    }

    // ---- closed-form references ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(doubles = {500, 1200, 3000, 6000})
    void measuredRt60EqualsDecayTime(double decayMs) {
        DeviceSettings s = plainWet().with(Map.of("Decay Time", decayMs, "Reflect Level", -30.0));
        AudioBuffer ir = new Reverb().render(impulse(decayMs / 1000 * 1.2 + 0.3), s);
        double rt60 = DecayMeasures.rt60Seconds(RATE, ir.channel(0), ir.channel(1));
        assertThat(rt60).isCloseTo(decayMs / 1000, within(RT60_TOLERANCE * decayMs / 1000));
    }

    @Test
    void withDampingMidBandKeepsDecayTimeAndHighBandDecaysFaster() {
        double t60 = 2.0;
        DeviceSettings s = plainWet().with(Map.of("Decay Time", t60 * 1000, "Reflect Level", -30.0,
                "HiFilter On", "On", "HiFilter Type", "Shelving", "HiFilter Freq", 8000.0, "HiShelf Gain", 0.5,
                "LowShelf On", "On", "LowShelf Freq", 60.0, "LowShelf Gain", 0.5));
        AudioBuffer ir = new Reverb().render(impulse(t60 * 1.2 + 0.3), s);
        // octave-ish band at 1 kHz, two decades from both shelf corners: the shelves leave < 5 %
        double mid = bandRt60(ir, 1000);
        assertThat(mid).isCloseTo(t60, within(RT60_TOLERANCE * t60));
        // 18 kHz is 1.2 octaves above the high corner: a first-order shelf is not yet on its
        // plateau there, so the band decays between 0.5·T and T; require clearly faster than T
        double high = bandRt60(ir, 18000);
        assertThat(high).isBetween(0.5 * t60 * (1 - RT60_TOLERANCE), 0.8 * t60);
    }

    @Test
    void lowPassHiFilterShortensOnlyTheHighDecay() {
        double t60 = 2.0;
        DeviceSettings s = plainWet().with(Map.of("Decay Time", t60 * 1000, "Reflect Level", -30.0,
                "HiFilter On", "On", "HiFilter Type", "Low-pass", "HiFilter Freq", 2000.0));
        AudioBuffer ir = new Reverb().render(impulse(t60 * 1.2 + 0.3), s);
        // 100 Hz is 4.3 octaves below the corner: the one-pole low-pass passes it (−0.01 dB per pass)
        assertThat(bandRt60(ir, 100)).isCloseTo(t60, within(RT60_TOLERANCE * t60));
        // at 8 kHz the low-pass takes ≈ 12 dB per ~60 ms pass, on top of the 1.8 dB of the decay:
        // the band falls at least four times faster
        assertThat(bandRt60(ir, 8000)).isLessThan(t60 / 4);
    }

    @Test
    void lowShelfShortensOnlyTheLowDecay() {
        double t60 = 2.0;
        DeviceSettings s = plainWet().with(Map.of("Decay Time", t60 * 1000, "Reflect Level", -30.0,
                "LowShelf On", "On", "LowShelf Freq", 300.0, "LowShelf Gain", 0.3));
        AudioBuffer ir = new Reverb().render(impulse(t60 * 1.2 + 0.3), s);
        // 4 kHz is 3.7 octaves above the corner: the shelf is flat there
        assertThat(bandRt60(ir, 4000)).isCloseTo(t60, within(RT60_TOLERANCE * t60));
        // 50 Hz is 2.6 octaves below: most of the way to the 0.3·T plateau of a first-order shelf
        assertThat(bandRt60(ir, 50)).isBetween(0.3 * t60 * (1 - RT60_TOLERANCE), 0.7 * t60);
    }

    private static double bandRt60(AudioBuffer ir, double hz) {
        float[] l = BiquadFilter.apply(ir.channel(0), Biquads.bandPass(hz, 1.4, RATE), Biquads.bandPass(hz, 1.4, RATE));
        float[] r = BiquadFilter.apply(ir.channel(1), Biquads.bandPass(hz, 1.4, RATE), Biquads.bandPass(hz, 1.4, RATE));
        return DecayMeasures.rt60Seconds(RATE, l, r);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 10, 50, 120, 250})
    void firstReflectionArrivesAtThePredelay(double predelayMs) {
        AudioBuffer ir = new Reverb().render(impulse(0.4), plainWet().with("Predelay", predelayMs));
        int first = Integer.MAX_VALUE;
        for (int c = 0; c < 2; c++) {
            float[] x = ir.channel(c);
            for (int t = 0; t < x.length; t++) {
                if (Math.abs(x[t]) > SILENT) {
                    first = Math.min(first, t);
                    break;
                }
            }
        }
        assertThat(first * 1000.0 / RATE).isCloseTo(predelayMs, within(PREDELAY_TOLERANCE_MS));
    }

    @Test
    void echoDensityGrowsUntilTheTailIsGaussian() {
        // long decay so the envelope is nearly flat over the measuring windows (−1.5 dB in 0.3 s)
        DeviceSettings s = plainWet().with(Map.of("Decay Time", 12000.0, "Predelay", 0.5));
        AudioBuffer ir = new Reverb().render(impulse(0.6), s);
        float[] mono = ir.mixToMono();
        double early = DecayMeasures.kurtosis(mono, 0, (int) (0.030 * RATE));
        double late = DecayMeasures.kurtosis(mono, (int) (0.200 * RATE), (int) (0.500 * RATE));
        // the first 30 ms hold a handful of discrete reflections: heavy-tailed
        assertThat(early).isGreaterThan(10);
        // a diffuse tail is Gaussian (kurtosis 3); 13 000 correlated samples and a slight decay
        // leave about ±0.5
        assertThat(late).isCloseTo(3, within(0.5));
    }

    @Test
    void stereoImageZeroGivesIdenticalChannels() {
        AudioBuffer out = new Reverb().render(DeviceContract.testSignal(),
                SPEC.settings(Map.of("Stereo Image", 0.0, "Dry/Wet", 100.0)));
        assertThat(out.channel(0)).containsExactly(out.channel(1));
        AudioBuffer wide = new Reverb().render(DeviceContract.testSignal(),
                SPEC.settings(Map.of("Stereo Image", 120.0, "Dry/Wet", 100.0)));
        assertThat(wide.channel(0)).isNotEqualTo(wide.channel(1));
    }

    @Test
    void freezeHoldsTheTailsEnergy() {
        DeviceSettings s = plainWet().with(Map.of("Freeze On", "On", "Cut On", "Off", "Flat On", "On"));
        AudioBuffer out = new Reverb().render(burst(0.05, 2.0), s);
        int w = (int) (0.25 * RATE);
        double at05 = DecayMeasures.energyDb(out.channel(0), 2 * w, 3 * w);
        double at15 = DecayMeasures.energyDb(out.channel(0), 6 * w, 7 * w);
        assertThat(at15 - at05).isCloseTo(0, within(FREEZE_TOLERANCE_DB));
    }

    @Test
    void freezeWithCutKeepsTheInputOutOfTheTail() {
        DeviceSettings s = plainWet().with(Map.of("Freeze On", "On", "Cut On", "On", "Reflect Level", 0.0));
        AudioBuffer out = new Reverb().render(burst(0.05, 1.0), s);
        // after burst + ER span (≤ 60 ms at Size 100) + predelay nothing is left
        int from = (int) (0.2 * RATE);
        for (int c = 0; c < 2; c++) {
            for (int t = from; t < out.frames(); t++) {
                assertThat(out.channel(c)[t]).isZero();
            }
        }
        // and without Freeze the tail is there
        AudioBuffer normal = new Reverb().render(burst(0.05, 1.0), s.with("Freeze On", "Off"));
        assertThat(DecayMeasures.energyDb(normal.channel(0), from, normal.frames())).isGreaterThan(-60);
    }

    @Test
    void staysFiniteAndDecaysAtMaximumDecayAndDiffusion() {
        for (double size : new double[] {0.222, 100, 500}) {
            for (double scale : new double[] {5, 100}) {
                DeviceSettings s = SPEC.settings(Map.of("Decay Time", 60000.0, "Diffusion", 96.0, "Room Size", size,
                        "Scale", scale, "Density", "High", "Chorus On", "On", "Chorus Amount", 4.0, "Chorus Rate", 8.0,
                        "Dry/Wet", 100.0, "Diffuse Level", 6.0)).with("Reflect Level", 6.0);
                AudioBuffer out = new Reverb().render(burst(0.1, 2.0), s);
                assertThat(out.isFinite()).isTrue();
                assertThat(out.peak()).isLessThan(50f);
                // 60 s RT60 means −1 dB per second: energy may not grow once the burst is over
                double a = DecayMeasures.energyDb(out.channel(0), (int) (0.5 * RATE), (int) (1.0 * RATE));
                double b = DecayMeasures.energyDb(out.channel(0), (int) (1.5 * RATE), (int) (2.0 * RATE));
                assertThat(b).as("size %s scale %s", size, scale).isLessThan(a + 0.5);
            }
        }
    }

    /** Seeded white-noise burst of {@code burstSeconds}, then silence, stereo. */
    static AudioBuffer burst(double burstSeconds, double seconds) {
        float[][] ch = new float[2][(int) (seconds * RATE)];
        Random random = new Random(11);
        for (int t = 0; t < burstSeconds * RATE; t++) {
            ch[0][t] = (float) (0.3 * random.nextGaussian());
            ch[1][t] = (float) (0.3 * random.nextGaussian());
        }
        return new AudioBuffer(ch, RATE);
    }
}
