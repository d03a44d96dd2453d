package org.unmixer.infer.baseline;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.params.BadInputException;

/**
 * A sound as one fixed-length vector: per mel band, the mean and the (population) standard
 * deviation over time of the log-mel ({@link LogMel.Config#DEFAULT}: 128 bands, so 256 values,
 * means first then deviations). Crude but cheap; what {@code nn} retrieves by.
 */
public final class LogMelEmbedding {
    private final LogMel logMel;

    public LogMelEmbedding() {
        this(LogMel.Config.DEFAULT);
    }

    public LogMelEmbedding(LogMel.Config config) {
        this.logMel = new LogMel(config);
    }

    /** Length of every embedding: 2 × bands. */
    public int dimension() {
        return 2 * logMel.config().nMels();
    }

    /** The embedding of the channels' average; the audio must be at the log-mel rate. */
    public float[] embed(AudioBuffer audio) {
        if (audio.sampleRate() != logMel.config().sampleRate()) {
            throw new BadInputException("nearest neighbour needs " + logMel.config().sampleRate()
                    + " Hz audio, got " + audio.sampleRate() + " Hz; resample first");
        }
        return meanAndStd(logMel.compute(audio.mixToMono()));
    }

    /** Mean then population standard deviation of each column of {@code frames} ({@code [frames][bands]}). */
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
