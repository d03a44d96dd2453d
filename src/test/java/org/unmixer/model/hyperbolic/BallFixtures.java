package org.unmixer.model.hyperbolic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** Seeded random points and vectors for the hyperbolic tests, built in plain Java then copied in. */
final class BallFixtures {
    private BallFixtures() {}

    /**
     * {@code count} points of R^dim with a uniformly random direction and a norm uniform in
     * {@code [0, maxRadiusFraction/√c)}, so every point is strictly inside the ball of curvature c.
     */
    static NDArray points(NDManager manager, Random random, int count, int dim, double c, double maxRadiusFraction,
            DataType dataType) {
        double[] values = new double[count * dim];
        for (int i = 0; i < count; i++) {
            double[] direction = gaussian(random, dim);
            double norm = Math.sqrt(dot(direction, direction));
            double radius = random.nextDouble() * maxRadiusFraction / Math.sqrt(c);
            for (int j = 0; j < dim; j++) {
                values[i * dim + j] = direction[j] / norm * radius;
            }
        }
        return manager.create(values, new Shape(count, dim)).toType(dataType, false);
    }

    /** Standard normal entries scaled by {@code scale}, in the given shape. */
    static NDArray gaussian(NDManager manager, Random random, Shape shape, double scale, DataType dataType) {
        double[] values = gaussian(random, (int) shape.size());
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return manager.create(values, shape).toType(dataType, false);
    }

    /** Euclidean norm of each row of a {@code [rows, n]} array, in double precision. */
    static double[] rowNorms(NDArray points) {
        int dim = (int) points.getShape().get(points.getShape().dimension() - 1);
        double[] values = points.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] norms = new double[values.length / dim];
        for (int i = 0; i < norms.length; i++) {
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                sum += values[i * dim + j] * values[i * dim + j];
            }
            norms[i] = Math.sqrt(sum);
        }
        return norms;
    }

    /** Largest absolute element-wise difference. */
    static double maxAbsDifference(NDArray a, NDArray b) {
        double[] x = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] y = b.toType(DataType.FLOAT64, false).toDoubleArray();
        if (x.length != y.length) {
            throw new AssertionError("sizes differ: " + a.getShape() + " vs " + b.getShape());
        }
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    private static double[] gaussian(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
