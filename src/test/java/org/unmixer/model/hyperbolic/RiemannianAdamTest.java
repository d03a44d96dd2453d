package org.unmixer.model.hyperbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unmixer.model.hyperbolic.RiemannianAdam.BallStep;
import org.unmixer.params.BadInputException;

class RiemannianAdamTest {
    @ParameterizedTest
    @EnumSource(BallStep.class)
    void ballPointsStayStrictlyInsideTheBallUnderHugeGradients(BallStep ballStep) {
        for (double c : new double[] {1, 3}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Random random = new Random(51);
                NDArray points = BallFixtures.points(manager, random, 100, 3, c, 0.99, DataType.FLOAT32);
                try (RiemannianAdam adam = RiemannianAdam.builder().optBall(new PoincareBall(c))
                        .optLearningRate(0.5).optBallStep(ballStep).build(manager)) {
                    for (int step = 0; step < 200; step++) {
                        // mostly outward (−x is the descent direction of ‖x‖², negated), 1e9 in size
                        NDArray grad = points.neg().mul(1e9).add(
                                BallFixtures.gaussian(manager, random, points.getShape(), 1e8, DataType.FLOAT32));
                        adam.update("pointsBall", points, grad, true);
                        assertThat(points.isNaN().any().getBoolean()).isFalse();
                        for (double norm : BallFixtures.rowNorms(points)) {
                            assertThat(norm).isLessThan(1 / Math.sqrt(c));
                        }
                    }
                }
                // the gradients did drive points onto the projection radius, so the bound was tested
                double largest = points.norm(new int[] {-1}).max().getFloat();
                assertThat(largest).isCloseTo(new PoincareBall(c).maxNorm(), within(1e-5));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BallStep.class)
    void minimisingTheSquaredDistanceToATargetReachesTheTarget(BallStep ballStep) {
        PoincareBall ball = new PoincareBall(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {-0.5f, 0.4f, 0.1f}, new Shape(1, 3));
            NDArray target = manager.create(new float[] {0.55f, -0.3f, 0.2f}, new Shape(1, 3));
            double initial = ball.distance(x, target).getFloat();
            x.setRequiresGradient(true);
            try (RiemannianAdam adam = RiemannianAdam.builder().optBall(ball).optLearningRate(0.05)
                    .optBallStep(ballStep).build(manager)) {
                for (int step = 0; step < 400; step++) {
                    try (NDManager batch = manager.newSubManager()) {
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray loss = ball.distance(x, target).square().sum();
                            loss.attach(batch);
                            collector.backward(loss);
                        }
                        NDArray grad = x.getGradient();
                        grad.attach(batch);
                        adam.update("xBall", x, grad, true);
                        grad.subi(grad);
                    }
                }
            }
            assertThat(initial).isGreaterThan(2);
            assertThat(ball.distance(x, target).getFloat()).isLessThan(1e-2f);
        }
    }

    /**
     * From the origin (λ = 2) the first step is {@code u = −lr·(g/4)/(|g|/2) = −lr/2·sign(g)} per
     * component (ε negligible), and the point becomes {@code exp_0(u) = tanh(‖u‖)·u/‖u‖} on the unit
     * ball.
     */
    @Test
    void firstBallStepFromTheOriginIsHalfTheLearningRateAgainstTheGradientSign() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.zeros(new Shape(2), DataType.FLOAT64);
            try (RiemannianAdam adam = RiemannianAdam.builder().optLearningRate(0.1).build(manager)) {
                adam.update("xBall", x, manager.create(new double[] {3, -4}), true);
            }
            double norm = Math.hypot(0.05, 0.05);
            double radius = Math.tanh(norm);
            assertThat(x.toDoubleArray())
                    .containsExactly(new double[] {-0.05 / norm * radius, 0.05 / norm * radius}, within(1e-9));
        }
    }

    @Test
    void euclideanParametersFollowAdamWWithDecoupledWeightDecayComputedByHand() {
        double lr = 0.01;
        double beta1 = 0.8;
        double beta2 = 0.95;
        double eps = 1e-6;
        double wd = 0.1;
        double[] w = {0.5, -1.5, 2.0, 0.0};
        double[][] grads = {{0.1, -0.2, 3.0, 0.0}, {0.3, 0.1, -2.0, 1e-3}, {-0.4, 0.05, 1.0, -1e-3}};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(w.clone());
            try (RiemannianAdam adam = RiemannianAdam.builder().optLearningRate(lr).optBeta1(beta1).optBeta2(beta2)
                    .optEpsilon(eps).optWeightDecay(wd).build(manager)) {
                double[] m = new double[w.length];
                double[] v = new double[w.length];
                for (int t = 1; t <= grads.length; t++) {
                    adam.update("weight", weight, manager.create(grads[t - 1]), false);
                    for (int i = 0; i < w.length; i++) {
                        double g = grads[t - 1][i];
                        m[i] = beta1 * m[i] + (1 - beta1) * g;
                        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                        double mHat = m[i] / (1 - Math.pow(beta1, t));
                        double vHat = v[i] / (1 - Math.pow(beta2, t));
                        w[i] -= lr * wd * w[i];
                        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                    }
                    assertThat(weight.toDoubleArray()).containsExactly(w, within(1e-15));
                }
            }
        }
    }

    @Test
    void ballParametersGetNoWeightDecay() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray point = manager.create(new double[] {0.3, -0.2});
            try (RiemannianAdam adam = RiemannianAdam.builder().optWeightDecay(0.5).build(manager)) {
                adam.update("pointBall", point, manager.zeros(new Shape(2), DataType.FLOAT64), true);
            }
            assertThat(point.toDoubleArray()).containsExactly(0.3, -0.2);
        }
    }

    @Test
    void savedAndLoadedOptimizerMakesBitIdenticalUpdates() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(52);
            NDArray weight = BallFixtures.gaussian(manager, random, new Shape(3, 4), 1, DataType.FLOAT32);
            NDArray points = BallFixtures.points(manager, random, 5, 2, 1.5, 0.9, DataType.FLOAT32);
            byte[] checkpoint;
            RiemannianAdam original = RiemannianAdam.builder().optBall(new PoincareBall(1.5)).optLearningRate(0.03)
                    .optWeightDecay(0.01).optBallStep(BallStep.RETRACTION).build(manager);
            for (int step = 0; step < 3; step++) {
                original.update("weight", weight, BallFixtures.gaussian(manager, random, weight.getShape(), 1,
                        DataType.FLOAT32), false);
                original.update("pointsBall", points, BallFixtures.gaussian(manager, random, points.getShape(), 1,
                        DataType.FLOAT32), true);
            }
            original.setLearningRate(0.02);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.save(new DataOutputStream(bytes));
            checkpoint = bytes.toByteArray();
            NDArray weightCopy = weight.duplicate();
            NDArray pointsCopy = points.duplicate();
            try (RiemannianAdam restored = RiemannianAdam.load(
                    new DataInputStream(new ByteArrayInputStream(checkpoint)), manager)) {
                assertThat(restored.learningRate()).isEqualTo(0.02);
                for (int step = 0; step < 3; step++) {
                    NDArray gw = BallFixtures.gaussian(manager, random, weight.getShape(), 1, DataType.FLOAT32);
                    NDArray gp = BallFixtures.gaussian(manager, random, points.getShape(), 1, DataType.FLOAT32);
                    original.update("weight", weight, gw, false);
                    original.update("pointsBall", points, gp, true);
                    restored.update("weight", weightCopy, gw, false);
                    restored.update("pointsBall", pointsCopy, gp, true);
                    assertThat(weightCopy.toFloatArray()).containsExactly(weight.toFloatArray());
                    assertThat(pointsCopy.toFloatArray()).containsExactly(points.toFloatArray());
                }
                // a fresh optimizer (no moments, step 1) would have moved differently: the state mattered
                NDArray fresh = weight.duplicate();
                NDArray g = BallFixtures.gaussian(manager, random, weight.getShape(), 1, DataType.FLOAT32);
                try (RiemannianAdam empty = RiemannianAdam.builder().optLearningRate(0.02).optWeightDecay(0.01)
                        .build(manager)) {
                    empty.update("weight", fresh, g, false);
                }
                restored.update("weight", weightCopy, g, false);
                assertThat(fresh.toFloatArray()).isNotEqualTo(weightCopy.toFloatArray());
            } finally {
                original.close();
            }
        }
    }

    @Test
    void loadRejectsAStreamThatIsNotACheckpoint() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("something else");
        out.writeInt(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RiemannianAdam.load(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("not a Riemannian Adam checkpoint");
        }
    }

    @Test
    void updatingAParameterListUsesTheBallRuleForBallParametersAndZeroesGradients() {
        PoincareBall ball = new PoincareBall();
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(53);
            HyperbolicGruCell cell = new HyperbolicGruCell(2, 3, ball);
            cell.initialize(manager, DataType.FLOAT32, new Shape(4, 2), new Shape(4, 3));
            NDArray x = BallFixtures.points(manager, random, 4, 2, 1, 0.5, DataType.FLOAT32);
            NDArray h = BallFixtures.points(manager, random, 4, 3, 1, 0.5, DataType.FLOAT32);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = cell.forward(new ParameterStore(manager, false), new NDList(x, h), true);
                collector.backward(out.singletonOrThrow().sum());
            }
            // expected: the same optimizer settings applied one parameter at a time to copies
            Map<String, NDArray> expected = new HashMap<>();
            float[] biasBefore = cell.getParameters().get("biasBall").getArray().toFloatArray();
            try (RiemannianAdam reference = RiemannianAdam.builder().optLearningRate(0.1).optWeightDecay(0.1)
                    .build(manager)) {
                for (Pair<String, Parameter> pair : cell.getParameters()) {
                    NDArray copy = pair.getValue().getArray().duplicate();
                    boolean onBall = pair.getKey().endsWith("Ball");
                    reference.update(pair.getKey(), copy, pair.getValue().getArray().getGradient(), onBall);
                    expected.put(pair.getKey(), copy);
                }
            }
            try (RiemannianAdam adam = RiemannianAdam.builder().optLearningRate(0.1).optWeightDecay(0.1)
                    .build(manager)) {
                adam.update(cell.getParameters());
            }
            for (Pair<String, Parameter> pair : cell.getParameters()) {
                NDArray array = pair.getValue().getArray();
                assertThat(array.toFloatArray()).as(pair.getKey())
                        .containsExactly(expected.get(pair.getKey()).toFloatArray());
                assertThat(array.getGradient().abs().max().getFloat()).as(pair.getKey()).isZero();
            }
            assertThat(cell.getParameters().get("biasBall").getArray().toFloatArray()).isNotEqualTo(biasBefore);
        }
    }

    @Test
    void settingsOutOfRangeAreRejectedByName() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> RiemannianAdam.builder().optLearningRate(-1).build(manager))
                    .hasMessageContaining("learning rate");
            assertThatThrownBy(() -> RiemannianAdam.builder().optBeta1(1).build(manager))
                    .hasMessageContaining("beta1");
            assertThatThrownBy(() -> RiemannianAdam.builder().optBeta2(-0.1).build(manager))
                    .hasMessageContaining("beta2");
            assertThatThrownBy(() -> RiemannianAdam.builder().optEpsilon(0).build(manager))
                    .hasMessageContaining("epsilon");
            assertThatThrownBy(() -> RiemannianAdam.builder().optWeightDecay(Double.NaN).build(manager))
                    .hasMessageContaining("weight decay");
            try (RiemannianAdam adam = RiemannianAdam.builder().build(manager)) {
                assertThatThrownBy(() -> adam.setLearningRate(Double.POSITIVE_INFINITY))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
                NDArray w = manager.zeros(new Shape(2));
                assertThatThrownBy(() -> adam.update("w", w, manager.zeros(new Shape(3)), false))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradient of w");
                adam.update("w", w, manager.ones(new Shape(2)), false);
                assertThatThrownBy(() -> adam.update("w", w, manager.ones(new Shape(2)), true))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed shape or geometry");
            }
        }
    }
}
