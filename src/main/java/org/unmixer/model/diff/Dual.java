package org.unmixer.model.diff;

import org.unmixer.params.ParamSpec;

/**
 * A scalar with its partial derivatives with respect to up to three inputs (forward-mode automatic
 * differentiation), for the plain-Java adjoints: a filter design written with these gives its
 * coefficients and their derivatives with respect to θ in one pass, per band rather than per bin.
 *
 * <p>{@link #clip} and {@link #abs} follow PyTorch's gradients, so that the derivatives are those
 * of the NDArray stand-ins: a clamp passes the derivative on its closed range [lo, hi], and |x| has
 * derivative sign(x), 0 at 0.
 */
record Dual(double v, double d0, double d1, double d2) {
    static Dual constant(double v) {
        return new Dual(v, 0, 0, 0);
    }

    /** The input {@code which} (0, 1 or 2) at value v: derivative 1 with respect to itself. */
    static Dual input(double v, int which) {
        return new Dual(v, which == 0 ? 1 : 0, which == 1 ? 1 : 0, which == 2 ? 1 : 0);
    }

    /** The partial with respect to input {@code which}. */
    double d(int which) {
        return which == 0 ? d0 : which == 1 ? d1 : d2;
    }

    Dual plus(Dual o) {
        return new Dual(v + o.v, d0 + o.d0, d1 + o.d1, d2 + o.d2);
    }

    Dual plus(double c) {
        return new Dual(v + c, d0, d1, d2);
    }

    Dual minus(Dual o) {
        return new Dual(v - o.v, d0 - o.d0, d1 - o.d1, d2 - o.d2);
    }

    Dual neg() {
        return new Dual(-v, -d0, -d1, -d2);
    }

    Dual times(double c) {
        return new Dual(v * c, d0 * c, d1 * c, d2 * c);
    }

    Dual times(Dual o) {
        return new Dual(v * o.v, d0 * o.v + v * o.d0, d1 * o.v + v * o.d1, d2 * o.v + v * o.d2);
    }

    Dual div(Dual o) {
        double q = v / o.v;
        return new Dual(q, (d0 - q * o.d0) / o.v, (d1 - q * o.d1) / o.v, (d2 - q * o.d2) / o.v);
    }

    /** f(v) with f'(v) = {@code slope}. */
    private Dual chain(double value, double slope) {
        return new Dual(value, d0 * slope, d1 * slope, d2 * slope);
    }

    Dual cos() {
        return chain(Math.cos(v), -Math.sin(v));
    }

    Dual sin() {
        return chain(Math.sin(v), Math.cos(v));
    }

    Dual exp() {
        double e = Math.exp(v);
        return chain(e, e);
    }

    Dual sqrt() {
        double r = Math.sqrt(v);
        return chain(r, 0.5 / r);
    }

    Dual abs() {
        return chain(Math.abs(v), Math.signum(v));
    }

    Dual clip(double lo, double hi) {
        return v >= lo && v <= hi ? this : chain(Math.min(Math.max(v, lo), hi), 0);
    }

    /** {@link DiffTaper#toDisplay} of this θ: the display value of {@code p}, θ clipped to [0, 1]. */
    Dual toDisplay(ParamSpec p) {
        if (p.isQuantized()) {
            throw new IllegalArgumentException(p.name() + " is quantized: not differentiable");
        }
        Dual t = clip(0, 1);
        double min = p.min();
        double max = p.max();
        return switch (p.taper()) {
            case LIN -> t.times(max - min).plus(min);
            case LOG -> t.times(Math.log(max / min)).exp().times(min);
            case EXP -> t.times(p.curve()).exp().plus(-1).times((max - min) / Math.expm1(p.curve())).plus(min);
        };
    }
}
