package org.unmixer.model.hyperbolic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.unmixer.params.BadInputException;

/**
 * Adam for a model whose parameters are partly Euclidean and partly points on a {@link PoincareBall}
 * (Bécigneul and Ganea, "Riemannian Adaptive Optimization Methods", ICLR 2019, Algorithm 1, with the
 * per-coordinate second moment geoopt uses). Updates parameters in place; keeps its moments in a
 * manager of its own, so they outlive every per-batch manager; {@link #close()} frees them.
 *
 * <p><b>Euclidean parameters</b>: AdamW (Loshchilov and Hutter 2019) with bias correction and
 * decoupled weight decay, step t:
 *
 * <pre>
 * m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
 * w ← w − lr·wd·w                 w ← w − lr·(m/(1 − β1^t)) / (√(v/(1 − β2^t)) + ε)
 * </pre>
 *
 * <p><b>Ball parameters</b> (one point per vector along the last axis), no weight decay:
 *
 * <pre>
 * rg = g·(1 − c‖x‖²)²/4 = g/λ_x²             Riemannian gradient
 * m  ← β1·m + (1 − β1)·rg                    v ← β2·v + (1 − β2)·λ_x²·rg²   (per component)
 * u  = −lr·(m/(1 − β1^t)) / (√(v/(1 − β2^t)) + ε)
 * y  = project(exp_x(u))        (or the retraction project(x + u))
 * m  ← m·λ_x/λ_y                momentum moved to y
 * </pre>
 *
 * The second moment is the component-wise Riemannian square {@code λ_x²·rg²} (geoopt's
 * {@code component_inner}) rather than one value per point, so coordinates keep separate step sizes as
 * in Euclidean Adam. The momentum is transported by rescaling with {@code λ_x/λ_y}: this keeps its
 * Riemannian norm {@code λ·‖m‖}, and drops only the gyration of exact parallel transport, a rotation
 * that is the identity to first order in the (small) step. v is not transported: it is a per-coordinate
 * scale, not a tangent vector.
 *
 * <p>Not thread-safe; run it on the training thread.
 */
public final class RiemannianAdam implements AutoCloseable {
    /** How a ball point follows its tangent step u. */
    public enum BallStep {
        /** {@code exp_x(u)}: the exact geodesic step. */
        EXP_MAP,
        /** {@code x + u}: the first-order retraction, cheaper, equal to exp_x(u) up to O(‖u‖²). */
        RETRACTION
    }

    private static final String FORMAT = "unmixer.RiemannianAdam";
    private static final int FORMAT_VERSION = 1;

    private final PoincareBall ball;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final BallStep ballStep;
    private final NDManager manager;
    private final Map<String, State> states = new TreeMap<>();
    private double learningRate;

    private RiemannianAdam(Builder builder, NDManager parent) {
        this.ball = builder.ball;
        this.learningRate = builder.learningRate;
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
        this.weightDecay = builder.weightDecay;
        this.ballStep = builder.ballStep;
        this.manager = parent.newSubManager();
    }

    /** A builder with the defaults lr 1e-3, β1 0.9, β2 0.999, ε 1e-8, weight decay 0, unit ball. */
    public static Builder builder() {
        return new Builder();
    }

    /** The learning rate the next update uses. */
    public double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate for the following updates (for schedules); finite and ≥ 0. */
    public void setLearningRate(double learningRate) {
        this.learningRate = checkLearningRate(learningRate);
    }

