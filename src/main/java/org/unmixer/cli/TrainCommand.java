package org.unmixer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unmixer.params.BadInputException;
import org.unmixer.train.TrainingConfig;
import org.unmixer.train.TrainingRun;
import org.unmixer.train.tracking.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer train [--config FILE] [--out DIR] [--resume] [--init MODEL_DIR]}: trains the inverse model (datasets
 * generated on first use into {@code --data}), tracks the run in {@code mlruns/} (MLflow's file
 * layout), checkpoints into {@code OUT/checkpoint} and writes the model to {@code OUT/model}.
 * Ctrl-C stops after the current step with a checkpoint; {@code --resume} continues exactly.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the inverse model (encoder, MDN and classifier heads, hyperbolic chain decoder) with the curriculum.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Training config (default: assets/training/default.json).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Where datasets are generated and reused (default: data).")
    Path data = Path.of("data");

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder: checkpoint, model (default: runs/NAME).")
    Path out;

    @Option(names = "--mlruns", paramLabel = "DIR", description = "Run tracking root, MLflow file layout (default: mlruns).")
    Path mlruns = Path.of("mlruns");

    @Option(names = "--resume", description = "Continue from OUT/checkpoint (same tracking run).")
    boolean resume;

    @Option(names = "--init", paramLabel = "MODEL_DIR",
            description = "Start from a saved model's weights (same architecture), e.g. models/unmixer-default for the spectral stage.")
    Path init;

    @Option(names = "--steps", paramLabel = "N", description = "Override the config's step count.")
    Integer steps;

    @Option(names = "--euclidean", description = "Euclidean chain decoder instead of the Poincaré ball (same size).")
    boolean euclidean;

    @Option(names = "--threads", paramLabel = "T", description = "Dataset generation threads (default: processors, at most 2).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Path configFile = config != null ? config
                : Path.of(System.getProperty("unmixer.home", ".")).resolve("assets/training/default.json");
        TrainingConfig c = TrainingConfig.load(configFile);
        if (steps != null) {
            if (steps < 1) {
                throw new BadInputException("--steps " + steps + " must be at least 1");
            }
            c = withSteps(c, steps);
        }
        if (euclidean) {
            TrainingConfig.Architecture a = c.model();
            c = withModel(c, new TrainingConfig.Architecture(false, a.curvature(), a.stemFilters(), a.channels(), a.embedding(),
                    a.headHidden(), a.mdnComponents(), a.decoderHidden(), a.tokenDim()), c.name() + "-euclid");
        }
        int workers = threads != null ? threads : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        Path outDir = out != null ? out : Path.of("runs", c.name());
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, c.steps());
        TrainingRun.Result r = TrainingRun.run(c, new TrainingRun.Paths(configFile, data, outDir, mlruns, init), resume, workers, progress);
        progress.finish();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "trained %d steps (%d skipped as NaN/Inf); model in %s; tracking run %s in %s%n",
                r.steps(), r.badSteps(), r.modelDir(), r.runId(), mlruns);
        r.validation().forEach((k, v) -> o.printf(Locale.ROOT, "  val %-16s %.4f%n", k, v));
        return ErrorReporter.OK;
    }

    private static TrainingConfig withSteps(TrainingConfig c, int steps) {
        return new TrainingConfig(c.name(), c.seed(), c.data(), c.curriculum(), steps, c.batchSize(), c.learningRate(),
                c.warmupSteps(), c.weightDecay(), c.clipNorm(), c.loss(), c.model(), c.evalEvery(), c.checkpointEvery(),
                c.evalExamples(), c.spectral());
    }

    private static TrainingConfig withModel(TrainingConfig c, TrainingConfig.Architecture a, String name) {
        return new TrainingConfig(name, c.seed(), c.data(), c.curriculum(), c.steps(), c.batchSize(), c.learningRate(),
                c.warmupSteps(), c.weightDecay(), c.clipNorm(), c.loss(), a, c.evalEvery(), c.checkpointEvery(),
                c.evalExamples(), c.spectral());
    }

    /** Dataset lines, then a progress bar with loss, stage and ETA. */
    private static final class Progress implements TrainingRun.Progress {
        private final PrintWriter err;
        private final ProgressBar bar;
        private final Map<String, Integer> lastPercent = new LinkedHashMap<>();

        Progress(PrintWriter err, int steps) {
            this.err = err;
            // ProgressBar writes to a PrintStream; the command line's streams are PrintWriters (so tests
            // can capture them). PrintStream hands over whole encoded strings, decoded here as UTF-8.
            PrintStream stream = new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    err.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
                }

                @Override
                public void flush() {
                    err.flush();
                }
            }, true, java.nio.charset.StandardCharsets.UTF_8);
            this.bar = System.console() != null ? ProgressBar.terminal(stream, steps, System::nanoTime)
                    : ProgressBar.plain(stream, steps, 1, System::nanoTime);
        }

        @Override
        public void message(String text) {
            err.println("train: " + text);
            err.flush();
        }

        @Override
        public void update(String dataset, int done, int total) {
            int percent = (int) (100L * done / total);
            if (lastPercent.getOrDefault(dataset, -1) / 10 != percent / 10 || done == total) {
                lastPercent.put(dataset, percent);
                err.printf(Locale.ROOT, "train: generating dataset %s: %d/%d%n", dataset, done, total);
                err.flush();
            }
        }

        @Override
        public void onStep(int step, int total, String stage, Map<String, Double> terms, double learningRate) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("loss", String.format(Locale.ROOT, "%.4f", terms.get("loss")));
            fields.put("chain", String.format(Locale.ROOT, "%.3f", terms.get("chain_token_acc")));
            fields.put("stage", stage);
            bar.update(step, fields);
        }

        @Override
        public void onEval(int step, Map<String, Double> metrics) {
            message(String.format(Locale.ROOT, "step %d validation: loss %.4f, nll %.4f, ce %.4f, chain ce %.4f,"
                    + " chain exact %.3f, presence F1 %.3f", step, metrics.get("loss"), metrics.get("nll"), metrics.get("ce"),
                    metrics.get("chain_ce"), metrics.get("chain_exact"), metrics.get("presence_f1"))
                    + (metrics.containsKey("spec") ? String.format(Locale.ROOT, ", spectral %.4f", metrics.get("spec")) : ""));
        }

        void finish() {
            bar.finish();
        }

        /** Three validation examples: the target and the model's rebuild (best chain, point-estimate parameters) as WAVs. */
        @Override
        public void addArtifacts(Path modelDir, Path validationSet, Path artifactDir) throws IOException {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(validationSet.resolve("shard-00000/patches.jsonl"));
            org.unmixer.dsp.patch.PatchJson json = org.unmixer.dsp.patch.PatchJson.standard();
            try (org.unmixer.infer.model.ModelEstimator model = org.unmixer.infer.model.ModelEstimator.load("model", modelDir, 1)) {
                for (int i = 0; i < Math.min(3, lines.size()); i++) {
                    org.unmixer.dsp.patch.Patch truth = json.parse(lines.get(i));
                    org.unmixer.audio.AudioBuffer target = org.unmixer.dsp.Renderer.render(truth, 44_100);
                    org.unmixer.dsp.patch.Patch rebuilt = model.estimate(new org.unmixer.infer.EstimationInput(target,
                            truth.source(), org.unmixer.infer.Budget.UNLIMITED)).best().patch();
                    String name = String.format(Locale.ROOT, "validation-%d", i);
                    org.unmixer.audio.io.WavWriter.write(artifactDir.resolve(name + "-target.wav"), target,
                            org.unmixer.audio.io.SampleFormat.PCM_16);
                    org.unmixer.audio.io.WavWriter.write(artifactDir.resolve(name + "-rebuild.wav"),
                            org.unmixer.dsp.Renderer.render(rebuilt, 44_100), org.unmixer.audio.io.SampleFormat.PCM_16);
                    java.nio.file.Files.writeString(artifactDir.resolve(name + "-rebuild.json"), json.write(rebuilt));
                }
            }
        }
    }
}
