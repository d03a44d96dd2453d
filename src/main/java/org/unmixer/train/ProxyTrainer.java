package org.unmixer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.model.Scalars;
import org.unmixer.model.diff.SpectralDistance;
import org.unmixer.model.hyperbolic.RiemannianAdam;
import org.unmixer.model.proxy.ProxyData;
import org.unmixer.model.proxy.ProxyNetwork;

/**
 * Trains one effect's proxy ({@link ProxyNetwork}: either design) on {@link ProxyData}: a pool of pairs rendered once (the
 * reference device is the cost), random batches from it, loss = multi-resolution STFT distance +
 * {@code timeWeight}·mean |y − ŷ| (the time term pins the phase the magnitude loss ignores), Adam with
 * warm-up and cosine decay, global-norm clipping and the NaN guard of {@link Gcwd}. Fidelity is
 * measured on held-out pairs (never trained on) with the Java MR-STFT distance:
 * MR-STFT(proxy, device) as a fraction of MR-STFT(dry input, device).
 */
public final class ProxyTrainer {
    /** Training settings. */
    public record Config(int steps, int batch, int pool, int heldOut, double learningRate, int warmup, double clipNorm,
            double timeWeight, int threads) {
        public static Config defaults(int steps) {
            return new Config(steps, 8, 1024, 64, 2e-3, Math.min(100, steps / 10 + 1), 5, 1.0, 2);
        }
    }

    /** Called after each step and at phase changes. */
    public interface Progress {
        void step(int step, int total, double loss);

        default void message(String text) {
        }
    }

    /**
     * @param fidelity mean MR-STFT(proxy, device) / mean MR-STFT(dry, device) on the held-out pairs
     * @param proxyDistance mean MR-STFT(proxy, device)
     * @param dryDistance mean MR-STFT(dry, device)
     * @param badSteps steps skipped by the NaN guard
     */
    public record Result(double fidelity, double proxyDistance, double dryDistance, double firstLoss, double lastLoss,
            int badSteps) {
        public ObjectNode toJson() {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("fidelity", fidelity).put("proxyMrStft", proxyDistance).put("dryMrStft", dryDistance)
                    .put("firstLoss", firstLoss).put("lastLoss", lastLoss).put("badSteps", badSteps);
            return n;
        }
    }

    private final ProxyData data;
    private final Config config;

    public ProxyTrainer(ProxyData data, Config config) {
        this.data = data;
        this.config = config;
    }

    /** A stage run on the initialised network before it is trained on audio pairs. */
    public interface Pretraining {
        void run(ProxyNetwork net, NDManager manager, Progress progress);

        /**
         * The parameters the stage fitted that the audio training leaves as they are
         * (none by default): what a measured target fits better than an MR-STFT gradient can.
         */
        default java.util.Set<ai.djl.nn.Parameter> frozen(ProxyNetwork net) {
            return java.util.Set.of();
        }
    }

    /** Trains {@code net} (initialised here) and measures its fidelity. */
    public Result train(ProxyNetwork net, NDManager manager, long seed, Progress progress) {
        return train(net, manager, seed, progress, null);
    }

