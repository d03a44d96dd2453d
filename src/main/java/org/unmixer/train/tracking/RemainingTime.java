package org.unmixer.train.tracking;

import java.util.Locale;

/**
 * Time-left arithmetic and its two spellings: the command-line commands' coarse one
 * ({@code 12 s}, {@code 2.1 min}) and the progress bar's clock one ({@code 3:21}). Unknown times
 * (before the first item, a stalled rate) are {@code ?}.
 */
public final class RemainingTime {
    private RemainingTime() {}

    /**
     * Seconds left if the remaining {@code total − done} items go at the average pace so far;
     * NaN before the first item is done.
     */
    public static double atAveragePace(double elapsedSeconds, long done, long total) {
        return done <= 0 ? Double.NaN : elapsedSeconds / done * (total - done);
    }

    /** Seconds left for {@code remaining} items at {@code itemsPerSecond}; NaN when that rate is not positive. */
    public static double atRate(long remaining, double itemsPerSecond) {
        return itemsPerSecond > 0 ? remaining / itemsPerSecond : Double.NaN;
    }

    /** Whole seconds under two minutes ({@code "42 s"}), else minutes to one decimal ({@code "2.5 min"}). */
    public static String coarse(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on, rounded to the second. */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = s % 3600 / 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", m, s % 60);
    }
}
