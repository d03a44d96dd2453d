package org.unmixer.train.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick positions and labels for plot axes: 1-2-5 steps on linear axes, powers of ten on log axes. */
final class AxisTicks {
    private AxisTicks() {}

    /**
     * The 1, 2 or 5 × 10^k step that cuts {@code span} into at most about {@code maxTicks} parts
     * (the smallest such step at least {@code span / maxTicks}).
     */
    static double niceStep(double span, int maxTicks) {
        double raw = span / maxTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /** Multiples of {@code step} inside [lo, hi]. */
    static List<Double> linear(double lo, double hi, double step) {
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    /** Powers of ten inside [lo, hi] (both positive). */
    static List<Double> decades(double lo, double hi) {
        List<Double> ticks = new ArrayList<>();
        for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) {
            ticks.add(Math.pow(10, e));
        }
        return ticks;
    }

    /** {@code value} with as many decimals as {@code step} needs: {@code 0.2}, {@code 1500}, {@code -0.05}. */
    static String label(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A power of ten: plain from 0.001 to 1000 ({@code 0.01}, {@code 100}), else {@code 1e-5}. */
    static String decadeLabel(double value) {
        int e = (int) Math.round(Math.log10(value));
        return e >= -3 && e <= 3 ? label(value, value) : "1e" + e;
    }
}
