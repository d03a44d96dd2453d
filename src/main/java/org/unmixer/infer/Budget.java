package org.unmixer.infer;

import org.unmixer.params.BadInputException;

/**
 * How much an {@link Estimator} may spend on one input: reference-renderer renders and wall time.
 * Renders are the cost every method is compared by; wall time is only a stop condition (results
 * must never depend on it in tests, and runs that hit it are not repeatable).
 *
 * @param maxRenders most renders of candidate patches, ≥ 1 ({@link Integer#MAX_VALUE}: no limit)
 * @param maxNanos most wall time in nanoseconds, ≥ 1 ({@link Long#MAX_VALUE}: no limit)
 */
public record Budget(int maxRenders, long maxNanos) {
    /** No limit on either. */
    public static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, Long.MAX_VALUE);

    public Budget {
        if (maxRenders < 1) {
            throw new BadInputException("budget: max renders " + maxRenders + " must be at least 1");
        }
        if (maxNanos < 1) {
            throw new BadInputException("budget: max wall time must be positive, got " + maxNanos + " ns");
        }
    }

    /** At most {@code n} renders, no wall-time limit. */
    public static Budget renders(int n) {
        return new Budget(n, Long.MAX_VALUE);
    }

    /** At most {@code seconds} of wall time, no render limit. */
    public static Budget seconds(double seconds) {
        if (!(seconds > 0)) {
            throw new BadInputException("budget: wall time " + seconds + " s must be positive");
        }
        return new Budget(Integer.MAX_VALUE, (long) Math.min(Long.MAX_VALUE, seconds * 1e9));
    }
}
