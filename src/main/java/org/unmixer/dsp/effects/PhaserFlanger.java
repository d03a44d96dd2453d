package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;
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
 * Flanger and Doubler modes are rendered by {@link PhaserFlangerDelay}.
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
        float[][] out = new float[channels][];
        // channels are rendered in pairs: two independent recursions in one loop run twice as fast
        // as one (the feedback makes each channel's stage cascade a serial chain)
        for (int ch = 0; ch < channels; ch += 2) {
            float[] left = input.channel(ch);
            float[] right = ch + 1 < channels ? input.channel(ch + 1) : new float[left.length];
            float[][] pair = renderPair(left, right, c, input.sampleRate(), c.stereoPhaseCycles());
            out[ch] = pair[0];
            if (ch + 1 < channels) {
                out[ch + 1] = pair[1];
            }
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /** One channel pair; the right channel's LFO runs {@code rightPhase} cycles ahead. */
    private static float[][] renderPair(float[] xl, float[] xr, PhaserFlangerControls c, double fs, double rightPhase) {
        int n = xl.length;
        int stages = c.notches();
        // stage memory interleaved per stage: left s1, left s2, right s1, right s2
        double[] st = new double[4 * stages];
        Biquad hp = Biquads.highPass(c.safeBassHz(), Biquads.BUTTERWORTH_Q, fs);
        double hb0 = hp.b0();
        double hb1 = hp.b1();
        double hb2 = hp.b2();
        double ha1 = hp.a1();
        double ha2 = hp.a2();
        double hl1 = 0;
        double hl2 = 0;
        double hr1 = 0;
        double hr2 = 0;
        double fb = c.feedback();
        double mix = c.dryWet();
        double outGain = c.outputGain();
        boolean warm = c.warmth() > 0;
        double warmCutHz = Math.min(0.45 * fs, WARM_LP_MAX_HZ * Math.pow(WARM_LP_MIN_HZ / WARM_LP_MAX_HZ, c.warmth()));
        double warmKeep = Math.exp(-2 * Math.PI * warmCutHz / fs);
        double drive = 1 + (WARM_MAX_DRIVE - 1) * c.warmth();
        double warmL = 0;
        double warmR = 0;
        double prevL = 0;
        double prevR = 0;

        boolean feedback = fb != 0;
        double[] trackL = allPassTrack(n, c, fs, 0);
        // Mod Phase 0: both channels follow the same LFO, so they share one coefficient track
        double[] trackR = rightPhase == 0 ? trackL : allPassTrack(n, c, fs, rightPhase);
        double la1 = trackL[0];
        double la2 = trackL[1];
        double ra1 = trackR[0];
        double ra2 = trackR[1];
        float[] yl = new float[n];
        float[] yr = new float[n];
        for (int start = 0, b = 2; start < n; start += CONTROL_BLOCK, b += 2) {
            int len = Math.min(CONTROL_BLOCK, n - start);
            double lt1 = trackL[b];
            double lt2 = trackL[b + 1];
            double rt1 = trackR[b];
            double rt2 = trackR[b + 1];
            double dl1 = (lt1 - la1) / len;
            double dl2 = (lt2 - la2) / len;
            double dr1 = (rt1 - ra1) / len;
            double dr2 = (rt2 - ra2) / len;
            for (int i = start; i < start + len; i++) {
                la1 += dl1;
                la2 += dl2;
                ra1 += dr1;
                ra2 += dr2;
                double inL = xl[i];
                double inR = xr[i];
                double highL = hb0 * inL + hl1;
                hl1 = hb1 * inL - ha1 * highL + hl2;
                hl2 = hb2 * inL - ha2 * highL;
                double highR = hb0 * inR + hr1;
                hr1 = hb1 * inR - ha1 * highR + hr2;
                hr2 = hb2 * inR - ha2 * highR;
                // Math.fma: one rounding and, on FMA hardware, the shortest latency along the
                // serial chain feedback → stage 1 → … → stage K
                double vl = feedback ? Math.fma(fb, prevL, highL) : highL;
                double vr = feedback ? Math.fma(fb, prevR, highR) : highR;
                for (int k = 0; k < st.length; k += 4) {
                    double ol = Math.fma(la2, vl, st[k]);
                    double or = Math.fma(ra2, vr, st[k + 2]);
                    st[k] = Math.fma(la1, vl - ol, st[k + 1]);
                    st[k + 2] = Math.fma(ra1, vr - or, st[k + 3]);
                    st[k + 1] = Math.fma(-la2, ol, vl);
                    st[k + 3] = Math.fma(-ra2, or, vr);
                    vl = ol;
                    vr = or;
                }
                prevL = vl;
                prevR = vr;
                double wetL = inL - highL + vl;
                double wetR = inR - highR + vr;
                if (warm) {
                    warmL = wetL + warmKeep * (warmL - wetL);
                    warmR = wetR + warmKeep * (warmR - wetR);
                    wetL = softClip(drive * warmL) / drive;
                    wetR = softClip(drive * warmR) / drive;
                }
                yl[i] = (float) (inL + mix * (outGain * wetL - inL));
                yr[i] = (float) (inR + mix * (outGain * wetR - inR));
            }
            la1 = lt1;
            la2 = lt2;
            ra1 = rt1;
            ra2 = rt2;
        }
        return new float[][] {yl, yr};
    }

    /**
     * All-pass denominators (a1, a2) at every control-block boundary t = 0, 32, 64, …, n (the last
     * one at n): {@code 2·(⌈n/32⌉ + 1)} values, interleaved a1, a2. The per-sample loop ramps
     * linearly between consecutive pairs.
     */
    static double[] allPassTrack(int n, PhaserFlangerControls c, double fs, double phaseOffset) {
        int blocks = (n + CONTROL_BLOCK - 1) / CONTROL_BLOCK;
        double[] track = new double[2 * (blocks + 1)];
        // Spread is only modulated when Amount and Mod Blend are both non-zero: otherwise Q is fixed
        boolean spreadMoves = c.modDepth() * c.modBlend() != 0;
        double fixedQ = PhaserFlangerControls.qForSpread(c.modulatedSpread(0));
        double[] coef = new double[2];
        for (int b = 0; b <= blocks; b++) {
            long t = Math.min((long) b * CONTROL_BLOCK, n);
            double lfo = lfoAt(t, c, fs, phaseOffset);
            double q = spreadMoves ? PhaserFlangerControls.qForSpread(c.modulatedSpread(lfo)) : fixedQ;
            allPass(c.modulatedCenterHz(lfo, fs), q, fs, coef);
            track[2 * b] = coef[0];
            track[2 * b + 1] = coef[1];
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
        double k = Math.tan(Math.PI * hz / fs);
        double qk = q * (1 + k * k);
        double norm = 1 / (qk + k);
        out[0] = -2 * q * (1 - k * k) * norm;
        out[1] = (qk - k) * norm;
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
}
