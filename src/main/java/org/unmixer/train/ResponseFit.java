package org.unmixer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.unmixer.model.Scalars;
import org.unmixer.model.hyperbolic.RiemannianAdam;
import org.unmixer.model.proxy.EqEightBandResponses;
import org.unmixer.model.proxy.SpectralMaskProxy;

/**
 * Fits one of a {@link SpectralMaskProxy}'s time-invariant networks — the shared section network or
 * the static one — to measured responses ({@link EqEightBandResponses}) before the proxy is trained
 * on audio: mean |log-gain error| at the mask points (nepers), Adam with cosine decay, global-norm
 * clipping. Only that network's parameters move. The held-out error it reports is in decibels
 * (× 20/ln 10).
 */
public final class ResponseFit {
    /** What is fitted: values [R, S] to a log-gain [R, M]. */
    public interface Network {
        NDArray predict(ParameterStore ps, NDArray values, boolean training);
    }

    /** The proxy's shared section network. */
    public static Network sections(SpectralMaskProxy net) {
        return net::sectionLogGain;
    }

    /** The proxy's static network (from the whole condition). */
    public static Network statics(SpectralMaskProxy net) {
        return net::staticLogGain;
    }

    /** Settings of the fit. */
    public record Config(int steps, int batch, double learningRate, double clipNorm) {
    }

    /** Mean absolute error in dB on the held-out pairs, before and after. */
    public record Result(double heldOutDbBefore, double heldOutDbAfter, double lastLoss) {
    }

    private final Config config;

    public ResponseFit(Config config) {
        this.config = config;
    }

    /**
     * Fits the initialised {@code net}, whose parameters are {@code params}, to {@code train};
     * measures on {@code heldOut}.
     */
    public Result fit(Network net, ai.djl.nn.ParameterList params, List<EqEightBandResponses.Pair> train,
            List<EqEightBandResponses.Pair> heldOut, NDManager manager, long seed, ProxyTrainer.Progress progress) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("no parameters to fit");
        }
        double before = heldOutDb(net, heldOut, manager);
        SplittableRandom rng = new SplittableRandom(seed);
        double last = Double.NaN;
        try (RiemannianAdam adam = RiemannianAdam.builder().optLearningRate(config.learningRate()).build(manager)) {
            for (int step = 0; step < config.steps(); step++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("response fit interrupted at step " + step);
                }
                double progressFraction = step / (double) Math.max(1, config.steps());
                adam.setLearningRate(config.learningRate() * 0.5 * (1 + Math.cos(Math.PI * progressFraction)));
                int[] idx = rng.ints(config.batch(), 0, train.size()).toArray();
                try (NDManager m = manager.newSubManager(); ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray x = m.create(rows(train, idx, EqEightBandResponses.Pair::values)).reshape(config.batch(), -1);
                    NDArray y = m.create(rows(train, idx, EqEightBandResponses.Pair::logGain)).reshape(config.batch(), -1);
                    try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        NDArray loss = net.predict(new ParameterStore(m, false), x, true).sub(y).abs().mean();
                        last = loss.toType(DataType.FLOAT64, false).getDouble();
                        if (Double.isFinite(last)) {
                            gc.backward(loss);
                        }
                    }
                }
                double norm = Double.isFinite(last) ? Gcwd.globalNorm(params) : Double.NaN;
                double factor = Gcwd.clipFactor(norm, config.clipNorm());
                if (!Double.isNaN(factor)) {
                    for (var p : params) {
                        try (NDArray g = p.getValue().getArray().getGradient(); NDArray scaled = Scalars.mul(g, (float) factor)) {
                            adam.update(p.getKey(), p.getValue().getArray(), scaled, false);
                        }
                    }
                }
                Gcwd.clear(params);
                progress.step(step + 1, config.steps(), last);
            }
        }
        return new Result(before, heldOutDb(net, heldOut, manager), last);
    }

    /** Mean |error| in dB of the network on the pairs. */
    static double heldOutDb(Network net, List<EqEightBandResponses.Pair> pairs, NDManager manager) {
        int[] all = java.util.stream.IntStream.range(0, pairs.size()).toArray();
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(rows(pairs, all, EqEightBandResponses.Pair::values)).reshape(pairs.size(), -1);
            NDArray y = m.create(rows(pairs, all, EqEightBandResponses.Pair::logGain)).reshape(pairs.size(), -1);
            double nepers = net.predict(new ParameterStore(m, false), x, false).sub(y).abs().mean()
                    .toType(DataType.FLOAT64, false).getDouble();
            return nepers * 20 / Math.log(10);
        }
    }

    private static float[] rows(List<EqEightBandResponses.Pair> pairs, int[] idx,
            java.util.function.Function<EqEightBandResponses.Pair, float[]> f) {
        int width = f.apply(pairs.get(idx[0])).length;
        float[] out = new float[idx.length * width];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(f.apply(pairs.get(idx[i])), 0, out, i * width, width);
        }
        return out;
    }
}
