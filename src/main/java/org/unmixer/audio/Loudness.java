package org.unmixer.audio;

/**
 * Level measures: integrated loudness per ITU-R BS.1770-4 (EBU R 128), sample peak and RMS, and
 * loudness normalisation.
 *
 * <p>BS.1770-4: each channel is K-weighted (a +4 dB high shelf around 1.7 kHz, then the RLB
 * high-pass at 38 Hz); mean squares are taken over 400 ms blocks every 100 ms (75 % overlap);
 * block loudness is {@code −0.691 + 10·log10(Σ G_i·z_i)}; blocks below −70 LUFS (absolute gate) are
 * dropped, then blocks more than 10 LU below the loudness of the rest (relative gate); integrated
 * loudness is the same formula over the mean of the surviving blocks. The filter coefficients are
 * the standard's 48 kHz ones re-derived for any rate from their analogue prototype (bilinear
 * transform, as libebur128 does); blocks are four 100 ms steps of round(0.1 × rate) samples
 * (exactly 400 ms at 44.1 and 48 kHz). At 48 kHz they equal the table in the standard to 1e-8.
 *
 * <p>Channel weights G: 1.0 for every channel, except 5-channel (L R C Ls Rs: 1.41 on Ls, Rs) and
 * 6-channel 5.1 audio (L R C LFE Ls Rs: LFE excluded, 1.41 on Ls, Rs). Audio shorter than one block
 * is measured as a single block over its whole length (the standard leaves it undefined).
 */
public final class Loudness {
    /** Absolute gate of BS.1770-4, LUFS. */
    public static final double ABSOLUTE_GATE_LUFS = -70;
    /** Relative gate of BS.1770-4, LU below the absolute-gated loudness. */
    public static final double RELATIVE_GATE_LU = -10;
    private static final double STEP_SECONDS = 0.1;
    /** Offset making a 997 Hz sine at 0 dBFS in one channel read −3.01 LUFS. */
    private static final double OFFSET = -0.691;

    private Loudness() {}

    /** Integrated loudness in LUFS; {@code -Infinity} when every block is gated out (silence). */
    public static double integratedLufs(AudioBuffer audio) {
        int frames = audio.frames();
        if (frames == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int step = (int) Math.round(STEP_SECONDS * audio.sampleRate());
        int stepsPerBlock = 4; // 400 ms blocks, 75 % overlap
        double[] weights = channelWeights(audio.channelCount());
        double[][] shelf = highShelf(audio.sampleRate());
        double[][] hp = highPass(audio.sampleRate());
        // weighted Σ y² per 100 ms step, summed over channels; a block is four consecutive steps
        int steps = (frames + step - 1) / step;
        double[] stepEnergy = new double[steps];
        for (int c = 0; c < audio.channelCount(); c++) {
            if (weights[c] != 0) {
                kWeightedStepEnergy(audio.channel(c), shelf, hp, step, weights[c], stepEnergy);
            }
        }
        double[] z;
        if (frames < stepsPerBlock * step) {
            double total = 0;
            for (double e : stepEnergy) {
                total += e;
            }
            z = new double[] {total / frames};
        } else {
            int blocks = (frames - stepsPerBlock * step) / step + 1;
            z = new double[blocks];
            for (int j = 0; j < blocks; j++) {
                double sum = 0;
                for (int k = 0; k < stepsPerBlock; k++) {
                    sum += stepEnergy[j + k];
                }
                z[j] = sum / (stepsPerBlock * step);
            }
        }
        double absoluteGate = lufsToPower(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (double zj : z) {
            if (zj > absoluteGate) {
                sum += zj;
                count++;
            }
        }
        if (count == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = sum / count * Math.pow(10, RELATIVE_GATE_LU / 10);
        sum = 0;
        count = 0;
        for (double zj : z) {
            if (zj > absoluteGate && zj > relativeGate) {
                sum += zj;
                count++;
            }
        }
        return powerToLufs(sum / count);
    }

    /** Largest absolute sample in dBFS ({@code -Infinity} for silence). */
    public static double peakDb(AudioBuffer audio) {
        return 20 * Math.log10(audio.peak());
    }

    /** Root mean square over all samples of all channels, in dBFS ({@code -Infinity} for silence). */
    public static double rmsDb(AudioBuffer audio) {
        double s = 0;
        long n = 0;
        for (float[] c : audio.channels()) {
            for (float v : c) {
                s += (double) v * v;
            }
            n += c.length;
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(s / n);
    }

    /**
     * {@code audio} scaled by one gain so its integrated loudness is {@code targetLufs}. Audio with no
     * block above the absolute gate (silence) is returned unchanged: it has no loudness to scale.
     */
    public static AudioBuffer normalize(AudioBuffer audio, double targetLufs) {
        double lufs = integratedLufs(audio);
        if (Double.isInfinite(lufs)) {
            return audio;
        }
        float gain = (float) Math.pow(10, (targetLufs - lufs) / 20);
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            float[] in = audio.channel(c);
            out[c] = new float[in.length];
            for (int i = 0; i < in.length; i++) {
                out[c][i] = in[i] * gain;
            }
        }
        return new AudioBuffer(out, audio.sampleRate());
    }

    /** Stage 1 of K-weighting (high shelf) as {b0, b1, b2}, {1, a1, a2} at {@code rate}. */
    static double[][] highShelf(double rate) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10, gainDb / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new double[][] {
            {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0},
            {1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0}
        };
    }

    /** Stage 2 of K-weighting (RLB high-pass) as {b0, b1, b2}, {1, a1, a2} at {@code rate}. */
    static double[][] highPass(double rate) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / rate);
        double a0 = 1 + k / q + k * k;
        return new double[][] {{1, -2, 1}, {1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0}};
    }

    /** Adds {@code weight × Σ y²} of the K-weighted channel per {@code step}-sample segment. */
    private static void kWeightedStepEnergy(float[] x, double[][] s, double[][] h, int step, double weight,
            double[] out) {
        double sb0 = s[0][0], sb1 = s[0][1], sb2 = s[0][2], sa1 = s[1][1], sa2 = s[1][2];
        double hb0 = h[0][0], hb1 = h[0][1], hb2 = h[0][2], ha1 = h[1][1], ha2 = h[1][2];
        double s1 = 0, s2 = 0, h1 = 0, h2 = 0;
        for (int start = 0, seg = 0; start < x.length; start += step, seg++) {
            int end = Math.min(x.length, start + step);
            double acc = 0;
            for (int i = start; i < end; i++) {
                double in = x[i];
                double y = sb0 * in + s1;
                s1 = sb1 * in - sa1 * y + s2;
                s2 = sb2 * in - sa2 * y;
                double v = hb0 * y + h1;
                h1 = hb1 * y - ha1 * v + h2;
                h2 = hb2 * y - ha2 * v;
                acc += v * v;
            }
            out[seg] += weight * acc;
        }
    }

    static double[] channelWeights(int channels) {
        double[] w = new double[channels];
        java.util.Arrays.fill(w, 1.0);
        if (channels == 5) {
            w[3] = 1.41;
            w[4] = 1.41;
        } else if (channels == 6) {
            w[3] = 0;
            w[4] = 1.41;
            w[5] = 1.41;
        }
        return w;
    }

    private static double lufsToPower(double lufs) {
        return Math.pow(10, (lufs - OFFSET) / 10);
    }

    private static double powerToLufs(double power) {
        return OFFSET + 10 * Math.log10(power);
    }
}
