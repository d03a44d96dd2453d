package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.dyn.Ballistics;
import org.unmixer.dsp.dyn.DbMath;
import org.unmixer.dsp.dyn.GainComputer;
import org.unmixer.dsp.dyn.ThreeBandSplitter;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Multiband Dynamics (Live 12 manual §26.26; dsp-reference.md §4): three bands from
 * phase-matched LR4 crossovers; per band input gain → stereo-linked detector (RMS or Peak) → static
 * Above/Below gain curve ({@link GainComputer}) → attack/release smoothing of the gain in dB
 * ({@link Ballistics}) → output gain; the bands are summed and the Master Output applied.
 *
 * <p>With every band neutral the output is the input through AP(f1)·AP(f2): flat magnitude, phase
 * of a fourth-order all-pass (Live's crossover type is not documented; LR4 is our choice).
 *
 * <p>Speed: the band energies are summed per sample (inside the splitter); the RMS one-pole, the
 * gain computer and the ballistics run once per {@link #CONTROL_BLOCK} samples, and the linear gain
 * is ramped across the block.
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
    /** Time constant of the RMS detector's one-pole mean square; Live's window is unknown [UNV]. */
    public static final double RMS_TIME_MS = 10;

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
        double fs = input.sampleRate();
        ThreeBandSplitter[] split = new ThreeBandSplitter[channels];
        for (int ch = 0; ch < channels; ch++) {
            split[ch] = new ThreeBandSplitter(c.lowMidHz(), c.midHighHz(), fs);
        }
        boolean[] processed = new boolean[3];
        double[] inDb = new double[3];
        double[] makeUp = new double[3];
        double[] attack = new double[3];
        double[] release = new double[3];
        GainComputer[] computer = new GainComputer[3];
        for (int b = 0; b < 3; b++) {
            MultibandDynamicsControls.Band band = c.bands().get(b);
            processed[b] = band.processed();
            inDb[b] = band.inputGainDb();
            makeUp[b] = MultibandDynamicsControls.dbToGain(band.inputGainDb() + band.outputGainDb());
            attack[b] = Ballistics.coefficient(band.attackMs(), CONTROL_BLOCK, fs);
            release[b] = Ballistics.coefficient(band.releaseMs(), CONTROL_BLOCK, fs);
            computer[b] = band.computer();
        }
        double rmsKeep = Math.exp(-1 / (RMS_TIME_MS * 1e-3 * fs));
        double rmsKeepBlock = Math.pow(rmsKeep, CONTROL_BLOCK);
        boolean peak = c.peakDetector();
        double master = c.masterGain();

        double[][][] bandBuf = new double[3][channels][CONTROL_BLOCK];
        double[] env = new double[3];
        double[] energy = new double[3];
        double[] aboveDb = new double[3];
        double[] belowDb = new double[3];
        double[] gainNow = new double[3];
        double[] gainStep = new double[3];
        double[] gainTarget = new double[3];
        double[][] gainRamp = new double[3][CONTROL_BLOCK];
        for (int b = 0; b < 3; b++) {
            gainNow[b] = processed[b] ? makeUp[b] : 1;
        }
        float[][] out = new float[channels][frames];

        for (int start = 0; start < frames; start += CONTROL_BLOCK) {
            int len = Math.min(CONTROL_BLOCK, frames - start);
            energy[0] = 0;
            energy[1] = 0;
            energy[2] = 0;
            for (int ch = 0; ch < channels; ch++) {
                float[] x = input.channel(ch);
                ThreeBandSplitter s = split[ch];
                double[] lo = bandBuf[0][ch];
                double[] mi = bandBuf[1][ch];
                double[] hi = bandBuf[2][ch];
                s.process(x, start, len, lo, mi, hi, energy);
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
            double blockKeep = len == CONTROL_BLOCK ? rmsKeepBlock : Math.pow(rmsKeep, len);
            for (int b = 0; b < 3; b++) {
                if (!processed[b]) {
                    gainStep[b] = 0;
                    continue;
                }
                // RMS linked by average power; merged bands and Peak mode need the band buffers again
                double e = peak || c.lowIntoMid() || c.highIntoMid()
                        ? linkedPower(bandBuf[b], len, peak) : energy[b] / channels;
                if (!peak) {
                    // one-pole mean square, advanced a whole block at a time (τ ≫ block)
                    e = e / len + blockKeep * (env[b] - e / len);
                }
                env[b] = e;
                double levelDb = DbMath.powerToDb(e + 1e-30) + inDb[b];
                GainComputer g = computer[b];
                aboveDb[b] = Ballistics.step(aboveDb[b], g.aboveGainDb(levelDb), attack[b], release[b]);
                belowDb[b] = Ballistics.step(belowDb[b], g.belowGainDb(levelDb), attack[b], release[b]);
                gainTarget[b] = makeUp[b] * DbMath.dbToGain(aboveDb[b] + belowDb[b]);
                gainStep[b] = (gainTarget[b] - gainNow[b]) / len;
            }
            // per-sample gains (Master Output folded in), shared by all channels
            for (int b = 0; b < 3; b++) {
                double g = master * gainNow[b];
                double step = master * gainStep[b];
                double[] ramp = gainRamp[b];
                for (int i = 0; i < len; i++) {
                    g += step;
                    ramp[i] = g;
                }
            }
            double[] r0 = gainRamp[0];
            double[] r1 = gainRamp[1];
            double[] r2 = gainRamp[2];
            for (int ch = 0; ch < channels; ch++) {
                double[] lo = bandBuf[0][ch];
                double[] mi = bandBuf[1][ch];
                double[] hi = bandBuf[2][ch];
                float[] y = out[ch];
                for (int i = 0; i < len; i++) {
                    y[start + i] = (float) (lo[i] * r0[i] + mi[i] * r1[i] + hi[i] * r2[i]);
                }
            }
            for (int b = 0; b < 3; b++) {
                if (processed[b]) {
                    gainNow[b] = gainTarget[b];
                }
            }
        }
        return new AudioBuffer(out, input.sampleRate());
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
