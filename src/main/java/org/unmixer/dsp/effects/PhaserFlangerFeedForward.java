package org.unmixer.dsp.effects;

import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;

/**
 * {@link PhaserFlanger}'s kernel for Feedback 0, where nothing chains the stages across samples:
 * one channel at a time, one control block at a time, stages eight at a time with their state in
 * locals. Bit-identical to {@link PhaserFlangerFeedback#renderChannel} with Feedback 0 (tested).
 */
final class PhaserFlangerFeedForward {
    private PhaserFlangerFeedForward() {
    }

    /**
     * One channel without feedback, bit-identical to {@link PhaserFlangerFeedback#renderChannel}: per
     * control block the
     * coefficient ramp and the Safe Bass output go to block buffers, then the stages run over the
     * block eight at a time with their state in locals (eight independent recursions keep the
     * FMA units busy; state in an array would add a store-to-load round trip to every recursion),
     * the remaining stages sample by sample, then the output mix.
     */
    static float[] render(float[] x, PhaserFlangerControls c, double fs, double[] track) {
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
        double warmKeep = PhaserFlanger.warmLowPassPole(c, fs);
        double drive = PhaserFlanger.warmDrive(c);
        double warmState = 0;

        double[] ca1 = new double[PhaserFlanger.CONTROL_BLOCK];
        double[] ca2 = new double[PhaserFlanger.CONTROL_BLOCK];
        double[] high = new double[PhaserFlanger.CONTROL_BLOCK];
        double[] v = new double[PhaserFlanger.CONTROL_BLOCK];
        double a1 = track[0];
        double a2 = track[1];
        float[] y = new float[n];
        for (int start = 0, b = 2; start < n; start += PhaserFlanger.CONTROL_BLOCK, b += 2) {
            int len = Math.min(PhaserFlanger.CONTROL_BLOCK, n - start);
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
                    wet = PhaserFlanger.softClip(drive * warmState) / drive;
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
}
