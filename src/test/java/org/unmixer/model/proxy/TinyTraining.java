package org.unmixer.model.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.unmixer.model.diff.SpectralDistance;
import org.unmixer.model.hyperbolic.RiemannianAdam;
import org.unmixer.train.Gcwd;

/** A few training steps of a proxy on one tiny batch, each as the trainers take it. */
final class TinyTraining {
    private TinyTraining() {
    }

    /**
     * Adam steps on the MR-STFT loss of {@code net}(audio [B, I, T], condition) against target [B, T]:
     * clipped at a global norm of 5, with the gradients cleared afterwards (DJL accumulates them
     * otherwise, which once sent a proxy to NaN), and none with a NaN gradient.
     *
     * @return the loss at the first and the last step
     */
    static double[] firstAndLastLoss(ProxyNetwork net, NDManager m, NDArray audio, NDArray condition, NDArray target,
            double learningRate, int steps) {
        return firstAndLastLoss(net, m, audio, condition, target, learningRate, steps, 0);
    }

    /**
     * The same, except that up to {@code maxSkipped} steps with a NaN gradient are skipped, as
     * {@code ProxyTrainer}'s guard skips them, rather than failing.
     */
    static double[] firstAndLastLoss(ProxyNetwork net, NDManager m, NDArray audio, NDArray condition, NDArray target,
            double learningRate, int steps, int maxSkipped) {
        int skipped = 0;
        long batch = target.getShape().get(0);
        long samples = target.getShape().get(1);
        RiemannianAdam adam = RiemannianAdam.builder().optLearningRate((float) learningRate).build(m);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < steps; step++) {
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray out = net.forward(new ParameterStore(m, false), new NDList(audio, condition), true).singletonOrThrow();
                NDArray loss = SpectralDistance.standard().distance(out.reshape(batch, samples), target).mean();
                gc.backward(loss);
                last = loss.getFloat();
                first = step == 0 ? last : first;
            }
            double factor = Gcwd.clipFactor(Gcwd.globalNorm(net.getParameters()), 5);
            if (Double.isNaN(factor)) {
                skipped++;
                assertThat(skipped).as("steps with a NaN gradient, at step %d", step).isLessThanOrEqualTo(maxSkipped);
                Gcwd.clear(net.getParameters());
                continue;
            }
            for (var param : net.getParameters()) {
                NDArray g = param.getValue().getArray().getGradient();
                adam.update(param.getKey(), param.getValue().getArray(), g.mul((float) factor), false);
            }
            Gcwd.clear(net.getParameters());
        }
        return new double[] {first, last};
    }
}
