package org.unmixer.audio.spectral;

/**
 * Distances between two feature matrices of the same shape {@code [frames][features]} (log-mel
 * frames, MFCC frames). Pure functions; both inputs must have the same shape.
 */
public final class FrameDistances {
    private FrameDistances() {}

    /** Mean over every frame and feature of {@code |a − b|}; 0 when there are no frames. */
    public static double meanAbsolute(float[][] a, float[][] b) {
        requireSameShape(a, b);
        double sum = 0;
        long count = 0;
        for (int t = 0; t < a.length; t++) {
            for (int f = 0; f < a[t].length; f++) {
                sum += Math.abs((double) a[t][f] - b[t][f]);
            }
            count += a[t].length;
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Mean over frames of the Euclidean norm of the frame difference; 0 when there are no frames. */
    public static double meanFrameL2(float[][] a, float[][] b) {
        requireSameShape(a, b);
        if (a.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int t = 0; t < a.length; t++) {
            double sq = 0;
            for (int f = 0; f < a[t].length; f++) {
                double d = (double) a[t][f] - b[t][f];
                sq += d * d;
            }
            sum += Math.sqrt(sq);
        }
        return sum / a.length;
    }

    private static void requireSameShape(float[][] a, float[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("frame counts differ: " + a.length + " vs " + b.length);
        }
        for (int t = 0; t < a.length; t++) {
            if (a[t].length != b[t].length) {
                throw new IllegalArgumentException("frame " + t + " sizes differ: " + a[t].length + " vs " + b[t].length);
            }
        }
    }
}
