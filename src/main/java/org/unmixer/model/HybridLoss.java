package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The estimator's training loss: λ_nll·NLL + λ_ce·(CE of the discrete targets) + λ_chain·(CE of the
 * chain tokens) + λ_presence·(binary CE of each effect's presence) + λ_p·MSE(mixture mean, θ) +
 * λ_r·reg, every term masked so that devices absent from an example contribute nothing. The regulariser is the mean square of the mixture logits: it keeps
 * the mixture from betting everything on one component early in training, so that sampling
 * candidates from it stays meaningful. The spectral term (the distance of the predicted parameters'
 * render to the true one) is added by the trainer, outside this graph: {@code train.SpectralTerm}.
 */
public final class HybridLoss {
    /** The loss weights. */
    public record Weights(double nll, double ce, double chain, double presence, double param, double reg) {
        public static final Weights DEFAULT = new Weights(1.0, 1.0, 1.0, 1.0, 1.0, 1e-3);
    }

    /** The total (differentiable) and every term as a number, for logging. */
    public record Result(NDArray total, Map<String, Double> terms) {}

    private final Weights weights;
    private final OutputLayout layout;
    private final int components;

    public HybridLoss(Weights weights, OutputLayout layout, int components) {
        this.weights = weights;
        this.layout = layout;
        this.components = components;
    }

    /**
     * @param outputs the network's forward outputs {z, mdn raw, class logits, h₀, presence logits}
     */
    public Result compute(InverseNet net, ParameterStore ps, NDList outputs, Targets t, boolean training) {
        NDManager manager = outputs.get(0).getManager();
        int p = layout.continuous().size();
        int d = layout.discrete().size();
        NDArray theta = manager.create(t.continuous(), new Shape(t.batch(), p));
        NDArray thetaMask = manager.create(t.continuousMask(), new Shape(t.batch(), p));
        MixtureDensity.Mixture mix = MixtureDensity.split(outputs.get(1), p, components);
        NDArray nll = MixtureDensity.maskedMean(MixtureDensity.nll(mix, theta), thetaMask);
        NDArray mse = MixtureDensity.maskedMean(MixtureDensity.mean(mix).sub(theta).square(), thetaMask);
        NDArray rawLogits = outputs.get(1).reshape(t.batch(), p, 3, components).get(new NDIndex(":, :, 0, :"));
        NDArray reg = rawLogits.square().mean();
        NDArray ce = classCrossEntropy(outputs.get(2), t, d, manager);
        NDList chain = net.decoder().teacherForcedLoss(ps, outputs.get(3), t.chains(), training);
        NDList presence = presenceLoss(outputs.get(4), t.chains(), manager);
        NDArray total = Scalars.mul(nll, (float) weights.nll()).add(Scalars.mul(ce, (float) weights.ce())).add(Scalars.mul(chain.get(0), (float) weights.chain()))
                .add(Scalars.mul(presence.get(0), (float) weights.presence()))
                .add(Scalars.mul(mse, (float) weights.param())).add(Scalars.mul(reg, (float) weights.reg()));
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("loss", value(total));
        terms.put("nll", value(nll));
        terms.put("ce", value(ce));
        terms.put("chain_ce", value(chain.get(0)));
        terms.put("chain_token_acc", value(chain.get(1)));
        terms.put("presence_bce", value(presence.get(0)));
        terms.put("presence_acc", value(presence.get(1)));
        terms.put("param_mse", value(mse));
        terms.put("reg", value(reg));
        return new Result(total, terms);
    }

    /** A scalar of either precision as a double (the chain term is float64, the others float32). */
    private static double value(NDArray scalar) {
        return scalar.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }

    /**
     * Mean binary cross-entropy of the presence logits [B, E] against which effects each chain holds
     * (log-sigmoid written out stably: log σ(x) = −softplus(−x)), and the share of right yes/no calls.
     */
    static NDList presenceLoss(NDArray logits, int[][] chains, NDManager manager) {
        int batch = chains.length;
        int effects = (int) logits.getShape().get(1);
        float[] truth = new float[batch * effects];
        for (int b = 0; b < batch; b++) {
            for (int token : chains[b]) {
                if (token >= 0) {
                    truth[b * effects + token] = 1;
                }
            }
        }
        NDArray y = manager.create(truth, new Shape(batch, effects));
        // softplus(x) = max(x, 0) + log(1 + e^−|x|); BCE = softplus(x) − y·x.
        NDArray softplus = Scalars.maximum(logits, 0f).add(logits.abs().neg().exp().add(1f).log());
        NDArray bce = softplus.sub(y.mul(logits)).mean();
        NDArray right = logits.gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).eq(y)
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mean();
        return new NDList(bce, right);
    }

    /** Masked mean cross-entropy over the discrete targets, each a softmax over its own slice of the logits. */
    private NDArray classCrossEntropy(NDArray logits, Targets t, int d, NDManager manager) {
        int[] offsets = layout.classOffsets();
        NDArray sum = manager.zeros(new Shape());
        float count = 0;
        for (int j = 0; j < d; j++) {
            int n = offsets[j + 1] - offsets[j];
            float[] mask = new float[t.batch()];
            int[] target = new int[t.batch()];
            for (int b = 0; b < t.batch(); b++) {
                mask[b] = t.classMask()[b * d + j];
                target[b] = t.classes()[b * d + j];
                count += mask[b];
            }
            NDArray logp = logits.get(new NDIndex(":, {}:{}", offsets[j], offsets[j + 1])).logSoftmax(-1);
            NDArray picked = logp.mul(OneHot.of(manager, target, n).toType(logp.getDataType(), false)).sum(new int[] {-1});
            sum = sum.add(picked.mul(manager.create(mask)).sum().neg());
        }
        return Scalars.div(sum, Math.max(count, 1));
    }
}
