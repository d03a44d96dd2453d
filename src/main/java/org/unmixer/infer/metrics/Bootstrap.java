package org.unmixer.infer.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mean of per-example values with a percentile-bootstrap confidence interval (Efron): draw
 * {@code resamples} samples of the same size with replacement, take each one's mean, and report the
 * {@code (1 − confidence)/2} and {@code (1 + confidence)/2} quantiles of those means (linear
 * interpolation between order statistics, numpy's default). Deterministic for a seed.
 */
public final class Bootstrap {
    /**
     * @param resamples bootstrap samples drawn
     * @param confidence coverage of the interval, in (0, 1)
     * @param seed seed of the {@link SplittableRandom}
     */
    public record Config(int resamples, double confidence, long seed) {
        /** 2000 resamples (percentile bounds stable to about ±1 % of their width), 95 %, seed 1. */
        public static final Config DEFAULT = new Config(2000, 0.95, 1);

        public Config {
            if (resamples < 1) {
                throw new IllegalArgumentException("resamples must be ≥ 1, got " + resamples);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
            }
        }
    }

    /** Mean and interval of {@code n} values. */
    public record Summary(int n, double mean, double low, double high) {}

    private final Config config;

    public Bootstrap(Config config) {
        this.config = config;
    }

    /** Mean and bootstrap interval; values must be finite and at least one. */
    public Summary summarize(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cannot summarise a non-finite value: " + v);
            }
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        int n = values.length;
        double[] means = new double[config.resamples()];
        for (int r = 0; r < means.length; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += values[random.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        double alpha = 1 - config.confidence();
        return new Summary(n, mean(values), quantile(means, alpha / 2), quantile(means, 1 - alpha / 2));
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** Quantile {@code q} of sorted values: linear interpolation at position {@code q·(n − 1)}. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
