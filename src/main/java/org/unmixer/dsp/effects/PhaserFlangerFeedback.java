package org.unmixer.dsp.effects;

import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;

/**
 * {@link PhaserFlanger}'s per-sample kernels, used when Feedback is non-zero: the one-sample
 * feedback from the last all-pass stage to the first makes every sample's cascade one serial chain
 * (feedback fma → stage 1 → … → stage K), so the stages run sample by sample; a channel pair runs
 * its two independent chains in one loop. Stage k is the RBJ all-pass (a2 + a1·z⁻¹ + z⁻²)/(1 +
 * a1·z⁻¹ + a2·z⁻²) in transposed direct form II with the symmetric numerator folded in: three fmas,
 * two states. Coefficients ramp linearly between the control-block values of the track.
 */
final class PhaserFlangerFeedback {
    private PhaserFlangerFeedback() {
    }

    /** One channel pair, each with its coefficient track ({@link PhaserFlanger#allPassTrack}). */
    static float[][] renderPair(float[] xl, float[] xr, PhaserFlangerControls c, double fs,
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
        double warmKeep = PhaserFlanger.warmLowPassPole(c, fs);
        double drive = PhaserFlanger.warmDrive(c);
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
        for (int start = 0, b = 2; start < n; start += PhaserFlanger.CONTROL_BLOCK, b += 2) {
            int len = Math.min(PhaserFlanger.CONTROL_BLOCK, n - start);
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
                    wetL = PhaserFlanger.softClip(drive * warmL) / drive;
                    wetR = PhaserFlanger.softClip(drive * warmR) / drive;
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
        double warmKeep = PhaserFlanger.warmLowPassPole(c, fs);
        double drive = PhaserFlanger.warmDrive(c);
        double warmState = 0;
        double prev = 0;

        boolean feedback = fb != 0;
        double a1 = track[0];
        double a2 = track[1];
        float[] y = new float[n];
        for (int start = 0, b = 2; start < n; start += PhaserFlanger.CONTROL_BLOCK, b += 2) {
            int len = Math.min(PhaserFlanger.CONTROL_BLOCK, n - start);
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
                    wet = PhaserFlanger.softClip(drive * warmState) / drive;
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
}
