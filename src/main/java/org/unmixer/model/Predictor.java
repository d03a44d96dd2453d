package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a trained {@link InverseNet} on one input at a time (evaluation mode). Each call works in
 * its own child NDManager, so nothing accumulates between calls and calls from several threads do
 * not share temporaries.
 */
public final class Predictor {
    private final InverseNet net;
    private final NDManager manager;
    private final PresenceCalibration calibration;

    /** @param manager the manager that owns the net's parameters */
    public Predictor(InverseNet net, NDManager manager) {
        this(net, manager, PresenceCalibration.identity(net.layout().effects().size()));
    }

    /** With per-effect presence thresholds for the chain's device set. */
    public Predictor(InverseNet net, NDManager manager, PresenceCalibration calibration) {
        if (calibration.thresholds().length != net.layout().effects().size()) {
            throw new IllegalArgumentException("calibration for " + calibration.thresholds().length + " effects, the model has "
                    + net.layout().effects().size());
        }
        this.net = net;
        this.manager = manager;
        this.calibration = calibration;
    }

    public PresenceCalibration calibration() {
        return calibration;
    }

    public InverseNet net() {
        return net;
    }

    /**
     * @param logMel frame-major log-mel of one input ({@link Features#logMel})
     * @param topK chains to return
     */
    public Prediction predict(float[] logMel, int topK) {
        ModelConfig c = net.config();
        OutputLayout layout = net.layout();
        // The scope also frees results that attached to the parameters' manager (see EstimatorTrainer).
        try (NDManager m = manager.newSubManager(); ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            scope.suppressNotUsedWarning();
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = net.forward(ps, new NDList(Features.batch(m, logMel, 1, c)), false);
            int p = layout.continuous().size();
            int k = c.mdnComponents();
            MixtureDensity.Mixture mix = MixtureDensity.split(out.get(1), p, k);
            float[] mean = MixtureDensity.mean(mix).toFloatArray();
            float[] mode = MixtureDensity.mode(mix).toFloatArray();
            float[] std = MixtureDensity.std(mix).toFloatArray();
            float[][] weights = rows(mix.logWeights().exp(), p, k);
            float[][] means = rows(mix.means(), p, k);
            float[][] sigmas = rows(mix.sigmas(), p, k);
            int[] offsets = layout.classOffsets();
            List<float[]> probs = new ArrayList<>();
            for (int j = 0; j < layout.discrete().size(); j++) {
                NDArray logits = out.get(2).get(new NDIndex(":, {}:{}", offsets[j], offsets[j + 1]));
                probs.add(logits.softmax(-1).toFloatArray());
            }
            float[] presence = out.get(4).neg().exp().add(1f).pow(-1f).toFloatArray();
            double[] presenceD = new double[presence.length];
            for (int e = 0; e < presence.length; e++) {
                presenceD[e] = presence[e];
            }
            List<ChainDecoder.Chain> chains = net.decoder().rankChains(ps, out.get(3), calibration.apply(presenceD), topK);
            return new Prediction(mean, mode, std, weights, means, sigmas, probs, presence, chains);
        }
    }

    private static float[][] rows(NDArray a, int p, int k) {
        float[] flat = a.toFloatArray();
        float[][] out = new float[p][k];
        for (int i = 0; i < p; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }
}
