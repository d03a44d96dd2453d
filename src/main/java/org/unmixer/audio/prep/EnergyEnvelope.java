package org.unmixer.audio.prep;

import java.util.Arrays;

/**
 * Short-time level of a mono signal: RMS over consecutive, non-overlapping frames of {@value
 * #FRAME_SECONDS} s, in dBFS. Ten milliseconds resolve a synth attack yet span a full cycle of
 * anything above 100 Hz, so a steady tone reads as a nearly flat line.
 *
 * <p>All-zero frames read {@value #SILENCE_DB} dB instead of −∞, so differences and
 * interpolations between frames stay finite.
 */
public final class EnergyEnvelope {
    /** Frame length, s. */
    public static final double FRAME_SECONDS = 0.01;
    /** Level of digital silence, dBFS (a mean square of 1e-20). */
    public static final double SILENCE_DB = -200;
    private static final double TINY_POWER = 1e-20;

    private EnergyEnvelope() {}

    /** Samples per frame at {@code sampleRate}: round(0.01 × rate), at least 1. */
    public static int frameLength(int sampleRate) {
        return Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
    }

    /**
     * RMS level of each frame of {@code frameLength} samples, dBFS; the last frame may be shorter
     * and is measured over the samples it has.
     */
    public static double[] rmsDb(float[] mono, int frameLength) {
        int frames = (mono.length + frameLength - 1) / frameLength;
        double[] db = new double[frames];
        for (int k = 0; k < frames; k++) {
            int start = k * frameLength;
            int end = Math.min(mono.length, start + frameLength);
            double sum = 0;
            for (int i = start; i < end; i++) {
                sum += (double) mono[i] * mono[i];
            }
            db[k] = powerToDb(sum / (end - start));
        }
        return db;
    }

    /**
     * Each frame replaced by the mean power of the {@code width} frames centred on it (fewer at the
     * edges), in dB. Averaging power rather than dB keeps a single loud frame from being lost.
     *
     * @param width odd number of frames
     */
    public static double[] smooth(double[] db, int width) {
        if (width < 1 || width % 2 == 0) {
            throw new IllegalArgumentException("smoothing width must be a positive odd number of frames, got " + width);
        }
        int half = width / 2;
        double[] out = new double[db.length];
        for (int k = 0; k < db.length; k++) {
            int from = Math.max(0, k - half);
            int to = Math.min(db.length - 1, k + half);
            double sum = 0;
            for (int j = from; j <= to; j++) {
                sum += Math.pow(10, db[j] / 10);
            }
            out[k] = 10 * Math.log10(sum / (to - from + 1)); // each term already includes the tiny power
        }
        return out;
    }

    /**
     * Each frame replaced by the median of the {@code width} frames centred on it (fewer at the
     * edges). Unlike an average, a median keeps a step where it is and a steady slope unchanged while
     * it removes ripple and isolated spikes.
     *
     * @param width odd number of frames
     */
    public static double[] median(double[] db, int width) {
        if (width < 1 || width % 2 == 0) {
            throw new IllegalArgumentException("median width must be a positive odd number of frames, got " + width);
        }
        int half = width / 2;
        double[] out = new double[db.length];
        for (int k = 0; k < db.length; k++) {
            int from = Math.max(0, k - half);
            int to = Math.min(db.length - 1, k + half);
            double[] span = Arrays.copyOfRange(db, from, to + 1);
            Arrays.sort(span);
            int n = span.length;
            out[k] = n % 2 == 1 ? span[n / 2] : 0.5 * (span[n / 2 - 1] + span[n / 2]);
        }
        return out;
    }

    private static double powerToDb(double meanSquare) {
        return 10 * Math.log10(meanSquare + TINY_POWER);
    }
}
