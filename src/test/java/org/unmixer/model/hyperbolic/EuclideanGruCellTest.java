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
import java.util.Random;
import org.junit.jupiter.api.Test;

class EuclideanGruCellTest implements ChainCellContract {
    @Override
    public ChainCell newCell(int inputSize, int hiddenSize) {
        return new EuclideanGruCell(inputSize, hiddenSize);
    }

    @Override
    public NDArray input(NDManager manager, Random random, int rows, int size) {
        return BallFixtures.gaussian(manager, random, new Shape(rows, size), 1, DataType.FLOAT64);
    }

    @Test
    void isEuclideanAndHasNoBallParameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EuclideanGruCell cell = new EuclideanGruCell(INPUT, HIDDEN);
            cell.initialize(manager, DataType.FLOAT32, new Shape(1, INPUT), new Shape(1, HIDDEN));
            assertThat(cell.hyperbolic()).isFalse();
            for (Pair<String, Parameter> pair : cell.getParameters()) {
                assertThat(PoincareBall.isBallParameter(pair.getKey())).as(pair.getKey()).isFalse();
            }
        }
    }

    /**
     * One-dimensional cell, every weight and bias set by hand: r = σ(0.5·0.2 + 1·1 + 0.1) = σ(1.2),
     * z = σ(−1·0.2 + 2·1 + 0) = σ(1.8), h̃ = tanh(0.3·r·0.2 + (−0.5)·1 + 0.2), h' = h + z·(h̃ − h).
     */
    @Test
    void stepFollowsTheGruEquationsOnAHandSetOneDimensionalCell() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EuclideanGruCell cell = new EuclideanGruCell(1, 1);
            cell.initialize(manager, DataType.FLOAT64, new Shape(1, 1), new Shape(1, 1));
            set(cell, "hiddenWeightR", 0.5);
            set(cell, "inputWeightR", 1);
            set(cell, "biasR", 0.1);
            set(cell, "hiddenWeightZ", -1);
            set(cell, "inputWeightZ", 2);
            set(cell, "biasZ", 0);
            set(cell, "hiddenWeight", 0.3);
            set(cell, "inputWeight", -0.5);
            set(cell, "bias", 0.2);
            double h = 0.2;
            double x = 1;
            NDList inputs = new NDList(manager.create(new double[][] {{x}}), manager.create(new double[][] {{h}}));
            NDArray output = cell.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
            double actual = output.getDouble();
            double r = sigmoid(1.2);
            double z = sigmoid(1.8);
            double candidate = Math.tanh(0.3 * r * h - 0.5 * x + 0.2);
            assertThat(actual).isCloseTo(h + z * (candidate - h), within(1e-14));
        }
    }

    private static void set(EuclideanGruCell cell, String name, double value) {
        cell.getParameters().get(name).getArray().set(new double[] {value});
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
