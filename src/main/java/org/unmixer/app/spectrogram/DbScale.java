package org.unmixer.app.spectrogram;

/**
 * The dB range that maps onto a colormap: {@code minDb} → 0 (darkest), {@code maxDb} → 1.
 * Comparing two pictures only makes sense on one scale, so {@link #common} builds it from both.
 *
 * <p>Levels outside the range are shown at its ends: a display projection, not a change to the data.
 */
public record DbScale(double minDb, double maxDb) {
    /** Default range shown: 90 dB, about what a well-made synth sound spans above its noise floor. */
    public static final double DEFAULT_RANGE_DB = 90;

    public DbScale {
        if (!(maxDb > minDb)) {
            throw new IllegalArgumentException("dB scale needs max > min, got [" + minDb + ", " + maxDb + "]");
        }
    }

    /** One scale for all: top at the loudest cell of any of them (rounded up to a whole dB), {@code rangeDb} deep. */
    public static DbScale common(double rangeDb, Spectrogram... spectrograms) {
        if (!(rangeDb > 0) || spectrograms.length == 0) {
            throw new IllegalArgumentException("need a positive range and at least one spectrogram");
        }
        double top = Spectrogram.FLOOR_DB;
        for (Spectrogram s : spectrograms) {
            top = Math.max(top, s.maxDb());
        }
        top = Math.ceil(top);
        return new DbScale(top - rangeDb, top);
    }

    /** {@link #common(double, Spectrogram...)} with {@link #DEFAULT_RANGE_DB}. */
    public static DbScale common(Spectrogram... spectrograms) {
        return common(DEFAULT_RANGE_DB, spectrograms);
    }

    /** Position of {@code db} on the scale, in [0, 1]. */
    public double position(double db) {
        return Math.max(0, Math.min(1, (db - minDb) / (maxDb - minDb)));
    }

    /** {@code db} limited to the scale (what the picture shows). */
    public double limit(double db) {
        return Math.max(minDb, Math.min(maxDb, db));
    }
}
