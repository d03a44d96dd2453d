package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.dyn.DbMath;
import org.unmixer.dsp.dyn.GainComputer;
import org.unmixer.dsp.dyn.LevelFollower;
import org.unmixer.dsp.dyn.ThreeBandSplitter;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Multiband Dynamics (Live 12 manual §26.26; dsp-reference.md §4): three bands from
 * phase-matched LR4 crossovers; per band input gain → stereo-linked detector (RMS: mean square;
 * Peak: magnitude) → level follower with the band's Attack while the level rises and its Release
 * while it falls, both times Time Scaling ({@link LevelFollower}) → static Above/Below gain curve of
 * the smoothed level ({@link GainComputer}) → output gain; the bands are summed and the Master Output
 * applied.
 *
 * <p>The level, not the gain, is smoothed, and in the linear domain: after silence the first block
 * of a note lifts the level to within 10·log10(1 − α) dB of the note's, so the Below stage's
 * upward boost (at its +30 dB cap in silence) is gone at once, and only the Above stage's cut builds
 * up with the attack time, as in a real compressor: with OTT's 66.7:1 Above ratios and 13–48 ms
 * attacks a note after silence overshoots its steady peak by 7–12 dB (the tests' saw and sine
 * notes), not the 35–43 dB of a gain smoothed in dB from the silence boost.
 *
 * <p>With every band neutral the output is the input through AP(f1)·AP(f2): flat magnitude, phase
 * of a fourth-order all-pass (Live's crossover type is not documented; LR4 is our choice).
 *
 * <p>Speed: the band energies are summed per sample (inside the splitter); the level follower and
 * the gain computer run once per {@link #CONTROL_BLOCK} samples on the block's mean square (or
 * largest magnitude); the linear gain a block's level gives is applied from the start of that
 * block and ramped to the next block's (see {@code Analysis}).
 */
public final class MultibandDynamics implements Effect {
    public static final String DEVICE_NAME = "Multiband Dynamics";
    /** Name of the OTT preset in the catalog (dsp-reference.md §4.3). */
    public static final String OTT_PRESET = "OTT";
    /**
     * Samples between gain-computer updates: 0.73 ms at 44.1 kHz, the control rate Live documents for
     * Wavetable's modulation; shorter attacks than that are smeared over one block.
     */
    public static final int CONTROL_BLOCK = 32;
    /** 0, 1, …, CONTROL_BLOCK − 1 as doubles, for the gain ramps. */
    private static final double[] RAMP_INDEX = new double[CONTROL_BLOCK];

    static {
        for (int i = 0; i < CONTROL_BLOCK; i++) {
            RAMP_INDEX[i] = i;
        }
    }

    /** The OTT preset from the standard catalog. */
    public static DeviceSettings ott() {
        return Catalog.standard().device(DEVICE_NAME).preset(OTT_PRESET);
    }

    @Override
    public String deviceName() {
        return DEVICE_NAME;
    }

    @Override
    public AudioBuffer render(AudioBuffer input, DeviceSettings settings) {
        return render(input, MultibandDynamicsControls.from(settings));
    }

    /** Renders with explicit controls (pure; the input is not modified). */
    public static AudioBuffer render(AudioBuffer input, MultibandDynamicsControls c) {
        int channels = input.channelCount();
        int frames = input.frames();
        float[][] in = new float[channels][];
        for (int ch = 0; ch < channels; ch++) {
            in[ch] = input.channel(ch);
        }
        Analysis analysis = new Analysis(c, channels, input.sampleRate());
        // band samples of the block being output and of the next one (the detector's look-ahead)
        double[][][][] bandBuf = new double[2][3][channels][CONTROL_BLOCK];
        double[] gainNow = new double[3];
        double[] gainNext = new double[3];
        double[][] gainRamp = new double[3][CONTROL_BLOCK];
        double[] sum = new double[CONTROL_BLOCK];
        float[][] out = new float[channels][frames];
        analysis.analyse(in, 0, Math.min(CONTROL_BLOCK, frames), bandBuf[0], gainNow);

        for (int start = 0, k = 0; start < frames; start += CONTROL_BLOCK, k++) {
            int len = Math.min(CONTROL_BLOCK, frames - start);
            int next = start + CONTROL_BLOCK;
            if (next < frames) {
                analysis.analyse(in, next, Math.min(CONTROL_BLOCK, frames - next), bandBuf[(k + 1) & 1], gainNext);
            } else {
                System.arraycopy(gainNow, 0, gainNext, 0, 3);
            }
            // per-sample gains ramped from this block's to the next one's, shared by all channels
            for (int b = 0; b < 3; b++) {
                double g = gainNow[b];
                double step = (gainNext[b] - g) / len;
                double[] ramp = gainRamp[b];
                for (int i = 0; i < len; i++) {
                    ramp[i] = Math.fma(RAMP_INDEX[i], step, g); // no loop-carried sum: vectorises
                }
            }
            double[] r0 = gainRamp[0];
            double[] r1 = gainRamp[1];
            double[] r2 = gainRamp[2];
            double[][][] buf = bandBuf[k & 1];
            for (int ch = 0; ch < channels; ch++) {
                double[] lo = buf[0][ch];
                double[] mi = buf[1][ch];
                double[] hi = buf[2][ch];
                float[] y = out[ch];
                // two plain loops instead of one mixed-type loop, so the JIT vectorises both
                for (int i = 0; i < len; i++) {
                    sum[i] = lo[i] * r0[i] + mi[i] * r1[i] + hi[i] * r2[i];
                }
                for (int i = 0; i < len; i++) {
                    y[start + i] = (float) sum[i];
                }
            }
            double[] swap = gainNow;
            gainNow = gainNext;
            gainNext = swap;
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /**
     * Splitter, level followers and gain computers of one render. {@link #analyse} splits one control
     * block and returns each band's gain (make-up and Master Output included) for the smoothed level
     * at the end of that block. The render applies that gain from the START of the block, ramping to
     * the next block's: a control-rate detector would otherwise meet each onset with the previous
     * block's gain (after silence, the Below stage's +30 dB) for up to a whole block; one block
     * (0.73 ms) of look-ahead on the control path keeps that spike out, the audio is not delayed.
     */
    private static final class Analysis {
        private final MultibandDynamicsControls c;
        private final int channels;
        private final double fs;
        private final ThreeBandSplitter[] split;
        private final boolean[] processed = new boolean[3];
        private final double[] inDb = new double[3];
        private final double[] makeUp = new double[3];
        private final double[] attack = new double[3];
        private final double[] release = new double[3];
        private final GainComputer[] computer = new GainComputer[3];
        private final boolean peak;
        private final double master;
        private final double[] env = new double[3];
        private final double[] levelDb = new double[3];
        private final double[] masterMakeUp = new double[3];
        private final double[] energy = new double[3];

        Analysis(MultibandDynamicsControls c, int channels, double fs) {
            this.c = c;
            this.channels = channels;
            this.fs = fs;
            split = new ThreeBandSplitter[channels];
            for (int ch = 0; ch < channels; ch++) {
                split[ch] = new ThreeBandSplitter(c.lowMidHz(), c.midHighHz(), fs);
            }
            for (int b = 0; b < 3; b++) {
                MultibandDynamicsControls.Band band = c.bands().get(b);
                processed[b] = band.processed();
                inDb[b] = band.inputGainDb();
                makeUp[b] = MultibandDynamicsControls.dbToGain(band.inputGainDb() + band.outputGainDb());
                attack[b] = LevelFollower.coefficient(band.attackMs(), CONTROL_BLOCK, fs);
                release[b] = LevelFollower.coefficient(band.releaseMs(), CONTROL_BLOCK, fs);
                computer[b] = band.computer();
            }
            peak = c.peakDetector();
            master = c.masterGain();
            for (int b = 0; b < 3; b++) {
                masterMakeUp[b] = master * makeUp[b];
            }
        }

        /** Splits {@code len} frames from {@code start} into {@code buf[band][channel]}, writes gains. */
        void analyse(float[][] in, int start, int len, double[][][] buf, double[] gain) {
            energy[0] = 0;
            energy[1] = 0;
            energy[2] = 0;
            for (int ch = 0; ch < channels; ch++) {
                double[] lo = buf[0][ch];
                double[] mi = buf[1][ch];
                double[] hi = buf[2][ch];
                split[ch].process(in[ch], start, len, lo, mi, hi, energy);
                if (c.lowIntoMid()) {
                    for (int i = 0; i < len; i++) {
                        mi[i] += lo[i];
                        lo[i] = 0;
                    }
                }
                if (c.highIntoMid()) {
                    for (int i = 0; i < len; i++) {
                        mi[i] += hi[i];
                        hi[i] = 0;
                    }
                }
            }
            for (int b = 0; b < 3; b++) {
                if (!processed[b]) {
                    gain[b] = master;
                    continue;
                }
                // RMS linked by average power; merged bands and Peak mode need the band buffers again
                double e = peak || c.lowIntoMid() || c.highIntoMid()
                        ? linkedPower(buf[b], len, peak) : energy[b] / channels;
                // detector input: the block's mean square (RMS) or largest magnitude (Peak)
                levelDb[b] = follow(b, peak ? Math.sqrt(e) : e / len, len);
            }
            // a separate pass, so the three bands' conversions are independent work side by side
            for (int b = 0; b < 3; b++) {
                if (processed[b]) {
                    gain[b] = masterMakeUp[b] * DbMath.dbToGain(computer[b].gainDb(levelDb[b]));
                }
            }
        }

        /** Advances band {@code b}'s level follower by {@code len} samples; the new level in dB. */
        private double follow(int b, double x, int len) {
            double a = attack[b];
            double r = release[b];
            if (len != CONTROL_BLOCK) {
                MultibandDynamicsControls.Band band = c.bands().get(b);
                a = LevelFollower.coefficient(band.attackMs(), len, fs);
                r = LevelFollower.coefficient(band.releaseMs(), len, fs);
            }
            double level = LevelFollower.step(env[b], x, a, r);
            env[b] = level;
            double power = peak ? level * level : level;
            return DbMath.powerToDb(power + 1e-30) + inDb[b];
        }
    }

    /**
     * Stereo-linked detector input of one band over a block. RMS: the sum over the block of the
     * channels' mean square (linked by average power). Peak: the largest squared sample of any
     * channel in the block. Live's linking is not documented [UNV].
     */
    private static double linkedPower(double[][] band, int len, boolean peak) {
        if (peak) {
            double max = 0;
            for (double[] c : band) {
                for (int i = 0; i < len; i++) {
                    double v = c[i] * c[i];
                    max = v > max ? v : max;
                }
            }
            return max;
        }
        double even = 0;
        double odd = 0;
        for (double[] c : band) {
            int i = 0;
            for (; i + 1 < len; i += 2) {
                even += c[i] * c[i];
                odd += c[i + 1] * c[i + 1];
            }
            if (i < len) {
                even += c[i] * c[i];
            }
        }
        return (even + odd) / band.length;
    }
}
