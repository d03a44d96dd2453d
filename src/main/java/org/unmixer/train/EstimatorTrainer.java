package org.unmixer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.unmixer.model.HybridLoss;
import org.unmixer.model.InverseNet;
import org.unmixer.model.MixtureDensity;
import org.unmixer.model.Scalars;
import org.unmixer.model.diff.DiffDevices;
import org.unmixer.model.hyperbolic.PoincareBall;
import org.unmixer.model.hyperbolic.RiemannianAdam;

/**
 * The estimator's training loop: curriculum batches (dry → nonlinear → full by step), the hybrid
 * loss, GCWD (global-norm clipping, NaN/Inf guard that skips and counts bad steps, decoupled weight
 * decay in {@link RiemannianAdam}, which also moves the ball's parameters along the manifold),
 * warm-up + cosine learning rate, periodic validation and checkpoints. When the config turns it on,
 * the spectral term ({@link SpectralTerm}) joins the loss from its own curriculum step: the
 * predicted values of a few examples per batch are rendered through the differentiable chain and
 * the gradient of their distance to the true render is injected as ⟨point, G⟩.
 *
 * <p>Determinism: the batch of step s is drawn from a random stream seeded by (seed, s) alone, and a
 * checkpoint holds the weights (with batch-norm statistics), the optimiser's moments and the step,
 * so a resumed run continues exactly as an uninterrupted one would.
 */
public final class EstimatorTrainer {
    /** Where metrics go (an {@code MlflowRun}, or a test's map). */
    public interface MetricSink {
        void logMetric(String key, double value, long step);
    }

    /** Progress callbacks, on the training thread. */
    public interface Listener {
        void onStep(int step, int total, String stage, Map<String, Double> terms, double learningRate);

        default void onEval(int step, Map<String, Double> metrics) {
        }

        default void onCheckpoint(int step, Path dir) {
        }
    }

    /** What a finished (or interrupted) run reached. */
    public record Outcome(int steps, int badSteps, Map<String, Double> lastValidation) {}

    private final TrainingConfig config;
    private final InverseNet net;
    private final NDManager manager;
    private final Map<String, TrainingSet> sets;
    private final TrainingSet validation;
    private final HybridLoss loss;
    private final MetricSink sink;
    private final Listener listener;
    private final SpectralTerm spectral;
    private RiemannianAdam optimizer;
    private int step;
    private int badSteps;

    /**
     * @param net an initialised network (fresh, or about to be overwritten by {@link #resume})
     * @param sets the training set of each stage ("dry", "nonlinear", "full")
     */
    public EstimatorTrainer(TrainingConfig config, InverseNet net, NDManager manager, Map<String, TrainingSet> sets,
                            TrainingSet validation, MetricSink sink, Listener listener) {
        this(config, net, manager, sets, validation, sink, listener, DiffDevices.analyticOnly());
    }

    /**
     * @param diff how the devices are made differentiable for the spectral term (when the config
     *     turns it on)
     */
    public EstimatorTrainer(TrainingConfig config, InverseNet net, NDManager manager, Map<String, TrainingSet> sets,
                            TrainingSet validation, MetricSink sink, Listener listener, DiffDevices diff) {
        this.config = config;
        this.net = net;
        this.manager = manager;
        this.sets = Map.copyOf(sets);
        this.validation = validation;
        this.loss = new HybridLoss(config.loss(), net.layout(), net.config().mdnComponents());
        this.sink = sink;
        this.listener = listener;
        this.spectral = config.spectral().lambda() > 0 ? new SpectralTerm(net.layout(), diff) : null;
        this.optimizer = newOptimizer();
    }

    private RiemannianAdam newOptimizer() {
        RiemannianAdam.Builder b = RiemannianAdam.builder().optLearningRate(config.learningRate())
                .optWeightDecay(config.weightDecay());
        if (net.config().hyperbolic()) {
            b.optBall(new PoincareBall(net.config().curvature()));
        }
        return b.build(manager);
    }

    public int step() {
        return step;
    }

    public int badSteps() {
        return badSteps;
    }

    /** Loads a checkpoint written by {@link #saveCheckpoint}. */
    public void resume(Path dir) throws IOException {
        Checkpoint.State s = Checkpoint.load(dir, net, manager);
        // Loaded arrays replace the initialised ones and do not carry gradients yet.
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        optimizer.close();
        optimizer = s.optimizer();
        step = s.step();
        badSteps = s.badSteps();
    }

    public void saveCheckpoint(Path dir) throws IOException {
        Checkpoint.save(dir, net, optimizer, step, badSteps);
        listener.onCheckpoint(step, dir);
    }

