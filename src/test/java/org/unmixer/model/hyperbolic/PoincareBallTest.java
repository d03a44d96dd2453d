package org.unmixer.model.hyperbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.unmixer.model.hyperbolic.BallFixtures.maxAbsDifference;
import static org.unmixer.model.hyperbolic.BallFixtures.points;
import static org.unmixer.model.hyperbolic.BallFixtures.rowNorms;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gyrovector identities, map inverses and metric axioms of {@link PoincareBall}, for several curvatures. */
class PoincareBallTest {
    /** Float64 identities hold to rounding; points reach 0.95 of the radius, where λ ≈ 20. */
    private static final double FLOAT64_TOLERANCE = 1e-10;
    /** Float32 has 24 bits; the identities chain a handful of operations on points up to 0.9 of the radius. */
    private static final double FLOAT32_TOLERANCE = 2e-5;
    private static final int COUNT = 64;
    private static final int DIM = 5;

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void zeroIsTheIdentityOfMobiusAdditionOnBothSides(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = points(manager, new Random(1), COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray zero = manager.zeros(new Shape(COUNT, DIM), DataType.FLOAT64);
            assertThat(maxAbsDifference(ball.mobiusAdd(zero, x), x)).isLessThan(FLOAT64_TOLERANCE);
            assertThat(maxAbsDifference(ball.mobiusAdd(x, zero), x)).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void mobiusAdditionHasLeftCancellation(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(2);
            NDArray x = points(manager, random, COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray y = points(manager, random, COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray back = ball.mobiusAdd(x.neg(), ball.mobiusAdd(x, y));
            assertThat(maxAbsDifference(back, y)).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @Test
    void leftCancellationHoldsInFloat32() {
        PoincareBall ball = new PoincareBall();
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(3);
            NDArray x = points(manager, random, COUNT, DIM, 1, 0.9, DataType.FLOAT32);
            NDArray y = points(manager, random, COUNT, DIM, 1, 0.9, DataType.FLOAT32);
            NDArray back = ball.mobiusAdd(x.neg(), ball.mobiusAdd(x, y));
            assertThat(back.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(maxAbsDifference(back, y)).isLessThan(FLOAT32_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void expMap0AndLogMap0AreInverse(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(4);
            NDArray y = points(manager, random, COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray u = BallFixtures.gaussian(manager, random, new Shape(COUNT, DIM), 0.5, DataType.FLOAT64);
            assertThat(maxAbsDifference(ball.expMap0(ball.logMap0(y)), y)).isLessThan(FLOAT64_TOLERANCE);
            assertThat(maxAbsDifference(ball.logMap0(ball.expMap0(u)), u)).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void expMapUndoesLogMapAtEveryBasePoint(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(5);
            NDArray x = points(manager, random, COUNT, DIM, c, 0.9, DataType.FLOAT64);
            NDArray y = points(manager, random, COUNT, DIM, c, 0.9, DataType.FLOAT64);
            NDArray u = BallFixtures.gaussian(manager, random, new Shape(COUNT, DIM), 0.1, DataType.FLOAT64);
            assertThat(maxAbsDifference(ball.expMap(x, ball.logMap(x, y)), y)).isLessThan(FLOAT64_TOLERANCE);
            assertThat(maxAbsDifference(ball.logMap(x, ball.expMap(x, u)), u)).isLessThan(1e-8);
        }
    }

    @Test
    void expMapAtTheOriginIsExpMap0() {
        PoincareBall ball = new PoincareBall(1.7);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray u = BallFixtures.gaussian(manager, new Random(6), new Shape(COUNT, DIM), 1, DataType.FLOAT64);
            NDArray zero = manager.zeros(u.getShape(), DataType.FLOAT64);
            assertThat(maxAbsDifference(ball.expMap(zero, u), ball.expMap0(u))).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void distanceIsSymmetricAndZeroOnTheDiagonal(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(7);
            NDArray x = points(manager, random, COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray y = points(manager, random, COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray dxy = ball.distance(x, y);
            assertThat(dxy.getShape()).isEqualTo(new Shape(COUNT));
            assertThat(maxAbsDifference(dxy, ball.distance(y, x))).isLessThan(FLOAT64_TOLERANCE);
            assertThat(dxy.min().getDouble()).isPositive();
            assertThat(ball.distance(x, x).abs().max().getDouble()).isLessThan(1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void distanceFromTheOriginIsTwiceArtanhOfTheScaledNorm(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = points(manager, new Random(8), COUNT, DIM, c, 0.95, DataType.FLOAT64);
            double[] distances = ball.distance(manager.zeros(x.getShape(), DataType.FLOAT64), x).toDoubleArray();
            double[] norms = rowNorms(x);
            for (int i = 0; i < COUNT; i++) {
                double z = Math.sqrt(c) * norms[i];
                double expected = 2 / Math.sqrt(c) * 0.5 * Math.log((1 + z) / (1 - z));
                assertThat(distances[i]).isCloseTo(expected, within(FLOAT64_TOLERANCE));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void distanceSatisfiesTheTriangleInequality(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(9);
            int triples = 500;
            NDArray x = points(manager, random, triples, DIM, c, 0.99, DataType.FLOAT64);
            NDArray y = points(manager, random, triples, DIM, c, 0.99, DataType.FLOAT64);
            NDArray z = points(manager, random, triples, DIM, c, 0.99, DataType.FLOAT64);
            double[] xz = ball.distance(x, z).toDoubleArray();
            double[] xy = ball.distance(x, y).toDoubleArray();
            double[] yz = ball.distance(y, z).toDoubleArray();
            for (int i = 0; i < triples; i++) {
                assertThat(xz[i]).isLessThanOrEqualTo(xy[i] + yz[i] + 1e-9);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void mobiusMatVecWithTheIdentityIsTheIdentity(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = points(manager, new Random(10), COUNT, DIM, c, 0.95, DataType.FLOAT64);
            NDArray identity = manager.eye(DIM).toType(DataType.FLOAT64, false);
            assertThat(maxAbsDifference(ball.mobiusMatVec(identity, x), x)).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void mobiusMatVecWithAScaledIdentityIsMobiusScalarMultiplication(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = points(manager, new Random(11), COUNT, DIM, c, 0.95, DataType.FLOAT64);
            for (double r : new double[] {0.25, 1.5, 3}) {
                NDArray scaled = manager.eye(DIM).toType(DataType.FLOAT64, false).mul(r);
                NDArray expected = ball.mobiusScalarMul(manager.create(r), x);
                assertThat(maxAbsDifference(ball.mobiusMatVec(scaled, x), expected)).isLessThan(FLOAT64_TOLERANCE);
            }
        }
    }

    @Test
    void mobiusScalarMultiplicationScalesTheDistanceFromTheOrigin() {
        PoincareBall ball = new PoincareBall(0.8);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = points(manager, new Random(12), COUNT, DIM, 0.8, 0.9, DataType.FLOAT64);
            NDArray zero = manager.zeros(x.getShape(), DataType.FLOAT64);
            NDArray scaled = ball.mobiusScalarMul(manager.create(0.4), x);
            NDArray expected = ball.distance(zero, x).mul(0.4);
            assertThat(maxAbsDifference(ball.distance(zero, scaled), expected)).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @Test
    void mobiusMatVecMapsToTheOriginWhereTheImageVanishes() {
        PoincareBall ball = new PoincareBall();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = points(manager, new Random(13), COUNT, DIM, 1, 0.9, DataType.FLOAT32);
            NDArray result = ball.mobiusMatVec(manager.zeros(new Shape(3, DIM)), x);
            assertThat(result.getShape()).isEqualTo(new Shape(COUNT, 3));
            assertThat(result.toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void mobiusMatVecBroadcastsOverLeadingAxes() {
        PoincareBall ball = new PoincareBall();
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(14);
            NDArray x = points(manager, random, 12, DIM, 1, 0.9, DataType.FLOAT64);
            NDArray m = BallFixtures.gaussian(manager, random, new Shape(3, DIM), 0.5, DataType.FLOAT64);
            NDArray flat = ball.mobiusMatVec(m, x);
            NDArray batched = ball.mobiusMatVec(m, x.reshape(2, 6, DIM));
            assertThat(batched.getShape()).isEqualTo(new Shape(2, 6, 3));
            assertThat(maxAbsDifference(batched.reshape(12, 3), flat)).isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @Test
    void mobiusPointwiseIsMobiusMatVecWithTheDiagonalMatrix() {
        PoincareBall ball = new PoincareBall(1.3);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(15);
            NDArray x = points(manager, random, 1, DIM, 1.3, 0.9, DataType.FLOAT64);
            NDArray d = BallFixtures.gaussian(manager, random, new Shape(1, DIM), 1, DataType.FLOAT64);
            NDArray diagonal = manager.eye(DIM).toType(DataType.FLOAT64, false).mul(d);
            assertThat(maxAbsDifference(ball.mobiusPointwise(d, x), ball.mobiusMatVec(diagonal, x)))
                    .isLessThan(FLOAT64_TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void projectPullsOutsidePointsToTheMaximumRadiusAndLeavesInsidePointsAlone(double c) {
        PoincareBall ball = new PoincareBall(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(16);
            NDArray inside = points(manager, random, COUNT, DIM, c, 0.99, DataType.FLOAT32);
            NDArray outside = BallFixtures.gaussian(manager, random, new Shape(COUNT, DIM), 10 / Math.sqrt(c),
                    DataType.FLOAT32);
            assertThat(ball.project(inside).toFloatArray()).containsExactly(inside.toFloatArray());
            for (double norm : rowNorms(ball.project(outside))) {
                assertThat(norm).isCloseTo(ball.maxNorm(), within(1e-6 / Math.sqrt(c))).isLessThan(1 / Math.sqrt(c));
            }
        }
    }

    @Test
    void conformalFactorIsTwoOverOneMinusCTimesTheSquaredNorm() {
        PoincareBall ball = new PoincareBall(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new double[] {0, 0, 0.3, 0.4}, new Shape(2, 2));
            NDArray lambda = ball.lambda(x);
            assertThat(lambda.getShape()).isEqualTo(new Shape(2, 1));
            // 2/(1 − 0) and 2/(1 − 2·0.25)
            assertThat(lambda.toDoubleArray()).containsExactly(new double[] {2, 4}, within(1e-12));
        }
    }

    @Test
    void ballParametersAreTheOnesNamedWithTheBallSuffix() {
        assertThat(PoincareBall.isBallParameter("biasRBall")).isTrue();
        assertThat(PoincareBall.isBallParameter("tokensBall")).isTrue();
        assertThat(PoincareBall.isBallParameter("01HyperbolicGruCell_biasBall")).isTrue();
        assertThat(PoincareBall.isBallParameter("hiddenWeightR")).isFalse();
        assertThat(PoincareBall.isBallParameter("ballRadius")).isFalse();
    }

    @Test
    void curvatureMustBePositiveAndFinite() {
        assertThat(new PoincareBall().curvature()).isEqualTo(1.0);
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new PoincareBall(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("curvature");
        }
    }
}
