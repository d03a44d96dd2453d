package org.unmixer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

/**
 * The gradient half of GCWD (global-norm gradient clipping + decoupled weight decay; the decay
 * itself is applied by the optimiser, apart from the gradient step): measures the global L2 norm
 * of all gradients, refuses the step when it is NaN or infinite (the NaN/Inf guard: one bad batch
 * must not poison the weights or the optimiser's moments), and otherwise returns the factor that
 * scales the gradients to at most {@code clipNorm}.
 */
public final class Gcwd {
    private Gcwd() {
    }

    /** The clip factor min(1, clipNorm / ‖g‖), or NaN when ‖g‖ is not finite (skip the step). */
    public static double clipFactor(double globalNorm, double clipNorm) {
        if (!Double.isFinite(globalNorm)) {
            return Double.NaN;
        }
        return globalNorm <= clipNorm ? 1.0 : clipNorm / globalNorm;
    }

    /** √(Σ ‖g_p‖²) over every parameter that has a gradient. */
    public static double globalNorm(ParameterList parameters) {
        double sum = 0;
        // The scope frees the temporaries (casts, squares) that the per-parameter sums leave behind.
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            scope.suppressNotUsedWarning();
            sum = squaredNorms(parameters);
        }
        return Math.sqrt(sum);
    }

    private static double squaredNorms(ParameterList parameters) {
        double sum = 0;
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                // In float64: float32 squares overflow for gradients above ~1e19, which clipping handles.
                try (NDArray g = p.getValue().getArray().getGradient();
                     NDArray sq = g.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).square().sum()) {
                    double v = sq.getDouble();
                    sum += v;
                }
            }
        }
        return sum;
    }

    /** Sets every gradient to zero by assignment (so NaN gradients are cleared too; NaN·0 would stay NaN). */
    public static void clear(ParameterList parameters) {
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            scope.suppressNotUsedWarning();
            clearAll(parameters);
        }
    }

    private static void clearAll(ParameterList parameters) {
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
                }
            }
        }
    }
}
