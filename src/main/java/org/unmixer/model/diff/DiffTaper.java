package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.unmixer.model.Scalars;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * {@link org.unmixer.params.Taper} on NDArrays, so that display values are differentiable functions
 * of normalised θ (the same formulas: LIN, LOG geometric, EXP with curvature).
 */
public final class DiffTaper {
    private DiffTaper() {
    }

    /** Display value(s) of a continuous parameter for θ (any shape; θ outside [0, 1] is clipped). */
    public static NDArray toDisplay(NDArray theta, ParamSpec p) {
        if (p.isQuantized()) {
            throw new IllegalArgumentException(p.name() + " is quantized: not differentiable");
        }
        NDArray t = theta.clip(0, 1);
        double min = p.min();
        double max = p.max();
        return switch (p.taper()) {
            case LIN -> Scalars.mul(t, max - min).add(min);
            case LOG -> Scalars.mul(Scalars.mul(t, Math.log(max / min)).exp(), min);
            case EXP -> Scalars.mul(Scalars.mul(t, p.curve()).exp().sub(1), (max - min) / Math.expm1(p.curve())).add(min);
        };
    }

    /** {@link #toDisplay} for one θ, in plain Java. */
    public static double display(double theta, ParamSpec p) {
        if (p.isQuantized()) {
            throw new IllegalArgumentException(p.name() + " is quantized: not differentiable");
        }
        double t = Math.min(1, Math.max(0, theta));
        double min = p.min();
        double max = p.max();
        return switch (p.taper()) {
            case LIN -> t * (max - min) + min;
            case LOG -> Math.exp(t * Math.log(max / min)) * min;
            case EXP -> Math.expm1(t * p.curve()) * (max - min) / Math.expm1(p.curve()) + min;
        };
    }

    /**
     * d(display)/dθ of {@link #display}: 0 outside [0, 1], where the clip holds the value (at the
     * edges themselves the slope is kept, as PyTorch's clamp passes the gradient there).
     */
    public static double slope(double theta, ParamSpec p) {
        if (theta < 0 || theta > 1) {
            return 0;
        }
        double min = p.min();
        double max = p.max();
        return switch (p.taper()) {
            case LIN -> max - min;
            case LOG -> Math.exp(theta * Math.log(max / min)) * min * Math.log(max / min);
            case EXP -> Math.exp(theta * p.curve()) * p.curve() * (max - min) / Math.expm1(p.curve());
        };
    }

    /** Normalised θ of the named parameters of {@code settings}, in the list's order. */
    public static float[] theta(List<ParamSpec> parameters, DeviceSettings settings) {
        float[] t = new float[parameters.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) settings.normalized(parameters.get(i).name());
        }
        return t;
    }
}
