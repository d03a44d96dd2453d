package org.unmixer.dsp.effects;

import java.util.Arrays;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.mod.ControlMath;
import org.unmixer.dsp.mod.Lfo;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Phaser-Flanger in Phaser mode (Live 12 manual "Phaser-Flanger"; dsp-reference.md §5.2):
 * a cascade of {@code Notches} identical second-order RBJ all-pass stages at a centre frequency
 * swept by the LFO, Q from Spread, one-sample feedback around the cascade (inverted with FB Inv),
 * Safe Bass high-pass in front of the wet path, Warmth, wet Output gain and a linear Dry/Wet.
 * Mixed 50/50 with the dry signal the K stages give K notches, where the cascade's phase crosses
 * −180°·(2m + 1).
 *
 * <p>Per channel and sample: wet = (x − HP(x)) + AP^K(HP(x) + feedback·previous AP^K output), then
 * Warmth, then Output gain; out = x + Dry/Wet·(wet − x).
 *
 * <p>The LFO and the all-pass coefficients are computed every {@link #CONTROL_BLOCK} samples and
 * ramped linearly in between (the ramp stays inside the stability triangle, which is convex).
 * Flanger and Doubler modes are rendered by {@link PhaserFlangerDelay}; the phaser's sample loops
 * are {@link PhaserFlangerFeedForward} (Feedback 0) and {@link PhaserFlangerFeedback}.
 */
public final class PhaserFlanger implements Effect {
    public static final String DEVICE_NAME = "Phaser-Flanger";
    /** Samples between LFO/coefficient updates (Live's own modulation rate in Wavetable, manual). */
    public static final int CONTROL_BLOCK = 32;
    /** Seed of the random LFO shapes: constant, so renders repeat. */
    public static final long LFO_SEED = 0x5AFE_BA55L;
    /** Warmth low-pass: cut-off at Warmth 0 % and 100 % (geometric in between) [3P]. */
    static final double WARM_LP_MAX_HZ = 20_000;
    static final double WARM_LP_MIN_HZ = 5_000;
    /** Warmth soft-clip drive at 100 % [3P, calibrate]. */
    static final double WARM_MAX_DRIVE = 3;

    @Override
    public String deviceName() {
        return DEVICE_NAME;
    }

    @Override
    public AudioBuffer render(AudioBuffer input, DeviceSettings settings) {
        return render(input, PhaserFlangerControls.from(settings));
    }

    /** Renders with explicit controls (pure; the input is not modified). */
    public static AudioBuffer render(AudioBuffer input, PhaserFlangerControls c) {
        if (c.mode() != PhaserFlangerControls.Mode.PHASER) {
            return PhaserFlangerDelay.render(input, c);
        }
        int channels = input.channelCount();
        int n = input.frames();
        double fs = input.sampleRate();
        double[] trackL = allPassTrack(n, c, fs, 0);
        // Mod Phase 0: both channels follow the same LFO, so they share one coefficient track
        boolean sameLfo = c.stereoPhaseCycles() == 0;
        double[] trackR = sameLfo ? trackL : allPassTrack(n, c, fs, c.stereoPhaseCycles());
        float[][] out = new float[channels][];
        for (int ch = 0; ch < channels; ch += 2) {
            float[] left = input.channel(ch);
            if (c.feedback() == 0) {
                // no serial chain through the cascade: one channel at a time, block by block
                out[ch] = PhaserFlangerFeedForward.render(left, c, fs, trackL);
                if (ch + 1 < channels) {
                    float[] right = input.channel(ch + 1);
                    out[ch + 1] = sameLfo && Arrays.equals(left, right)
                            ? out[ch].clone() : PhaserFlangerFeedForward.render(right, c, fs, trackR);
                }
            } else if (ch + 1 == channels) {
                out[ch] = PhaserFlangerFeedback.renderChannel(left, c, fs, trackL);
            } else if (sameLfo && Arrays.equals(left, input.channel(ch + 1))) {
                // mono in stereo with one LFO: both outputs are the same computation, so do it once
                out[ch] = PhaserFlangerFeedback.renderChannel(left, c, fs, trackL);
                out[ch + 1] = out[ch].clone();
            } else {
                // two independent recursions in one loop run twice as fast as one when Feedback
                // makes each channel's stage cascade a serial chain
                float[][] pair = PhaserFlangerFeedback.renderPair(left, input.channel(ch + 1), c, fs, trackL, trackR);
                out[ch] = pair[0];
                out[ch + 1] = pair[1];
            }
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /**
     * All-pass denominators (a1, a2) at every control-block boundary t = 0, 32, 64, …, n (the last
     * one at n): {@code 2·(⌈n/32⌉ + 1)} values, interleaved a1, a2. The per-sample loop ramps
     * linearly between consecutive pairs.
     */
    static double[] allPassTrack(int n, PhaserFlangerControls c, double fs, double phaseOffset) {
        int blocks = (n + CONTROL_BLOCK - 1) / CONTROL_BLOCK;
        double[] track = new double[2 * (blocks + 1)];
        double[] lfo = new double[blocks + 1];
        // three passes with short, independent iterations (one long chain of LFO → 2^x → tan →
        // division per boundary leaves the out-of-order core idle)
        for (int b = 0; b <= blocks; b++) {
            lfo[b] = lfoAt(Math.min((long) b * CONTROL_BLOCK, n), c, fs, phaseOffset);
        }
        // Spread is only modulated when Amount and Mod Blend are both non-zero: otherwise Q is fixed
        boolean spreadMoves = c.modDepth() * c.modBlend() != 0;
        double fixedQ = PhaserFlangerControls.qForSpread(c.modulatedSpread(0));
        for (int b = 0; b <= blocks; b++) {
            track[2 * b] = spreadMoves ? PhaserFlangerControls.qForSpread(c.modulatedSpread(lfo[b])) : fixedQ;
            track[2 * b + 1] = ControlMath.tan(Math.PI * c.modulatedCenterHz(lfo[b], fs) / fs);
        }
        for (int b = 0; b <= blocks; b++) {
            allPassFromTan(track[2 * b + 1], track[2 * b], track, 2 * b);
        }
        return track;
    }

    /** Normalised RBJ all-pass denominator (a1, a2) at sample {@code t}; numerator is (a2, a1, 1). */
    static void allPassAt(long t, PhaserFlangerControls c, double fs, double phaseOffset, double[] out) {
        double lfo = lfoAt(t, c, fs, phaseOffset);
        allPass(c.modulatedCenterHz(lfo, fs), PhaserFlangerControls.qForSpread(c.modulatedSpread(lfo)), fs, out);
    }

    /**
     * RBJ all-pass denominator (a1, a2) at {@code hz} and {@code q}, written with one tangent: with
     * k = tan(w0/2), cos w0 = (1 − k²)/(1 + k²) and α = sin w0/(2Q) = k/(Q(1 + k²)), so
     * a1 = −2Q(1 − k²)/(Q(1 + k²) + k) and a2 = (Q(1 + k²) − k)/(Q(1 + k²) + k) — the RBJ cookbook
     * values (Bristow-Johnson, "Audio EQ Cookbook") with one transcendental call instead of two.
     */
    static void allPass(double hz, double q, double fs, double[] out) {
        allPassFromTan(ControlMath.tan(Math.PI * hz / fs), q, out, 0);
    }

    /** {@link #allPass} from k = tan(π·hz/fs), written to {@code out[at]} (a1) and {@code out[at + 1]} (a2). */
    private static void allPassFromTan(double k, double q, double[] out, int at) {
        double qk = q * (1 + k * k);
        double norm = 1 / (qk + k);
        out[at] = -2 * q * (1 - k * k) * norm;
        out[at + 1] = (qk - k) * norm;
    }

    /**
     * The blended LFO value in [−1, 1] at every sample of a render of {@code samples} frames, for
     * channel 0 (left) or 1 (right, offset by the stereo phase): the side information a proxy of this
     * device needs, since the LFO starts at phase 0 at the render start.
     */
    public static float[] lfoTrack(DeviceSettings settings, int samples, double fs, int channel) {
        PhaserFlangerControls c = PhaserFlangerControls.from(settings);
        double offset = channel == 0 ? 0 : c.stereoPhaseCycles();
        float[] out = new float[samples];
        for (int t = 0; t < samples; t++) {
            out[t] = (float) lfoAt(t, c, fs, offset);
        }
        return out;
    }

    /** The blended LFO value in [−1, 1] at sample {@code t}; LFOs start at phase 0 at the render start. */
    static double lfoAt(long t, PhaserFlangerControls c, double fs, double phaseOffset) {
        double seconds = t / fs;
        double lfo = c.lfoBlend() < 1
                ? Lfo.value(c.waveform(), c.modFreqHz() * seconds + phaseOffset, c.duty(), LFO_SEED) : 0;
        if (c.lfoBlend() > 0) {
            double tri = Lfo.value(Lfo.Waveform.TRIANGLE, c.modFreq2Hz() * seconds + phaseOffset, 0, LFO_SEED);
            lfo += c.lfoBlend() * (tri - lfo);
        }
        return lfo;
    }

    /** tanh-like soft clip: the (3,2) Padé approximant of tanh, exact ±1 beyond |x| = 3. */
    static double softClip(double x) {
        if (x >= 3) {
            return 1;
        }
        if (x <= -3) {
            return -1;
        }
        double x2 = x * x;
        return x * (27 + x2) / (27 + 9 * x2);
    }

    /** Pole of Warmth's one-pole low-pass: its corner falls from WARM_LP_MAX_HZ to WARM_LP_MIN_HZ with Warmth. */
    static double warmLowPassPole(PhaserFlangerControls c, double fs) {
        double cutHz = Math.min(0.45 * fs, WARM_LP_MAX_HZ * Math.pow(WARM_LP_MIN_HZ / WARM_LP_MAX_HZ, c.warmth()));
        return Math.exp(-2 * Math.PI * cutHz / fs);
    }

    /** Gain into Warmth's soft clip: 1 at Warmth 0, WARM_MAX_DRIVE at 100 %. */
    static double warmDrive(PhaserFlangerControls c) {
        return 1 + (WARM_MAX_DRIVE - 1) * c.warmth();
    }
}
