package org.unmixer.model.hyperbolic;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;

/**
 * The hyperbolic GRU of Ganea, Bécigneul and Hofmann, "Hyperbolic Neural Networks" (2018), section
 * "Hyperbolic RNN", on a {@link PoincareBall}:
 *
 * <pre>
 * r  = σ(log_0(W_r ⊗ h ⊕ U_r ⊗ x ⊕ b_r))
 * z  = σ(log_0(W_z ⊗ h ⊕ U_z ⊗ x ⊕ b_z))
 * h̃  = φ⊗((W diag(r)) ⊗ h ⊕ U ⊗ x ⊕ b),   φ⊗ = exp_0 ∘ tanh ∘ log_0
 * h' = project(h ⊕ diag(z) ⊗ ((−h) ⊕ h̃))
 * </pre>
 *
 * ({@code ⊕} associates to the left.) φ⊗ is the Möbius tanh rather than the identity: it bounds each
 * component of the candidate's tangent vector at the origin by 1, so the candidate stays within
 * hyperbolic distance {@code 2·√hidden} of the origin instead of running to the boundary, where
 * {@code 1 − c‖x‖²} cancels catastrophically in float32; it also makes the cell the exact counterpart
 * of {@link EuclideanGruCell}'s tanh candidate.
 *
 * <p>x {@code [B, inputSize]} and h {@code [B, hiddenSize]} are points on the ball (map Euclidean
 * features in with {@link PoincareBall#expMap0}); h' is a point on the ball. W* {@code [hidden,
 * hidden]} and U* {@code [hidden, input]} are Euclidean weights (Xavier initialisation); b*
 * {@code [hidden]} are points on the ball, named "…Ball" for the optimizer
 * ({@link PoincareBall#isBallParameter}), initialised uniformly in ±{@value #BIAS_INIT_HALF_WIDTH} per
 * component, near the origin where the ball is almost flat. Parameter count
 * {@code 3·hidden·(hidden + input + 1)}, as the Euclidean twin.
 */
public final class HyperbolicGruCell extends ChainCell {
    /** Half-width of the uniform initialisation of each ball bias component. */
    public static final float BIAS_INIT_HALF_WIDTH = 1e-3f;

    private final PoincareBall ball;
    private final Gate reset;
    private final Gate update;
    private final Gate candidate;

    /**
     * @param inputSize length of x, ≥ 1
     * @param hiddenSize length of h, ≥ 1
     * @param ball the ball x, h and the biases live on
     */
    public HyperbolicGruCell(int inputSize, int hiddenSize, PoincareBall ball) {
        super(inputSize, hiddenSize);
        this.ball = ball;
        reset = new Gate("R");
        update = new Gate("Z");
        candidate = new Gate("");
    }

    /** The ball x, h and h' live on. */
    public PoincareBall ball() {
        return ball;
    }

    @Override
    public boolean hyperbolic() {
        return true;
    }

    @Override
    protected NDArray step(ParameterStore parameterStore, NDList inputs, boolean training) {
        NDArray x = inputs.get(0);
        NDArray h = inputs.get(1);
        Device device = x.getDevice();
        NDArray r = Activation.sigmoid(ball.logMap0(reset.affine(parameterStore, device, training, h, h, x)));
        NDArray z = Activation.sigmoid(ball.logMap0(update.affine(parameterStore, device, training, h, h, x)));
        // (W diag(r)) ⊗ h from its Euclidean image W·(r ⊙ h) in one Möbius map
        NDArray preCandidate = candidate.affine(parameterStore, device, training, r.mul(h), h, x);
        NDArray hTilde = ball.expMap0(ball.logMap0(preCandidate).tanh());
        NDArray move = ball.mobiusPointwise(z, ball.mobiusAdd(h.neg(), hTilde));
        return ball.project(ball.mobiusAdd(h, move));
    }

    /** The weights and bias of one Möbius affine map {@code W ⊗ h ⊕ U ⊗ x ⊕ b}. */
    private final class Gate {
        private final Parameter hiddenWeight;
        private final Parameter inputWeight;
        private final Parameter biasBall;

        Gate(String suffix) {
            hiddenWeight = addWeight("hiddenWeight" + suffix, hiddenSize(), hiddenSize());
            inputWeight = addWeight("inputWeight" + suffix, hiddenSize(), inputSize());
            biasBall = addParameter(Parameter.builder()
                    .setName("bias" + suffix + PoincareBall.BALL_PARAMETER_SUFFIX)
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(hiddenSize()))
                    .optInitializer(new UniformInitializer(BIAS_INIT_HALF_WIDTH))
                    .build());
        }

        /**
         * {@code W ⊗ h ⊕ U ⊗ x ⊕ b}, with {@code W ⊗ h} formed from the Euclidean image {@code W·hImage}
         * ({@code hImage = h} for the gates, {@code r ⊙ h} for the candidate).
         */
        NDArray affine(ParameterStore store, Device device, boolean training, NDArray hImage, NDArray h, NDArray x) {
            NDArray w = store.getValue(hiddenWeight, device, training);
            NDArray u = store.getValue(inputWeight, device, training);
            NDArray b = store.getValue(biasBall, device, training);
            NDArray wh = ball.mobiusFromImage(hImage.matMul(w.transpose()), h);
            return ball.mobiusAdd(ball.mobiusAdd(wh, ball.mobiusMatVec(u, x)), b);
        }
    }
}
