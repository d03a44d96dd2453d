package org.unmixer.model.hyperbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unmixer.model.hyperbolic.BallFixtures.points;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * DJL autograd through the {@link PoincareBall} operations equals central finite differences (float64),
 * and stays finite at the origin in float32, where the norm clamps are active.
 */
class PoincareBallGradientTest {
    /** Central differences with h = 1e-6 in float64 agree with exact gradients to about 1e-9. */
    private static final double MAX_RELATIVE_ERROR = 1e-6;
    private static final double C = 0.7;
    private static final int DIM = 4;

    @Test
    void mobiusAddGradientsMatchFiniteDifferencesInBothArguments() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(21);
            NDArray x = points(manager, random, 3, DIM, C, 0.9, DataType.FLOAT64);
            NDArray y = points(manager, random, 3, DIM, C, 0.9, DataType.FLOAT64);
            NDArray weights = weights(manager, random, new Shape(3, DIM));
            assertThat(GradientCheck.relativeError(x, () -> ball.mobiusAdd(x, y).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
            assertThat(GradientCheck.relativeError(y, () -> ball.mobiusAdd(x, y).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void mobiusMatVecGradientsMatchFiniteDifferencesInMatrixAndPoint() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(22);
            NDArray m = BallFixtures.gaussian(manager, random, new Shape(3, DIM), 0.7, DataType.FLOAT64);
            NDArray x = points(manager, random, 5, DIM, C, 0.9, DataType.FLOAT64);
            NDArray weights = weights(manager, random, new Shape(5, 3));
            assertThat(GradientCheck.relativeError(m, () -> ball.mobiusMatVec(m, x).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
            assertThat(GradientCheck.relativeError(x, () -> ball.mobiusMatVec(m, x).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void expMap0GradientMatchesFiniteDifferences() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(23);
            NDArray u = BallFixtures.gaussian(manager, random, new Shape(5, DIM), 0.8, DataType.FLOAT64);
            NDArray weights = weights(manager, random, u.getShape());
            assertThat(GradientCheck.relativeError(u, () -> ball.expMap0(u).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void logMap0GradientMatchesFiniteDifferences() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(24);
            NDArray y = points(manager, random, 5, DIM, C, 0.9, DataType.FLOAT64);
            NDArray weights = weights(manager, random, y.getShape());
            assertThat(GradientCheck.relativeError(y, () -> ball.logMap0(y).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void distanceGradientsMatchFiniteDifferencesInBothArguments() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(25);
            NDArray x = points(manager, random, 5, DIM, C, 0.9, DataType.FLOAT64);
            NDArray y = points(manager, random, 5, DIM, C, 0.9, DataType.FLOAT64);
            NDArray weights = weights(manager, random, new Shape(5));
            assertThat(GradientCheck.relativeError(x, () -> ball.distance(x, y).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
            assertThat(GradientCheck.relativeError(y, () -> ball.distance(x, y).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void expMapAndLogMapGradientsMatchFiniteDifferences() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(26);
            NDArray x = points(manager, random, 3, DIM, C, 0.8, DataType.FLOAT64);
            NDArray y = points(manager, random, 3, DIM, C, 0.8, DataType.FLOAT64);
            NDArray u = BallFixtures.gaussian(manager, random, new Shape(3, DIM), 0.3, DataType.FLOAT64);
            NDArray weights = weights(manager, random, new Shape(3, DIM));
            assertThat(GradientCheck.relativeError(x, () -> ball.expMap(x, u).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
            assertThat(GradientCheck.relativeError(u, () -> ball.expMap(x, u).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
            assertThat(GradientCheck.relativeError(y, () -> ball.logMap(x, y).mul(weights).sum()))
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void gradientsAtTheOriginAreFiniteInFloat32() {
        PoincareBall ball = new PoincareBall();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray m = manager.ones(new Shape(3, DIM));
            assertFiniteGradient(manager, ball::expMap0);
            assertFiniteGradient(manager, ball::logMap0);
            assertFiniteGradient(manager, x -> ball.mobiusMatVec(m, x));
            assertFiniteGradient(manager, x -> ball.mobiusAdd(x, x));
            assertFiniteGradient(manager, x -> ball.distance(x, x));
            assertFiniteGradient(manager, ball::project);
        }
    }

    /** f's gradient at x = 0 (float32) has no NaN or infinity. */
    private static void assertFiniteGradient(NDManager manager, Function<NDArray, NDArray> f) {
        NDArray x = manager.zeros(new Shape(2, DIM));
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray value = f.apply(x);
            assertThat(value.isInfinite().any().getBoolean() || value.isNaN().any().getBoolean()).isFalse();
            collector.backward(value.sum());
        }
        NDArray gradient = x.getGradient();
        assertThat(gradient.isNaN().any().getBoolean()).as("NaN in gradient").isFalse();
        assertThat(gradient.isInfinite().any().getBoolean()).as("infinite gradient").isFalse();
    }

    /**
     * Random weights for a weighted sum: checking the gradient of a plain sum would miss errors that
     * cancel between components.
     */
    private static NDArray weights(NDManager manager, Random random, Shape shape) {
        return BallFixtures.gaussian(manager, random, shape, 1, DataType.FLOAT64);
    }
}
