package org.unmixer.model.hyperbolic;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * The ordinary GRU cell (Cho et al. 2014), the Euclidean twin of {@link HyperbolicGruCell}:
 *
 * <pre>
 * r  = σ(W_r·h + U_r·x + b_r)
 * z  = σ(W_z·h + U_z·x + b_z)
 * h̃  = tanh(W·(r ⊙ h) + U·x + b)
 * h' = h + z ⊙ (h̃ − h)
 * </pre>
 *
 * which is what the hyperbolic cell becomes when ⊗, ⊕ and log_0/exp_0 are replaced by their
 * Euclidean counterparts. One bias per gate (PyTorch's GRU has two), so the parameter count is
 * {@code 3·hidden·(hidden + input + 1)}, equal to the hyperbolic cell's and the benchmark compares
 * equal sizes. x {@code [B, inputSize]}, h {@code [B, hiddenSize]}; W* and U* Xavier-initialised,
 * b* zero.
 */
public final class EuclideanGruCell extends ChainCell {
    private final Gate reset;
    private final Gate update;
    private final Gate candidate;

    /**
     * @param inputSize length of x, ≥ 1
     * @param hiddenSize length of h, ≥ 1
     */
    public EuclideanGruCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize);
        reset = new Gate("R");
        update = new Gate("Z");
        candidate = new Gate("");
    }

    @Override
    public boolean hyperbolic() {
        return false;
    }

    @Override
    protected NDArray step(ParameterStore parameterStore, NDList inputs, boolean training) {
        NDArray x = inputs.get(0);
        NDArray h = inputs.get(1);
        Device device = x.getDevice();
        NDArray r = Activation.sigmoid(reset.affine(parameterStore, device, training, h, x));
        NDArray z = Activation.sigmoid(update.affine(parameterStore, device, training, h, x));
        NDArray hTilde = candidate.affine(parameterStore, device, training, r.mul(h), x).tanh();
        return h.add(z.mul(hTilde.sub(h)));
    }

    /** The weights and bias of one affine map {@code W·h + U·x + b}. */
    private final class Gate {
        private final Parameter hiddenWeight;
        private final Parameter inputWeight;
        private final Parameter bias;

        Gate(String suffix) {
            hiddenWeight = addWeight("hiddenWeight" + suffix, hiddenSize(), hiddenSize());
            inputWeight = addWeight("inputWeight" + suffix, hiddenSize(), inputSize());
            bias = addParameter(Parameter.builder()
                    .setName("bias" + suffix)
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(hiddenSize()))
                    .build());
        }

        /** {@code W·h + U·x + b} for h {@code [B, hidden]} and x {@code [B, input]}. */
        NDArray affine(ParameterStore store, Device device, boolean training, NDArray h, NDArray x) {
            NDArray w = store.getValue(hiddenWeight, device, training);
            NDArray u = store.getValue(inputWeight, device, training);
            NDArray b = store.getValue(bias, device, training);
            return h.matMul(w.transpose()).add(x.matMul(u.transpose())).add(b);
        }
    }
}
