package org.unmixer.data;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How one parameter is drawn, in display units: uniform or log-uniform between {@code min} and
 * {@code max}, or one of a list of {@code choices} (numbers or item names) with optional weights,
 * or — {@link Conditional} — a range chosen by the item another parameter of the device was given
 * (an EQ band's frequency range depends on whether it is a high-pass or a high shelf).
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

    /**
     * A range picked by the item of another (quantized) parameter of the same device, which is drawn
     * first; items without a case use {@code otherwise}, or keep the starting value when that is null.
     */
    record Conditional(String by, Map<String, ParamRange> cases, ParamRange otherwise) implements ParamRange {
        public Conditional {
            cases = Map.copyOf(cases);
        }

        /** The range for the item {@code by} was given, or null to keep the starting value. */
        public ParamRange rangeFor(String item) {
            return cases.getOrDefault(item, otherwise);
        }

        /** Conditional ranges need the other parameter's value: draw with {@link #rangeFor} instead. */
        @Override
        public Object draw(SplittableRandom rng) {
            throw new IllegalStateException("a range conditional on \"" + by + "\" is drawn through rangeFor");
        }
    }
}