    /**
     * Trains until {@code untilStep} (at most the config's steps), checkpointing into
     * {@code checkpointDir} every {@code checkpointEvery} steps and at the end. An interrupt stops
     * after the current step with a checkpoint written, then throws {@link CancellationException}.
     */
    public Outcome train(int untilStep, Path checkpointDir) throws IOException {
        int end = Math.min(untilStep, config.steps());
        Map<String, Double> lastEval = Map.of();
        if (spectral != null && step == 0 && end > 0) {
            // Where the spectral term starts from, for comparison (it usually begins on a trained model).
            lastEval = validate();
            lastEval.forEach((k, v) -> sink.logMetric("val/" + k, v, 0));
            listener.onEval(0, lastEval);
        }
        while (step < end) {
            trainStep();
            if (step % config.evalEvery() == 0 || step == config.steps()) {
                lastEval = validate();
                lastEval.forEach((k, v) -> sink.logMetric("val/" + k, v, step));
                listener.onEval(step, lastEval);
            }
            if (checkpointDir != null && (step % config.checkpointEvery() == 0 || step == end)) {
                saveCheckpoint(checkpointDir);
            }
            if (Thread.currentThread().isInterrupted()) {
                if (checkpointDir != null) {
                    saveCheckpoint(checkpointDir);
                }
                throw new CancellationException("training interrupted at step " + step);
            }
        }
        return new Outcome(step, badSteps, lastEval);
    }

