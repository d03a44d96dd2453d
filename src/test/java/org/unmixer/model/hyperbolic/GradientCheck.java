package org.unmixer.model.hyperbolic;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.function.Supplier;

/**
 * Compares DJL autograd with central finite differences for a scalar function of one float64 array
 * that the function reads (an input it captures, or a block parameter's own array).
 */
final class GradientCheck {
    /** Central-difference step: the truncation error h² and the rounding error 1e-16/h balance near here. */
    private static final double STEP = 1e-6;

    private GradientCheck() {}

    /**
     * {@code ‖g_autograd − g_fd‖ / max(‖g_autograd‖, ‖g_fd‖)} over all elements of {@code variable}.
     *
     * @param variable float64 array, perturbed in place and restored
     * @param scalar evaluates the function (reading {@code variable}) to a one-element array
     */
    static double relativeError(NDArray variable, Supplier<NDArray> scalar) {
        if (variable.getDataType() != DataType.FLOAT64) {
            throw new IllegalArgumentException("gradient checks need float64, got " + variable.getDataType());
        }
        double[] analytic;
        variable.setRequiresGradient(true);
        if (variable.hasGradient()) {
            // PyTorch accumulates: a block parameter still holds the gradient of an earlier check
            NDArray stale = variable.getGradient();
            stale.subi(stale);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = scalar.get();
            collector.backward(value);
            analytic = variable.getGradient().toDoubleArray();
        }
        double[] values = variable.toDoubleArray();
        double[] numeric = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double original = values[i];
            values[i] = original + STEP;
            variable.set(values);
            double plus = scalar.get().getDouble();
            values[i] = original - STEP;
            variable.set(values);
            double minus = scalar.get().getDouble();
            values[i] = original;
            variable.set(values);
            numeric[i] = (plus - minus) / (2 * STEP);
        }
        double difference = 0;
        double analyticNorm = 0;
        double numericNorm = 0;
        for (int i = 0; i < values.length; i++) {
            difference += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
            analyticNorm += analytic[i] * analytic[i];
            numericNorm += numeric[i] * numeric[i];
        }
        double scale = Math.sqrt(Math.max(analyticNorm, numericNorm));
        if (scale == 0) {
            throw new AssertionError("gradient is identically zero: the check would prove nothing");
        }
        return Math.sqrt(difference) / scale;
    }
}
