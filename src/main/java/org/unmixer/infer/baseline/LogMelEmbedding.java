package org.unmixer.infer.baseline;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.params.BadInputException;

/**
 * A sound as one fixed-length vector, what {@code nn} retrieves by. From the log-mel
 * ({@link LogMel.Config#DEFAULT}: 128 bands), per band over time: the mean, the (population)
 * standard deviation, the mean absolute frame-to-frame change and the standard deviation of that
 * change; then the energy envelope: the log of each frame's summed mel power relative to the loudest
 * frame, averaged over {@value #ENVELOPE_SEGMENTS} equal stretches of the clip. 4 × 128 + 32 = 544
 * values, in that order.
 *
 * <p>Why more than mean and deviation: those two describe the timbre, which the synth dominates,
 * and retrieval by them alone found the right effects no better than chance (presence F1 0.520
 * against random's 0.522 on {@code id-full}). The frame-to-frame change sees movement (a phaser's
 * sweeping notches, chorus-like shimmer), the envelope sees dynamics and tails (compression,
 * reverb). Retrieval compares the values after standardising each one over the library
 * ({@link NearestNeighbourLibrary}), so no group drowns the others by its scale.
 */
public final class LogMelEmbedding {
    /** Stretches the energy envelope is averaged over. */
    public static final int ENVELOPE_SEGMENTS = 32;

    private final LogMel logMel;

    public LogMelEmbedding() {
        this(LogMel.Config.DEFAULT);
    }

    public LogMelEmbedding(LogMel.Config config) {
        this.logMel = new LogMel(config);
    }

    /** Length of every embedding: 4 × bands + {@value #ENVELOPE_SEGMENTS}. */
    public int dimension() {
        return 4 * logMel.config().nMels() + ENVELOPE_SEGMENTS;
    }

    /** The embedding of the channels' average; the audio must be at the log-mel rate. */
    public float[] embed(AudioBuffer audio) {
        if (audio.sampleRate() != logMel.config().sampleRate()) {
            throw new BadInputException("nearest neighbour needs " + logMel.config().sampleRate()
                    + " Hz audio, got " + audio.sampleRate() + " Hz; resample first");
        }
        return of(logMel.compute(audio.mixToMono()));
    }

    /** The embedding of log-mel frames ({@code [frames][bands]}, natural log of mel power). */
    static float[] of(float[][] frames) {
        int bands = frames[0].length;
        float[] out = new float[4 * bands + ENVELOPE_SEGMENTS];
        float[] stats = meanAndStd(frames);
        System.arraycopy(stats, 0, out, 0, 2 * bands);
        float[] change = changeStats(frames);
        System.arraycopy(change, 0, out, 2 * bands, 2 * bands);
        float[] envelope = envelope(frames, ENVELOPE_SEGMENTS);
        System.arraycopy(envelope, 0, out, 4 * bands, ENVELOPE_SEGMENTS);
        return out;
    }

    /**
     * Mean then population standard deviation of each column of {@code frames} ({@code [frames][bands]};
     * also used for the columns of a whole library of embeddings).
     */
    static float[] meanAndStd(float[][] frames) {
        int bands = frames[0].length;
        float[] out = new float[2 * bands];
        for (int m = 0; m < bands; m++) {
            double sum = 0;
            for (float[] f : frames) {
                sum += f[m];
            }
            double mean = sum / frames.length;
            double sq = 0;
            for (float[] f : frames) {
                sq += (f[m] - mean) * (f[m] - mean);
            }
            out[m] = (float) mean;
            out[bands + m] = (float) Math.sqrt(sq / frames.length);
        }
        return out;
    }

    /**
     * Per band, the mean of |x[t+1] − x[t]| then the population standard deviation of
     * x[t+1] − x[t]; zeros for a single frame.
     */
    static float[] changeStats(float[][] frames) {
        int bands = frames[0].length;
        float[] out = new float[2 * bands];
        int n = frames.length - 1;
        if (n < 1) {
            return out;
        }
        for (int m = 0; m < bands; m++) {
            double abs = 0;
            double sum = 0;
            double sq = 0;
            for (int t = 0; t < n; t++) {
                double d = frames[t + 1][m] - frames[t][m];
                abs += Math.abs(d);
                sum += d;
                sq += d * d;
            }
            double mean = sum / n;
            out[m] = (float) (abs / n);
            out[bands + m] = (float) Math.sqrt(Math.max(0, sq / n - mean * mean));
        }
        return out;
    }

    /**
     * The log of each frame's summed mel power minus the loudest frame's, averaged over
     * {@code segments} contiguous stretches of near-equal length (as many frames as stretches at
     * least; shorter clips repeat frames).
     */
    static float[] envelope(float[][] frames, int segments) {
        double[] energy = new double[frames.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < frames.length; t++) {
            double sum = 0;
            for (float v : frames[t]) {
                sum += Math.exp(v);
            }
            energy[t] = Math.log(sum + 1e-9);
            peak = Math.max(peak, energy[t]);
        }
        float[] out = new float[segments];
        for (int s = 0; s < segments; s++) {
            int from = (int) ((long) s * frames.length / segments);
            int to = Math.max(from + 1, (int) ((long) (s + 1) * frames.length / segments));
            double sum = 0;
            for (int t = from; t < to; t++) {
                sum += energy[Math.min(t, frames.length - 1)] - peak;
            }
            out[s] = (float) (sum / (to - from));
        }
        return out;
    }

    /** Euclidean distance between two embeddings of equal length. */
    public static double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different length " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