    /**
     * Updates every parameter of the list that requires a gradient, from the gradient autograd left on
     * its array. The list's keys (DJL's block paths, stable across runs, unlike
     * {@link Parameter#getId()}) identify the moments; {@link PoincareBall#isBallParameter} on the
     * parameter's name chooses the rule. Each gradient is zeroed after use, because PyTorch adds the
     * next backward pass onto whatever is there.
     */
    public void update(ParameterList parameters) {
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                try (NDArray grad = weight.getGradient()) {
                    update(pair.getKey(), weight, grad, PoincareBall.isBallParameter(parameter.getName()));
                    grad.subi(grad);
                }
            }
        }
    }

    /**
     * One step for one parameter, in place. The first call for an id creates zero moments shaped like
     * the weight; later calls must pass the same shape and the same {@code onBall}. Call it after the
     * {@code GradientCollector} is closed: PyTorch refuses in-place changes to leaves while recording.
     *
     * @param parameterId stable name of the parameter (identifies its moments and step count)
     * @param weight the parameter's array, changed in place
     * @param grad Euclidean gradient of the loss, same shape as weight
     * @param onBall true for points on the ball (Riemannian step), false for AdamW
     */
    public void update(String parameterId, NDArray weight, NDArray grad, boolean onBall) {
        if (!weight.getShape().equals(grad.getShape())) {
            throw new IllegalArgumentException("gradient of " + parameterId + " is " + grad.getShape()
                    + " but the weight is " + weight.getShape());
        }
        State state = states.computeIfAbsent(parameterId, id -> newState(weight, onBall));
        if (!state.m.getShape().equals(weight.getShape()) || state.onBall != onBall) {
            throw new IllegalArgumentException(
                    "parameter " + parameterId + " changed shape or geometry between updates");
        }
        state.steps++;
        double correction1 = 1 - Math.pow(beta1, state.steps);
        double correction2 = 1 - Math.pow(beta2, state.steps);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            if (onBall) {
                ballUpdate(state, weight, grad, correction1, correction2);
            } else {
                euclideanUpdate(state, weight, grad, correction1, correction2);
            }
        }
    }

    private void euclideanUpdate(State state, NDArray weight, NDArray grad, double correction1, double correction2) {
        state.m.muli(beta1).addi(grad.mul(1 - beta1));
        state.v.muli(beta2).addi(grad.square().mul(1 - beta2));
        if (weightDecay != 0) {
            weight.subi(weight.mul(learningRate * weightDecay));
        }
        weight.subi(adamStep(state, correction1, correction2));
    }

    private void ballUpdate(State state, NDArray x, NDArray grad, double correction1, double correction2) {
        NDArray lambdaX = ball.lambda(x);
        NDArray riemannianGrad = grad.div(lambdaX.square());
        state.m.muli(beta1).addi(riemannianGrad.mul(1 - beta1));
        state.v.muli(beta2).addi(riemannianGrad.mul(lambdaX).square().mul(1 - beta2));
        NDArray u = adamStep(state, correction1, correction2).neg();
        NDArray y = ball.project(ballStep == BallStep.EXP_MAP ? ball.expMap(x, u) : x.add(u));
        state.m.muli(lambdaX.div(ball.lambda(y)));
        x.set(new NDIndex("..."), y);
    }

    /** {@code lr·m̂/(√v̂ + ε)} with the bias-corrected moments. */
    private NDArray adamStep(State state, double correction1, double correction2) {
        NDArray mHat = state.m.div(correction1);
        NDArray vHat = state.v.div(correction2);
        return mHat.div(vHat.sqrt().add(epsilon)).mul(learningRate);
    }

    private State newState(NDArray weight, boolean onBall) {
        NDArray m = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        NDArray v = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        // The moments outlive any NDScope the caller may have opened around this step.
        NDScope.unregister(m, v);
        return new State(onBall, 0, m, v);
    }

    /**
     * Writes the hyperparameters, the learning rate now in force, and every parameter's step count
     * and moments (DJL's lossless NDArray encoding), so {@link #load} resumes bit-exactly.
     */
    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(FORMAT);
        out.writeInt(FORMAT_VERSION);
        out.writeDouble(ball.curvature());
        out.writeDouble(learningRate);
        out.writeDouble(beta1);
        out.writeDouble(beta2);
        out.writeDouble(epsilon);
        out.writeDouble(weightDecay);
        out.writeUTF(ballStep.name());
        out.writeInt(states.size());
        for (Map.Entry<String, State> entry : states.entrySet()) {
            State state = entry.getValue();
            out.writeUTF(entry.getKey());
            out.writeBoolean(state.onBall);
            out.writeInt(state.steps);
            writeArray(out, state.m);
            writeArray(out, state.v);
        }
    }

    /**
     * Reads an optimizer written by {@link #save}; its moments live in a new sub-manager of
     * {@code parent}.
     *
     * @throws BadInputException when the stream is not such a checkpoint
     */
    public static RiemannianAdam load(DataInputStream in, NDManager parent) throws IOException {
        String format = in.readUTF();
        int version = in.readInt();
        if (!FORMAT.equals(format) || version != FORMAT_VERSION) {
            throw new BadInputException("not a Riemannian Adam checkpoint of version " + FORMAT_VERSION
                    + " (found \"" + format + "\" version " + version + ")");
        }
        Builder builder = builder()
                .optBall(new PoincareBall(in.readDouble()))
                .optLearningRate(in.readDouble())
                .optBeta1(in.readDouble())
                .optBeta2(in.readDouble())
                .optEpsilon(in.readDouble())
                .optWeightDecay(in.readDouble())
                .optBallStep(BallStep.valueOf(in.readUTF()));
        RiemannianAdam optimizer = builder.build(parent);
        try {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                boolean onBall = in.readBoolean();
                int steps = in.readInt();
                NDArray m = readArray(in, optimizer.manager);
                NDArray v = readArray(in, optimizer.manager);
                optimizer.states.put(id, new State(onBall, steps, m, v));
            }
        } catch (IOException | RuntimeException e) {
            optimizer.close();
            throw e;
        }
        return optimizer;
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return NDArray.decode(manager, bytes);
    }

    /** Frees the moments. */
    @Override
    public void close() {
        states.clear();
        manager.close();
    }

    private static double checkLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and ≥ 0, got " + learningRate);
        }
        return learningRate;
    }

    /** Moments and step count of one parameter; m and v belong to the optimizer's manager. */
    private static final class State {
        final boolean onBall;
        int steps;
        final NDArray m;
        final NDArray v;

        State(boolean onBall, int steps, NDArray m, NDArray v) {
            this.onBall = onBall;
            this.steps = steps;
            this.m = m;
            this.v = v;
            // created while a caller's NDScope may be open: the moments must outlive it
            NDScope.unregister(m, v);
        }
    }

    /** Settings of a {@link RiemannianAdam}; {@code opt*} values have the defaults shown. */
    public static final class Builder {
        private PoincareBall ball = new PoincareBall();
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double weightDecay = 0;
        private BallStep ballStep = BallStep.EXP_MAP;

        private Builder() {}

        /** The ball the ball parameters live on. Default: c = 1. */
        public Builder optBall(PoincareBall ball) {
            this.ball = ball;
            return this;
        }

        /** Step size, finite and ≥ 0. Default 1e-3. */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Decay of the first moment, in [0, 1). Default 0.9. */
        public Builder optBeta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Decay of the second moment, in [0, 1). Default 0.999. */
        public Builder optBeta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /** Added to √v̂ so the step stays bounded where v̂ ≈ 0; &gt; 0. Default 1e-8. */
        public Builder optEpsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Decoupled weight decay for Euclidean parameters only, ≥ 0. Default 0. */
        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** How ball points follow their step. Default {@link BallStep#EXP_MAP}. */
        public Builder optBallStep(BallStep ballStep) {
            this.ballStep = ballStep;
            return this;
        }

        /**
         * The optimizer, keeping its moments in a new sub-manager of {@code parent} (a long-lived
         * manager on the model's device, not a per-batch one).
         *
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public RiemannianAdam build(NDManager parent) {
            checkLearningRate(learningRate);
            checkDecay("beta1", beta1);
            checkDecay("beta2", beta2);
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
            }
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be finite and ≥ 0, got " + weightDecay);
            }
            return new RiemannianAdam(this, parent);
        }

        private static void checkDecay(String name, double beta) {
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
            }
        }
    }
}
