package org.unmixer.model.hyperbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChainCell} promises: shapes, equal parameter count for equal sizes, input
 * validation, and autograd gradients equal to finite differences for its inputs and parameters.
 * Implemented by each cell's test class.
 */
interface ChainCellContract {
    int INPUT = 3;
    int HIDDEN = 4;
    int BATCH = 2;
    /** Central differences in float64 (h = 1e-6) through a whole cell agree with autograd to ~1e-9. */
    double MAX_RELATIVE_ERROR = 1e-6;

    ChainCell newCell(int inputSize, int hiddenSize);

    /** Valid inputs for the cell: points on its ball for a hyperbolic cell, any vectors otherwise. */
    NDArray input(NDManager manager, Random random, int rows, int size);

    /** A cell initialised in float64 with seeded parameters (DJL's initialisers draw from a global generator). */
    default ChainCell seededCell(NDManager manager, Random random) {
        ChainCell cell = newCell(INPUT, HIDDEN);
        cell.initialize(manager, DataType.FLOAT64, new Shape(BATCH, INPUT), new Shape(BATCH, HIDDEN));
        for (Pair<String, Parameter> pair : cell.getParameters()) {
            NDArray array = pair.getValue().getArray();
            Shape shape = array.getShape();
            NDArray values = PoincareBall.isBallParameter(pair.getKey())
                    ? BallFixtures.points(manager, random, 1, (int) shape.size(), 1, 0.5, DataType.FLOAT64)
                    : BallFixtures.gaussian(manager, random, shape, 0.6, DataType.FLOAT64);
            array.set(values.toDoubleArray());
        }
        return cell;
    }

    @Test
    default void stepMapsInputAndStateToANewStateOfTheStateShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(31);
            ChainCell cell = seededCell(manager, random);
            NDList inputs = new NDList(input(manager, random, BATCH, INPUT), input(manager, random, BATCH, HIDDEN));
            NDList output = cell.forward(new ParameterStore(manager, false), inputs, false);
            assertThat(output).hasSize(1);
            assertThat(output.get(0).getShape()).isEqualTo(new Shape(BATCH, HIDDEN));
            assertThat(output.get(0).getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(cell.getOutputShapes(new Shape[] {new Shape(7, INPUT), new Shape(7, HIDDEN)}))
                    .containsExactly(new Shape(7, HIDDEN));
        }
    }

    @Test
    default void parameterCountIsThreeGatesOfHiddenTimesHiddenPlusInputPlusOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ChainCell cell = newCell(5, 7);
            cell.initialize(manager, DataType.FLOAT32, new Shape(1, 5), new Shape(1, 7));
            long count = 0;
            for (Pair<String, Parameter> pair : cell.getParameters()) {
                count += pair.getValue().getArray().size();
            }
            assertThat(count).isEqualTo(3L * 7 * (7 + 5 + 1));
            assertThat(cell.inputSize()).isEqualTo(5);
            assertThat(cell.hiddenSize()).isEqualTo(7);
        }
    }

    @Test
    default void gradientsForInputsAndParametersMatchFiniteDifferences() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(32);
            ChainCell cell = seededCell(manager, random);
            NDArray x = input(manager, random, BATCH, INPUT);
            NDArray h = input(manager, random, BATCH, HIDDEN);
            ParameterStore store = new ParameterStore(manager, false);
            Supplier<NDArray> outputSum =
                    () -> cell.forward(store, new NDList(x, h), true).singletonOrThrow().sum();
            assertThat(GradientCheck.relativeError(x, outputSum)).as("d/dx").isLessThan(MAX_RELATIVE_ERROR);
            assertThat(GradientCheck.relativeError(h, outputSum)).as("d/dh").isLessThan(MAX_RELATIVE_ERROR);
            for (String name : new String[] {"hiddenWeightR", "inputWeight", "hiddenWeightZ"}) {
                NDArray weight = cell.getParameters().get(name).getArray();
                assertThat(GradientCheck.relativeError(weight, outputSum)).as("d/d" + name)
                        .isLessThan(MAX_RELATIVE_ERROR);
            }
            for (Pair<String, Parameter> pair : cell.getParameters()) {
                if (pair.getKey().startsWith("bias")) {
                    assertThat(GradientCheck.relativeError(pair.getValue().getArray(), outputSum))
                            .as("d/d" + pair.getKey()).isLessThan(MAX_RELATIVE_ERROR);
                }
            }
        }
    }

    @Test
    default void inputsOfTheWrongShapeAreRejectedWithTheExpectedShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(33);
            ChainCell cell = seededCell(manager, random);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = input(manager, random, BATCH, INPUT);
            NDArray h = input(manager, random, BATCH, HIDDEN);
            NDArray wideX = input(manager, random, BATCH, INPUT + 1);
            NDArray shortH = input(manager, random, BATCH + 1, HIDDEN);
            assertThatThrownBy(() -> cell.forward(store, new NDList(wideX, h), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must be [B, " + INPUT + "]");
            assertThatThrownBy(() -> cell.forward(store, new NDList(x, shortH), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h must be [2, " + HIDDEN + "]");
            assertThatThrownBy(() -> cell.forward(store, new NDList(x), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes {x, h}");
        }
    }

    @Test
    default void sizesBelowOneAreRejected() {
        assertThatThrownBy(() -> newCell(0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputSize");
        assertThatThrownBy(() -> newCell(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hiddenSize");
    }
}
