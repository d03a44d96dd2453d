package org.unmixer.model.hyperbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HyperbolicGruCellTest implements ChainCellContract {
    private static final double C = 1.5;

    @Override
    public ChainCell newCell(int inputSize, int hiddenSize) {
        return new HyperbolicGruCell(inputSize, hiddenSize, new PoincareBall(C));
    }

    @Override
    public NDArray input(NDManager manager, Random random, int rows, int size) {
        return BallFixtures.points(manager, random, rows, size, C, 0.8, DataType.FLOAT64);
    }

    @Test
    void isHyperbolicAndItsBiasesAreBallParametersInitialisedNearTheOrigin() {
        try (NDManager manager = NDManager.newBaseManager()) {
            HyperbolicGruCell cell = new HyperbolicGruCell(INPUT, HIDDEN, new PoincareBall(C));
            cell.initialize(manager, DataType.FLOAT32, new Shape(1, INPUT), new Shape(1, HIDDEN));
            assertThat(cell.hyperbolic()).isTrue();
            List<String> ballParameters = new ArrayList<>();
            for (Pair<String, Parameter> pair : cell.getParameters()) {
                if (PoincareBall.isBallParameter(pair.getKey())) {
                    ballParameters.add(pair.getKey());
                    NDArray bias = pair.getValue().getArray();
                    assertThat(bias.getShape()).isEqualTo(new Shape(HIDDEN));
                    assertThat(bias.abs().max().getFloat()).isLessThanOrEqualTo(HyperbolicGruCell.BIAS_INIT_HALF_WIDTH);
                }
            }
            assertThat(ballParameters).containsExactlyInAnyOrder("biasRBall", "biasZBall", "biasBall");
        }
    }

    @Test
    void newStateStaysInsideTheBallEvenFromStatesAtTheBoundary() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(41);
            HyperbolicGruCell cell = new HyperbolicGruCell(INPUT, HIDDEN, new PoincareBall(C));
            cell.initialize(manager, DataType.FLOAT32, new Shape(64, INPUT), new Shape(64, HIDDEN));
            NDArray x = BallFixtures.points(manager, random, 64, INPUT, C, 0.999, DataType.FLOAT32);
            NDArray h = new PoincareBall(C).project(
                    BallFixtures.gaussian(manager, random, new Shape(64, HIDDEN), 10, DataType.FLOAT32));
            NDArray next = cell.forward(new ParameterStore(manager, false), new NDList(x, h), false).singletonOrThrow();
            assertThat(next.isNaN().any().getBoolean()).isFalse();
            for (double norm : BallFixtures.rowNorms(next)) {
                assertThat(norm).isLessThan(1 / Math.sqrt(C));
            }
        }
    }

    /**
     * With every weight and bias 0 both gates are σ(0) = ½ and the candidate is the origin, so
     * {@code h' = h ⊕ (½ ⊗ (−h))}: the geodesic midpoint of h and 0, on h's ray at half its distance.
     */
    @Test
    void withZeroParametersTheNewStateIsTheGeodesicMidpointOfStateAndOrigin() {
        PoincareBall ball = new PoincareBall(C);
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(42);
            HyperbolicGruCell cell = new HyperbolicGruCell(INPUT, HIDDEN, ball);
            cell.initialize(manager, DataType.FLOAT64, new Shape(BATCH, INPUT), new Shape(BATCH, HIDDEN));
            for (Pair<String, Parameter> pair : cell.getParameters()) {
                pair.getValue().getArray().set(new double[(int) pair.getValue().getArray().size()]);
            }
            NDArray x = input(manager, random, BATCH, INPUT);
            NDArray h = input(manager, random, BATCH, HIDDEN);
            NDArray next = cell.forward(new ParameterStore(manager, false), new NDList(x, h), false).singletonOrThrow();
            NDArray zero = manager.zeros(h.getShape(), DataType.FLOAT64);
            double[] halfDistance = ball.distance(zero, h).mul(0.5).toDoubleArray();
            assertThat(ball.distance(zero, next).toDoubleArray()).containsExactly(halfDistance, within(1e-12));
            // same direction: h'/‖h'‖ = h/‖h‖
            double[] cosine = next.mul(h).sum(new int[] {-1}).toDoubleArray();
            double[] nextNorms = BallFixtures.rowNorms(next);
            double[] norms = BallFixtures.rowNorms(h);
            for (int i = 0; i < BATCH; i++) {
                assertThat(cosine[i] / (nextNorms[i] * norms[i])).isCloseTo(1, within(1e-12));
            }
        }
    }
}
