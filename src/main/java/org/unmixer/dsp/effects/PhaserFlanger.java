package org.unmixer.dsp.effects;

import java.util.Arrays;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;
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
                out[ch] = renderFeedForward(left, c, fs, trackL);
                if (ch + 1 < channels) {
                    float[] right = input.channel(ch + 1);
                    out[ch + 1] = sameLfo && Arrays.equals(left, right)
                            ? out[ch].clone() : renderFeedForward(right, c, fs, trackR);
                }
            } else if (ch + 1 == channels) {
                out[ch] = renderChannel(left, c, fs, trackL);
            } else if (sameLfo && Arrays.equals(left, input.channel(ch + 1))) {
                // mono in stereo with one LFO: both outputs are the same computation, so do it once
                out[ch] = renderChannel(left, c, fs, trackL);
                out[ch + 1] = out[ch].clone();
            } else {
                // two independent recursions in one loop run twice as fast as one when Feedback
                // makes each channel's stage cascade a serial chain
                float[][] pair = renderPair(left, input.channel(ch + 1), c, fs, trackL, trackR);
                out[ch] = pair[0];
                out[ch + 1] = pair[1];
            }
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /** One channel pair, each with its coefficient track ({@link #allPassTrack}). */
    private static float[][] renderPair(float[] xl, float[] xr, PhaserFlangerControls c, double fs,
            double[] trackL, double[] trackR) {
        int n = xl.length;
        int stages = c.notches();
        // stage memory interleaved per stage: left s1, left s2, right s1, right s2
        double[] st = new double[4 * stages];
        // Safe Bass: the RBJ high-pass numerator is b0·(1 − z⁻¹)², so it runs as direct form I on
        // the input's second difference: three multiplies instead of five, and a one-fma recurrence
        Biquad hp = Biquads.highPass(c.safeBassHz(), Biquads.BUTTERWORTH_Q, fs);
        double hb0 = hp.b0();
        double ha1 = hp.a1();
        double ha2 = hp.a2();
        double xl1 = 0;
        double dl1 = 0;
        double hl1 = 0;
        double hl2 = 0;
        double xr1 = 0;
        double dr1 = 0;
        double hr1 = 0;
        double hr2 = 0;
        double fb = c.feedback();
        double mix = c.dryWet();
        double outGain = c.outputGain();
        // without Warmth: out = x + mix·(gain·(x − HP(x) + AP) − x) = keepIn·x + wetGain·(AP − HP(x))
        double wetGain = mix * outGain;
        double keepIn = 1 - mix + wetGain;
        boolean warm = c.warmth() > 0;
        double warmCutHz = Math.min(0.45 * fs, WARM_LP_MAX_HZ * Math.pow(WARM_LP_MIN_HZ / WARM_LP_MAX_HZ, c.warmth()));
        double warmKeep = Math.exp(-2 * Math.PI * warmCutHz / fs);
        double drive = 1 + (WARM_MAX_DRIVE - 1) * c.warmth();
        double warmL = 0;
        double warmR = 0;
        double prevL = 0;
        double prevR = 0;

        boolean feedback = fb != 0;
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
            double sl1 = (lt1 - la1) / len;
            double sl2 = (lt2 - la2) / len;
            double sr1 = (rt1 - ra1) / len;
            double sr2 = (rt2 - ra2) / len;
            for (int i = start; i < start + len; i++) {
                la1 += sl1;
                la2 += sl2;
                ra1 += sr1;
                ra2 += sr2;
                double inL = xl[i];
                double inR = xr[i];
                double diffL = inL - xl1;
                double diffR = inR - xr1;
                double highL = Math.fma(-ha1, hl1, Math.fma(hb0, diffL - dl1, -ha2 * hl2));
                double highR = Math.fma(-ha1, hr1, Math.fma(hb0, diffR - dr1, -ha2 * hr2));
                xl1 = inL;
                dl1 = diffL;
                hl2 = hl1;
                hl1 = highL;
                xr1 = inR;
                dr1 = diffR;
                hr2 = hr1;
                hr1 = highR;
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
                if (warm) {
                    double wetL = inL - highL + vl;
                    double wetR = inR - highR + vr;
                    warmL = wetL + warmKeep * (warmL - wetL);
                    warmR = wetR + warmKeep * (warmR - wetR);
                    wetL = softClip(drive * warmL) / drive;
                    wetR = softClip(drive * warmR) / drive;
                    yl[i] = (float) (inL + mix * (outGain * wetL - inL));
                    yr[i] = (float) (inR + mix * (outGain * wetR - inR));
                } else {
                    yl[i] = (float) Math.fma(wetGain, vl - highL, keepIn * inL);
                    yr[i] = (float) Math.fma(wetGain, vr - highR, keepIn * inR);
                }
            }
            la1 = lt1;
            la2 = lt2;
            ra1 = rt1;
            ra2 = rt2;
        }
        return new float[][] {yl, yr};
    }

    /**
     * One channel without feedback, bit-identical to {@link #renderChannel}: per control block the
     * coefficient ramp and the Safe Bass output go to block buffers, then the stages run over the
     * block eight at a time with their state in locals (eight independent recursions keep the
     * FMA units busy; state in an array would add a store-to-load round trip to every recursion),
     * the remaining stages sample by sample, then the output mix.
     */
    static float[] renderFeedForward(float[] x, PhaserFlangerControls c, double fs, double[] track) {
        int n = x.length;
        int stages = c.notches();
        double[] st = new double[2 * stages];
        Biquad hp = Biquads.highPass(c.safeBassHz(), Biquads.BUTTERWORTH_Q, fs);
        double hb0 = hp.b0();
        double ha1 = hp.a1();
        double ha2 = hp.a2();
        double x1 = 0;
        double d1 = 0;
        double h1 = 0;
        double h2 = 0;
        double mix = c.dryWet();
        double outGain = c.outputGain();
        double wetGain = mix * outGain;
        double keepIn = 1 - mix + wetGain;
        boolean warm = c.warmth() > 0;
        double warmCutHz = Math.min(0.45 * fs, WARM_LP_MAX_HZ * Math.pow(WARM_LP_MIN_HZ / WARM_LP_MAX_HZ, c.warmth()));
        double warmKeep = Math.exp(-2 * Math.PI * warmCutHz / fs);
        double drive = 1 + (WARM_MAX_DRIVE - 1) * c.warmth();
        double warmState = 0;

        double[] ca1 = new double[CONTROL_BLOCK];
        double[] ca2 = new double[CONTROL_BLOCK];
        double[] high = new double[CONTROL_BLOCK];
        double[] v = new double[CONTROL_BLOCK];
        double a1 = track[0];
        double a2 = track[1];
        float[] y = new float[n];
        for (int start = 0, b = 2; start < n; start += CONTROL_BLOCK, b += 2) {
            int len = Math.min(CONTROL_BLOCK, n - start);
            double t1 = track[b];
            double t2 = track[b + 1];
            double s1 = (t1 - a1) / len;
            double s2 = (t2 - a2) / len;
            for (int j = 0; j < len; j++) {
                a1 += s1;
                a2 += s2;
                ca1[j] = a1;
                ca2[j] = a2;
                double in = x[start + j];
                double diff = in - x1;
                double h = Math.fma(-ha1, h1, Math.fma(hb0, diff - d1, -ha2 * h2));
                x1 = in;
                d1 = diff;
                h2 = h1;
                h1 = h;
                high[j] = h;
                v[j] = h;
            }
            a1 = t1;
            a2 = t2;
            int k = 0;
            for (; k + 8 <= stages; k += 8) {
                eightStages(v, len, ca1, ca2, st, 2 * k);
            }
            for (int j = 0; j < len && k < stages; j++) {
                double aj1 = ca1[j];
                double aj2 = ca2[j];
                double w = v[j];
                for (int m = 2 * k; m < st.length; m += 2) {
                    double o = Math.fma(aj2, w, st[m]);
                    st[m] = Math.fma(aj1, w - o, st[m + 1]);
                    st[m + 1] = Math.fma(-aj2, o, w);
                    w = o;
                }
                v[j] = w;
            }
            for (int j = 0; j < len; j++) {
                double in = x[start + j];
                if (warm) {
                    double wet = in - high[j] + v[j];
                    warmState = wet + warmKeep * (warmState - wet);
                    wet = softClip(drive * warmState) / drive;
                    y[start + j] = (float) (in + mix * (outGain * wet - in));
                } else {
                    y[start + j] = (float) Math.fma(wetGain, v[j] - high[j], keepIn * in);
                }
            }
        }
        return y;
    }

    /** Stages {@code from/2 … from/2 + 7} over {@code v[0, len)} in place; state {@code st[from, from + 16)}. */
    private static void eightStages(double[] v, int len, double[] ca1, double[] ca2, double[] st, int from) {
        double p0 = st[from];
        double q0 = st[from + 1];
        double p1 = st[from + 2];
        double q1 = st[from + 3];
        double p2 = st[from + 4];
        double q2 = st[from + 5];
        double p3 = st[from + 6];
        double q3 = st[from + 7];
        double p4 = st[from + 8];
        double q4 = st[from + 9];
        double p5 = st[from + 10];
        double q5 = st[from + 11];
        double p6 = st[from + 12];
        double q6 = st[from + 13];
        double p7 = st[from + 14];
        double q7 = st[from + 15];
        for (int j = 0; j < len; j++) {
            double a1 = ca1[j];
            double a2 = ca2[j];
            double w = v[j];
            double o = Math.fma(a2, w, p0);
            p0 = Math.fma(a1, w - o, q0);
            q0 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p1);
            p1 = Math.fma(a1, w - o, q1);
            q1 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p2);
            p2 = Math.fma(a1, w - o, q2);
            q2 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p3);
            p3 = Math.fma(a1, w - o, q3);
            q3 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p4);
            p4 = Math.fma(a1, w - o, q4);
            q4 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p5);
            p5 = Math.fma(a1, w - o, q5);
            q5 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p6);
            p6 = Math.fma(a1, w - o, q6);
            q6 = Math.fma(-a2, o, w);
            w = o;
            o = Math.fma(a2, w, p7);
            p7 = Math.fma(a1, w - o, q7);
            q7 = Math.fma(-a2, o, w);
            v[j] = o;
        }
        st[from] = p0;
        st[from + 1] = q0;
        st[from + 2] = p1;
        st[from + 3] = q1;
        st[from + 4] = p2;
        st[from + 5] = q2;
        st[from + 6] = p3;
        st[from + 7] = q3;
        st[from + 8] = p4;
        st[from + 9] = q4;
        st[from + 10] = p5;
        st[from + 11] = q5;
        st[from + 12] = p6;
        st[from + 13] = q6;
        st[from + 14] = p7;
        st[from + 15] = q7;
    }

    /** One channel with its coefficient track: {@link #renderPair} for a single channel, op for op. */
    static float[] renderChannel(float[] x, PhaserFlangerControls c, double fs, double[] track) {
        int n = x.length;
        // stage memory interleaved per stage: s1, s2
        double[] st = new double[2 * c.notches()];
        Biquad hp = Biquads.highPass(c.safeBassHz(), Biquads.BUTTERWORTH_Q, fs);
        double hb0 = hp.b0();
        double ha1 = hp.a1();
        double ha2 = hp.a2();
        double x1 = 0;
        double d1 = 0;
        double h1 = 0;
        double h2 = 0;
        double fb = c.feedback();
        double mix = c.dryWet();
        double outGain = c.outputGain();
        double wetGain = mix * outGain;
        double keepIn = 1 - mix + wetGain;
        boolean warm = c.warmth() > 0;
        double warmCutHz = Math.min(0.45 * fs, WARM_LP_MAX_HZ * Math.pow(WARM_LP_MIN_HZ / WARM_LP_MAX_HZ, c.warmth()));
        double warmKeep = Math.exp(-2 * Math.PI * warmCutHz / fs);
        double drive = 1 + (WARM_MAX_DRIVE - 1) * c.warmth();
        double warmState = 0;
        double prev = 0;

        boolean feedback = fb != 0;
        double a1 = track[0];
        double a2 = track[1];
        float[] y = new float[n];
        for (int start = 0, b = 2; start < n; start += CONTROL_BLOCK, b += 2) {
            int len = Math.min(CONTROL_BLOCK, n - start);
            double t1 = track[b];
            double t2 = track[b + 1];
            double s1 = (t1 - a1) / len;
            double s2 = (t2 - a2) / len;
            for (int i = start; i < start + len; i++) {
                a1 += s1;
                a2 += s2;
                double in = x[i];
                double diff = in - x1;
                double high = Math.fma(-ha1, h1, Math.fma(hb0, diff - d1, -ha2 * h2));
                x1 = in;
                d1 = diff;
                h2 = h1;
                h1 = high;
                double v = feedback ? Math.fma(fb, prev, high) : high;
                for (int k = 0; k < st.length; k += 2) {
                    double o = Math.fma(a2, v, st[k]);
                    st[k] = Math.fma(a1, v - o, st[k + 1]);
                    st[k + 1] = Math.fma(-a2, o, v);
                    v = o;
                }
                prev = v;
                if (warm) {
                    double wet = in - high + v;
                    warmState = wet + warmKeep * (warmState - wet);
                    wet = softClip(drive * warmState) / drive;
                    y[i] = (float) (in + mix * (outGain * wet - in));
                } else {
                    y[i] = (float) Math.fma(wetGain, v - high, keepIn * in);
                }
            }
            a1 = t1;
            a2 = t2;
        }
        return y;
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