    /**
     * One optimiser step (or one skipped bad step). The scope frees every array the step creates,
     * whichever manager it landed in: operations whose left operand is a parameter attach their
     * result to the parameters' long-lived manager, which leaked megabytes a step before.
     */
    void trainStep() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            scopedTrainStep();
        }
    }

    private void scopedTrainStep() {
        String stage = config.stageAt(step);
        TrainingSet set = sets.get(stage);
        int[] batch = batchIndices(config.seed(), step, set.size(), config.batchSize());
        double lr = config.learningRateAt(step);
        optimizer.setLearningRate(lr);
        ParameterList params = net.getParameters();
        Map<String, Double> terms;
        SpectralTerm.Batch spec = null;
        int[] specIndices = null;
        if (spectral != null && config.spectral().activeAt(step)) {
            specIndices = java.util.Arrays.copyOf(batch, Math.min(config.spectral().examples(), batch.length));
            spec = spectral.evaluate(patches(set, specIndices), points(set, specIndices), set.sampleRate(), true);
        }
        try (NDManager bm = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            ParameterStore ps = new ParameterStore(bm, false);
            NDArray input = org.unmixer.model.Features.batch(bm, set.features(batch), batch.length, net.config());
            NDList out = net.forward(ps, new NDList(input), true);
            HybridLoss.Result r = loss.compute(net, ps, out, set.targets(batch), true);
            terms = new LinkedHashMap<>(r.terms());
            NDArray total = r.total();
            if (spec != null) {
                // ⟨point, G⟩ with G = ∂distance/∂point held fixed: its gradient is the distance's.
                int n = specIndices.length;
                int p = net.layout().continuous().size();
                NDArray raw = config.spectral().headOnly()
                        ? net.mixtureHead(ps, out.get(0).get(new NDIndex("0:" + n)).stopGradient(), true)
                        : out.get(1).get(new NDIndex("0:" + n));
                NDArray point = MixtureDensity.heaviestMean(MixtureDensity.split(raw, p, net.config().mdnComponents()));
                NDArray g = bm.create(spec.gradients(), new Shape(n, p));
                double lambda = config.spectral().lambda();
                total = total.add(Scalars.mul(point.mul(g).sum(), lambda / n));
                terms.put("spec", spec.meanDistance());
                terms.put("loss", terms.get("loss") + lambda * spec.meanDistance());
            }
            if (Double.isFinite(terms.get("loss"))) {
                gc.backward(total);
            }
        }
        double norm = Double.isFinite(terms.get("loss")) ? Gcwd.globalNorm(params) : Double.NaN;
        double factor = Gcwd.clipFactor(norm, config.clipNorm());
        if (Double.isNaN(factor)) {
            badSteps++;
            sink.logMetric("train/bad_steps", badSteps, step);
        } else {
            for (Pair<String, Parameter> p : params) {
                Parameter param = p.getValue();
                if (!param.requiresGradient()) {
                    continue;
                }
                try (NDArray g = param.getArray().getGradient(); NDArray scaled = g.mul((float) factor)) {
                    optimizer.update(p.getKey(), param.getArray(), scaled, PoincareBall.isBallParameter(param.getName()));
                }
            }
        }
        // Gradients of parameters in a base manager accumulate across backward passes (DJL's
        // zeroGradients does not reach them): clear them for the next step, NaNs included.
        Gcwd.clear(params);
        terms.put("grad_norm", norm);
        step++;
        for (var e : terms.entrySet()) {
            sink.logMetric("train/" + e.getKey(), e.getValue(), step);
        }
        sink.logMetric("train/lr", lr, step);
        listener.onStep(step, config.steps(), stage, terms, lr);
    }

    /** Loss terms on the first {@code evalExamples} validation examples, in evaluation mode. */
    public Map<String, Double> validate() {
        int n = Math.min(config.evalExamples(), validation.size());
        Map<String, Double> sums = new LinkedHashMap<>();
        int batches = 0;
        for (int start = 0; start < n; start += config.batchSize()) {
            int b = Math.min(config.batchSize(), n - start);
            int[] idx = new int[b];
            for (int i = 0; i < b; i++) {
                idx[i] = start + i;
            }
            try (NDManager bm = manager.newSubManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                ParameterStore ps = new ParameterStore(bm, false);
                NDArray input = org.unmixer.model.Features.batch(bm, validation.features(idx), b, net.config());
                NDList out = net.forward(ps, new NDList(input), false);
                HybridLoss.Result r = loss.compute(net, ps, out, validation.targets(idx), false);
                r.terms().forEach((k, v) -> sums.merge(k, v, Double::sum));
            }
            batches++;
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        int count = batches;
        sums.forEach((k, v) -> mean.put(k, v / count));
        mean.putAll(decodeMetrics(Math.min(n, 256)));
        int specN = Math.min(config.spectral().validationExamples(), validation.size());
        if (spectral != null && specN > 0) {
            int[] idx = java.util.stream.IntStream.range(0, specN).toArray();
            mean.put("spec", spectral.evaluate(patches(validation, idx), points(validation, idx), validation.sampleRate(), false)
                    .meanDistance());
        }
        return mean;
    }

    private static java.util.List<org.unmixer.dsp.patch.Patch> patches(TrainingSet set, int[] indices) {
        return java.util.Arrays.stream(indices).mapToObj(set::patch).toList();
    }

    /**
     * The network's point estimates [n · P] for some examples, in evaluation mode and outside any
     * gradient collector (the spectral term's renders need the process's one collector).
     */
    private float[] points(TrainingSet set, int[] indices) {
        try (NDManager bm = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ParameterStore ps = new ParameterStore(bm, false);
            NDArray input = org.unmixer.model.Features.batch(bm, set.features(indices), indices.length, net.config());
            NDList out = net.forward(ps, new NDList(input), false);
            return MixtureDensity.heaviestMean(MixtureDensity.split(out.get(1), net.layout().continuous().size(),
                    net.config().mdnComponents())).toFloatArray();
        }
    }

    /**
     * Greedy chain decoding on the first {@code n} validation examples: exact chain match and effect
     * presence F1 (macro over effects) — what the benchmark will judge, seen during training.
     */
    private Map<String, Double> decodeMetrics(int n) {
        org.unmixer.model.Predictor predictor = new org.unmixer.model.Predictor(net, manager);
        int effects = net.layout().effects().size();
        int[] tp = new int[effects];
        int[] fp = new int[effects];
        int[] fn = new int[effects];
        int exact = 0;
        float[] row = new float[validation.frames() * validation.mels()];
        for (int i = 0; i < n; i++) {
            validation.features(i, row, 0);
            java.util.List<Integer> predicted = predictor.predict(row, 1).chains().get(0).effects();
            int[] truth = validation.targets(new int[] {i}).chains()[0];
            java.util.List<Integer> actual = new java.util.ArrayList<>();
            for (int t : truth) {
                if (t >= 0) {
                    actual.add(t);
                }
            }
            exact += predicted.equals(actual) ? 1 : 0;
            for (int e = 0; e < effects; e++) {
                boolean p = predicted.contains(e);
                boolean a = actual.contains(e);
                tp[e] += p && a ? 1 : 0;
                fp[e] += p && !a ? 1 : 0;
                fn[e] += !p && a ? 1 : 0;
            }
        }
        double f1 = 0;
        for (int e = 0; e < effects; e++) {
            int denominator = 2 * tp[e] + fp[e] + fn[e];
            f1 += denominator == 0 ? 1 : 2.0 * tp[e] / denominator;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("chain_exact", exact / (double) Math.max(1, n));
        out.put("presence_f1", f1 / effects);
        return out;
    }

    /** The examples of step s: n draws without replacement from a stream seeded by (seed, s). */
    static int[] batchIndices(long seed, int step, int size, int batch) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + 1);
        int n = Math.min(batch, size);
        int[] out = new int[n];
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; ) {
            int v = rng.nextInt(size);
            if (seen.add(v)) {
                out[i++] = v;
            }
        }
        return out;
    }
}
