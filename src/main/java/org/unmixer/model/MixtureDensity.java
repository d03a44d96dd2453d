package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * The maths of the mixture density head, as pure functions of its raw output. For P targets and K
 * components the head emits [B, P·3·K] numbers, read as [B, P, 3, K]: mixture logits, means
 * (through a sigmoid, so they stay in [0, 1] like θ) and scales (softplus plus a floor, so no
 * component collapses to a spike the data cannot support).
 */
public final class MixtureDensity {
    /**
     * Smallest σ in θ units: 1 % of a knob's travel. A smaller floor let the NLL gradients (∝ 1/σ²)
     * swamp the chain decoder's in the shared encoder.
     */
    public static final double SIGMA_FLOOR = 0.01;
    private static final float LOG_SQRT_2PI = (float) (0.5 * Math.log(2 * Math.PI));

    /** The three parameter tensors of a mixture, each [B, P, K]. */
    public record Mixture(NDArray logWeights, NDArray means, NDArray sigmas) {}

    private MixtureDensity() {
    }

    /** Splits the raw head output [B, P·3·K] into log-weights, means and σ. */
    public static Mixture split(NDArray raw, int targets, int components) {
        NDArray r = raw.reshape(raw.getShape().get(0), targets, 3, components);
        NDArray logits = r.get(new NDIndex(":, :, 0, :"));
        NDArray means = Activation.sigmoid(r.get(new NDIndex(":, :, 1, :")));
        NDArray sigmas = Activation.softPlus(r.get(new NDIndex(":, :, 2, :"))).add((float) SIGMA_FLOOR);
        return new Mixture(logits.logSoftmax(-1), means, sigmas);
    }

    /**
     * Negative log-likelihood per target, [B, P]: −log Σ_k π_k N(t | μ_k, σ_k), computed with the
     * log-sum-exp trick.
     *
     * @param target [B, P] normalised θ
     */
    public static NDArray nll(Mixture m, NDArray target) {
        NDArray t = target.expandDims(-1);
        NDArray z = t.sub(m.means()).div(m.sigmas());
        NDArray logN = Scalars.mul(z.square(), -0.5f).sub(m.sigmas().log()).sub(LOG_SQRT_2PI);
        return logSumExp(m.logWeights().add(logN)).neg();
    }

    /** Mean of {@code perTarget} [B, P] over the entries where {@code mask} [B, P] is 1 (0 when none is). */
    public static NDArray maskedMean(NDArray perTarget, NDArray mask) {
        NDArray count = Scalars.maximum(mask.sum(), 1f);
        return perTarget.mul(mask).sum().div(count);
    }

    /** The mixture's mean, Σ π_k μ_k, [B, P]: differentiable, used by the parameter MSE term. */
    public static NDArray mean(Mixture m) {
        return m.logWeights().exp().mul(m.means()).sum(new int[] {-1});
    }

    /** The mixture's standard deviation, [B, P] (law of total variance): the reported uncertainty. */
    public static NDArray std(Mixture m) {
        NDArray w = m.logWeights().exp();
        NDArray mu = w.mul(m.means()).sum(new int[] {-1}, true);
        NDArray second = w.mul(m.sigmas().square().add(m.means().square())).sum(new int[] {-1}, true);
        return Scalars.maximum(second.sub(mu.square()), 0f).sqrt().squeeze(-1);
    }

    /**
     * The mean of the component with the highest peak density π_k / σ_k, [B, P]: the mode of a
     * well-separated mixture, and the value a candidate patch takes.
     */
    public static NDArray mode(Mixture m) {
        NDArray peak = m.logWeights().sub(m.sigmas().log());
        NDArray best = peak.argMax(-1).expandDims(-1);
        return m.means().gather(best, -1).squeeze(-1);
    }

    /**
     * The mean of the most heavily weighted component, [B, P]: the point estimate a candidate patch
     * takes ({@link Prediction#point}), differentiable with respect to that component's mean.
     */
    public static NDArray heaviestMean(Mixture m) {
        NDArray best = m.logWeights().argMax(-1).expandDims(-1);
        return m.means().gather(best, -1).squeeze(-1);
    }

    private static NDArray logSumExp(NDArray x) {
        NDArray max = x.max(new int[] {-1}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {-1}).log().add(max.squeeze(-1));
    }
}