    /**
     * Trains {@code net} (initialised here), after {@code pretraining} when not null, and measures
     * its fidelity.
     */
    public Result train(ProxyNetwork net, NDManager manager, long seed, Progress progress, Pretraining pretraining) {
        int samples = data.samples();
        progress.message("rendering " + (config.pool() + config.heldOut()) + " training pairs through the reference device");
        List<ProxyData.Example> pool = render(0, config.pool());
        List<ProxyData.Example> heldOut = render(config.pool(), config.heldOut());
        net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        int channels = net.config().inputChannels();
        net.initialize(manager, DataType.FLOAT32, new Shape(config.batch(), channels, samples),
                new Shape(config.batch(), data.conditioning().size()));
        java.util.Set<ai.djl.nn.Parameter> frozen = java.util.Set.of();
        if (pretraining != null) {
            pretraining.run(net, manager, progress);
            frozen = pretraining.frozen(net);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double first = Double.NaN;
        double last = Double.NaN;
        int bad = 0;
        try (RiemannianAdam adam = RiemannianAdam.builder().optLearningRate(config.learningRate()).build(manager)) {
            for (int step = 0; step < config.steps(); step++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("proxy training interrupted at step " + step);
                }
                adam.setLearningRate(learningRate(step));
                int[] idx = rng.ints(config.batch(), 0, pool.size()).toArray();
                double loss;
                try (NDManager m = manager.newSubManager(); ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray x = m.create(rows(pool, idx, ProxyData.Example::network)).reshape(config.batch(), channels, samples);
                    NDArray c = m.create(rows(pool, idx, ProxyData.Example::condition)).reshape(config.batch(), -1);
                    NDArray y = m.create(rows(pool, idx, ProxyData.Example::target)).reshape(config.batch(), samples);
                    try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        NDArray out = net.forward(new ParameterStore(m, false), new NDList(x, c), true).singletonOrThrow()
                                .reshape(config.batch(), samples);
                        NDArray l = SpectralDistance.standard().distance(out, y).mean()
                                .add(Scalars.mul(out.sub(y).abs().mean(), (float) config.timeWeight()));
                        loss = l.toType(DataType.FLOAT64, false).getDouble();
                        if (Double.isFinite(loss)) {
                            gc.backward(l);
                        }
                    }
                }
                double norm = Double.isFinite(loss) ? Gcwd.globalNorm(net.getParameters()) : Double.NaN;
                double factor = Gcwd.clipFactor(norm, config.clipNorm());
                if (Double.isNaN(factor)) {
                    bad++;
                } else {
                    for (var p : net.getParameters()) {
                        if (frozen.contains(p.getValue())) {
                            continue;
                        }
                        try (NDArray g = p.getValue().getArray().getGradient(); NDArray scaled = Scalars.mul(g, (float) factor)) {
                            adam.update(p.getKey(), p.getValue().getArray(), scaled, false);
                        }
                    }
                }
                Gcwd.clear(net.getParameters());
                first = step == 0 ? loss : first;
                last = loss;
                progress.step(step + 1, config.steps(), loss);
            }
        }
        progress.message("measuring fidelity on " + heldOut.size() + " held-out pairs");
        return fidelity(net, manager, heldOut, first, last, bad);
    }

    private Result fidelity(ProxyNetwork net, NDManager manager, List<ProxyData.Example> heldOut, double first, double last, int bad) {
        MultiResolutionStftDistance d = MultiResolutionStftDistance.standard();
        double proxy = 0;
        double dry = 0;
        for (ProxyData.Example e : heldOut) {
            float[] out;
            try (NDManager m = manager.newSubManager()) {
                NDArray x = m.create(e.network()).reshape(1, net.config().inputChannels(), e.input().length);
                NDArray c = m.create(e.condition()).reshape(1, e.condition().length);
                out = net.forward(new ParameterStore(m, false), new NDList(x, c), false).singletonOrThrow().toFloatArray();
            }
            proxy += d.distance(out, e.target());
            dry += d.distance(e.input(), e.target());
        }
        int n = heldOut.size();
        return new Result(proxy / dry, proxy / n, dry / n, first, last, bad);
    }

    private double learningRate(int step) {
        if (step < config.warmup()) {
            return config.learningRate() * (step + 1) / config.warmup();
        }
        double progress = (step - config.warmup()) / (double) Math.max(1, config.steps() - config.warmup());
        return config.learningRate() * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
    }

    private static float[] rows(List<ProxyData.Example> pool, int[] idx, java.util.function.Function<ProxyData.Example, float[]> f) {
        int width = f.apply(pool.get(idx[0])).length;
        float[] out = new float[idx.length * width];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(f.apply(pool.get(idx[i])), 0, out, i * width, width);
        }
        return out;
    }

    /** Examples [first, first + count), rendered on {@code threads} workers, in index order. */
    private List<ProxyData.Example> render(int first, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.threads()), r -> {
            Thread t = new Thread(r, "proxy-data");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProxyData.Example>> futures = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                long index = i;
                futures.add(pool.submit(() -> data.example(index)));
            }
            List<ProxyData.Example> out = new ArrayList<>(count);
            for (Future<ProxyData.Example> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while rendering proxy data");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
