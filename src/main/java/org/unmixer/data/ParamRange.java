package org.unmixer.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How one parameter is drawn, in display units: uniform or log-uniform between {@code min} and
 * {@code max}, or one of a list of {@code choices} (numbers or item names) with optional weights.
 */
public sealed interface ParamRange {
    /** A value in patch-JSON form: a Double, or a String item name. */
    Object draw(SplittableRandom rng);

    /** Uniform (or, with {@code log}, log-uniform) over [min, max]. */
    record Interval(double min, double max, boolean log) implements ParamRange {
        @Override
        public Object draw(SplittableRandom rng) {
            double u = rng.nextDouble();
            double v = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
            // exp(log(…)) can land one ulp outside the range: project back, explicitly.
            return Math.max(min, Math.min(max, v));
        }
    }

    /** One of the choices, with probabilities proportional to the weights. */
    record Choice(List<Object> choices, double[] weights) implements ParamRange {
        @Override
        public Object draw(SplittableRandom rng) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double u = rng.nextDouble() * total;
            for (int i = 0; i < choices.size(); i++) {
                u -= weights[i];
                if (u < 0) {
                    return choices.get(i);
                }
            }
            return choices.get(choices.size() - 1);
        }
    }
}
