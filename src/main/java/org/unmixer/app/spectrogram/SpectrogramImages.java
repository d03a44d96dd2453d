package org.unmixer.app.spectrogram;

/**
 * Spectrograms to pixels, pure: one column per frame, one pixel row per axis row, high frequencies
 * at the top. The window scales the image to its size.
 *
 * <p>For original and rebuild side by side, render both with one {@link DbScale#common} scale and
 * the same {@code widthFrames} (the longer of the two), so equal colours mean equal levels and equal
 * columns mean equal times; frames past a sound's end are drawn as silence.
 */
public final class SpectrogramImages {
    /** Default half-range of the difference picture: ±24 dB reaches the ends of the colormap. */
    public static final double DEFAULT_DIFFERENCE_RANGE_DB = 24;

    private SpectrogramImages() {}

    /** Level picture of {@code s}, {@code widthFrames} wide, coloured with {@link Colormap#LEVEL}. */
    public static ArgbImage level(Spectrogram s, DbScale scale, int widthFrames) {
        int h = s.rows();
        int[] px = new int[checkWidth(widthFrames) * h];
        for (int x = 0; x < widthFrames; x++) {
            for (int r = 0; r < h; r++) {
                px[(h - 1 - r) * widthFrames + x] = Colormap.LEVEL.argb(scale.position(s.db(x, r)));
            }
        }
        return new ArgbImage(px, widthFrames, h);
    }

    /** Level picture as wide as the spectrogram. */
    public static ArgbImage level(Spectrogram s, DbScale scale) {
        return level(s, scale, s.frames());
    }

    /**
     * Rebuild minus original in dB, coloured with {@link Colormap#DIFFERENCE}: neutral where they
     * agree, orange where the rebuild is louder, blue where it is quieter; ±{@code rangeDb} reach the
     * ends. Both levels are first limited to {@code scale}, so differences below its floor (inaudible
     * next to the loud parts) show as neutral. As wide as the longer of the two.
     */
    public static ArgbImage difference(Spectrogram original, Spectrogram rebuild, DbScale scale, double rangeDb) {
        if (!original.axis().equals(rebuild.axis())) {
            throw new IllegalArgumentException("spectrograms on different axes: " + original.axis() + " vs " + rebuild.axis());
        }
        if (!(rangeDb > 0)) {
            throw new IllegalArgumentException("difference range must be positive, got " + rangeDb);
        }
        int w = Math.max(original.frames(), rebuild.frames());
        int h = original.rows();
        int[] px = new int[w * h];
        for (int x = 0; x < w; x++) {
            for (int r = 0; r < h; r++) {
                double d = scale.limit(rebuild.db(x, r)) - scale.limit(original.db(x, r));
                px[(h - 1 - r) * w + x] = Colormap.DIFFERENCE.argb(0.5 + d / (2 * rangeDb));
            }
        }
        return new ArgbImage(px, w, h);
    }

    /** {@link #difference(Spectrogram, Spectrogram, DbScale, double)} over ±{@value #DEFAULT_DIFFERENCE_RANGE_DB} dB. */
    public static ArgbImage difference(Spectrogram original, Spectrogram rebuild, DbScale scale) {
        return difference(original, rebuild, scale, DEFAULT_DIFFERENCE_RANGE_DB);
    }

    private static int checkWidth(int w) {
        if (w < 1) {
            throw new IllegalArgumentException("image width must be ≥ 1 frame, got " + w);
        }
        return w;
    }
}
