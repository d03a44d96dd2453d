package org.unmixer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.audio.Loudness;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.ModelFiles;
import org.unmixer.model.PresenceCalibration;
import org.unmixer.model.OutputLayout;
import org.unmixer.params.Catalog;
import org.unmixer.train.tracking.MlflowRun;
import org.unmixer.train.tracking.MlflowRunReader;
import org.unmixer.train.tracking.RunStatus;

/**
 * One {@code ./unmixer train} run, end to end: datasets (generated if missing), feature statistics,
 * the network, run tracking in {@code mlruns/}, the training loop with checkpoints in
 * {@code OUT/checkpoint}, and at the end the model in {@code OUT/model} plus loss-curve PNGs.
 * {@code OUT/run.json} remembers the tracking run id so {@code --resume} continues the same run.
 */
public final class TrainingRun {
    /** What the caller sees while it runs. */
    public interface Progress extends TrainingData.Progress, EstimatorTrainer.Listener {
        void message(String text);

        /**
         * Called with the saved model and the run's artifact folder before the run is marked
         * finished: front ends add what this layer cannot make (audio of the model's rebuilds).
         */
        default void addArtifacts(Path modelDir, Path validationSet, Path artifactDir) throws IOException {
        }
    }

    /**
     * Where things are; {@code initModel}, when not null, is a saved model whose weights the network
     * starts from (the same architecture and feature settings), e.g. to add the spectral stage to
     * an already trained model.
     */
    public record Paths(Path configFile, Path dataRoot, Path outDir, Path mlrunsRoot, Path initModel) {
        public Paths(Path configFile, Path dataRoot, Path outDir, Path mlrunsRoot) {
            this(configFile, dataRoot, outDir, mlrunsRoot, null);
        }
    }

    /** The run's result. */
    public record Result(Path modelDir, String runId, int steps, int badSteps, Map<String, Double> validation,
                         Map<String, String> datasetHashes) {}

    private TrainingRun() {
    }

    /** The wavetable classes of the model: every table of the forward model, "Category/Name". */
    public static List<String> wavetableNames() {
        return Wavetables.catalog().stream().map(e -> e.category() + "/" + e.name()).toList();
    }

    public static Result run(TrainingConfig config, Paths paths, boolean resume, int threads, Progress progress)
            throws IOException {
        Catalog catalog = Catalog.standard();
        OutputLayout layout = new OutputLayout(catalog, wavetableNames());
        Path base = paths.configFile().toAbsolutePath().getParent();
        Map<String, TrainingSet> sets = new LinkedHashMap<>();
        sets.put("dry", TrainingData.ensure(base.resolve(config.data().dry()), paths.dataRoot(), layout, threads, progress));
        sets.put("nonlinear", TrainingData.ensure(base.resolve(config.data().nonlinear()), paths.dataRoot(), layout, threads, progress));
        sets.put("full", TrainingData.ensure(base.resolve(config.data().full()), paths.dataRoot(), layout, threads, progress));
        TrainingSet validation = TrainingData.ensure(base.resolve(config.data().validation()), paths.dataRoot(), layout, threads, progress);
        Map<String, String> hashes = new LinkedHashMap<>();
        sets.forEach((k, v) -> hashes.put(v.dir().getFileName().toString(), v.manifestSha256()));
        hashes.put(validation.dir().getFileName().toString(), validation.manifestSha256());

        TrainingSet full = sets.get("full");
        float[] stats = featureStats(full, 256);
        double lufs = medianLoudness(full.dir(), 64);
        progress.message(String.format(java.util.Locale.ROOT, "features: mean %.3f, std %.3f; renders' median loudness %.1f LUFS",
                stats[0], stats[1], lufs));
        TrainingConfig.Architecture a = config.model();
        ModelConfig measured = new ModelConfig(a.hyperbolic(), a.curvature(), full.mels(), full.frames(), a.stemFilters(), a.channels(),
                a.embedding(), a.headHidden(), a.mdnComponents(), a.decoderHidden(), a.tokenDim(), stats[0], stats[1],
                44_100, secondsOf(full), lufs, layout.wavetables(), layout.signature(),
                basePresets(base.resolve(config.data().full()), layout));
        // A starting model's weights were trained on its own input normalisation: keep it, whatever
        // data this run fine-tunes on (another data set measures other statistics).
        ModelConfig modelConfig = paths.initModel() == null ? measured : startingNormalisation(measured, paths.initModel(), progress);

        Path checkpointDir = paths.outDir().resolve("checkpoint");
        Path runFile = paths.outDir().resolve("run.json");
        Files.createDirectories(paths.outDir());
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) config.seed());
            InverseNet net = new InverseNet(modelConfig, layout);
            net.initialize(manager, DataType.FLOAT32, net.inputShape(config.batchSize()));
            boolean resuming = resume && Checkpoint.exists(checkpointDir) && Files.isRegularFile(runFile);
            if (paths.initModel() != null && !resuming) {
                ModelFiles.loadWeights(paths.initModel(), net, manager);
                progress.message("starting from the weights of " + paths.initModel());
            }
            String previousRun = resuming ? RunInfo.read(runFile) : null;
            // MLflow reopens only interrupted runs; continuing a finished one (more steps) starts a new
            // tracking run that names its parent.
            boolean sameRun = previousRun != null && !MlflowRunReader.status(
                    MlflowRunReader.findRun(paths.mlrunsRoot(), previousRun)).isTerminal();
            MlflowRun run = sameRun
                    ? MlflowRun.resume(paths.mlrunsRoot(), previousRun, Clock.systemUTC())
                    : MlflowRun.start(paths.mlrunsRoot(), "unmixer-estimator", config.name(), Clock.systemUTC());
            RunInfo.write(runFile, run.runId());
            if (previousRun != null && !sameRun) {
                run.setTag("mlflow.parentRunId", previousRun);
            }
            if (!sameRun) {
                run.logParams(flatten(config));
                hashes.forEach((k, v) -> run.logParam("dataset/" + k + "/manifest_sha256", v));
                run.setTag("mlflow.source.name", "./unmixer train " + paths.configFile());
                if (paths.initModel() != null) {
                    run.logParam("init_model/dir", paths.initModel().toString());
                    run.logParam("init_model/weights_sha256", ModelFiles.weightsSha256(paths.initModel()));
                }
            }
            // The spectral term's gradients: exact where a device has an analytic version, one exact
            // parameter for the linear-mix devices and OTT's output gain (DiffDevices).
            EstimatorTrainer trainer = new EstimatorTrainer(config, net, manager, sets, validation, run::logMetric, progress,
                    org.unmixer.model.diff.DiffDevices.analyticOnly());
            if (resuming) {
                trainer.resume(checkpointDir);
                progress.message("resumed at step " + trainer.step() + " (tracking run " + run.runId() + ")");
            }
            EstimatorTrainer.Outcome outcome;
            try {
                outcome = trainer.train(config.steps(), checkpointDir);
            } catch (java.util.concurrent.CancellationException e) {
                run.finish(RunStatus.KILLED);
                throw e;
            } catch (RuntimeException | IOException e) {
                run.finish(RunStatus.FAILED);
                throw e;
            }
            Path modelDir = paths.outDir().resolve("model");
            ModelFiles.save(net, modelDir);
            PresenceCalibrator.Fit fit = PresenceCalibrator.calibrate(net, manager, validation, modelDir);
            for (int e = 0; e < layout.effects().size(); e++) {
                run.logParam("calibration/" + layout.effects().get(e) + "/threshold", Double.toString(fit.calibration().thresholds()[e]));
            }
            LossCurves.write(run, config, modelDir);
            run.logArtifact(modelDir.resolve(ModelFiles.CONFIG_FILE), "model");
            run.logArtifact(modelDir.resolve(PresenceCalibration.FILE), "model");
            Path audio = run.artifactPath("audio");
            Files.createDirectories(audio);
            progress.addArtifacts(modelDir, validation.dir(), audio);
            run.logMetric("train/bad_steps_total", outcome.badSteps(), outcome.steps());
            run.finish(RunStatus.FINISHED);
            return new Result(modelDir, run.runId(), outcome.steps(), outcome.badSteps(), outcome.lastValidation(), hashes);
        }
    }

    /** The presets the full stage's sampling table starts devices from (e.g. Multiband Dynamics → OTT). */
    private static Map<String, String> basePresets(Path datasetConfig, OutputLayout layout) {
        var ranges = org.unmixer.data.DatasetConfig.load(datasetConfig, Catalog.standard()).ranges();
        Map<String, String> out = new LinkedHashMap<>();
        for (String device : layout.effects()) {
            String preset = ranges.forDevice(device).preset();
            if (preset != null) {
                out.put(device, preset);
            }
        }
        return out;
    }

    private static double secondsOf(TrainingSet set) throws IOException {
        var m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(set.dir().resolve("manifest.json")));
        // Every render of a dataset lasts the config's longest gate plus its tail.
        return m.path("config").path("gateMaxSeconds").asDouble() + m.path("config").path("tailSeconds").asDouble();
    }

    /** Mean and standard deviation of the log-mel values of the first {@code n} examples. */
    private static ModelConfig startingNormalisation(ModelConfig measured, Path initModel, Progress progress) {
        ModelConfig init = ModelFiles.config(initModel);
        progress.message(String.format(java.util.Locale.ROOT, "features: %s's normalisation kept (mean %.3f, std %.3f, %.1f LUFS)",
                initModel, init.featureMean(), init.featureStd(), init.targetLufs()));
        return measured.withFeatureStats(init.featureMean(), init.featureStd(), init.targetLufs());
    }

    static float[] featureStats(TrainingSet set, int n) {
        int count = Math.min(n, set.size());
        double sum = 0;
        double sq = 0;
        long values = 0;
        float[] row = new float[set.frames() * set.mels()];
        for (int i = 0; i < count; i++) {
            set.features(i, row, 0);
            for (float v : row) {
                sum += v;
                sq += (double) v * v;
            }
            values += row.length;
        }
        double mean = sum / values;
        double std = Math.sqrt(Math.max(1e-12, sq / values - mean * mean));
        return new float[] {(float) mean, (float) std};
    }

    /** Median integrated loudness of the first {@code n} patches of a dataset, re-rendered. */
    static double medianLoudness(Path datasetDir, int n) throws IOException {
        List<String> lines = Files.readAllLines(datasetDir.resolve("shard-00000").resolve("patches.jsonl"));
        PatchJson json = PatchJson.standard();
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < Math.min(n, lines.size()); i++) {
            double v = Loudness.integratedLufs(Renderer.render(json.parse(lines.get(i)), 44_100));
            if (Double.isFinite(v)) {
                l.add(v);
            }
        }
        l.sort(Double::compare);
        return l.isEmpty() ? -20 : l.get(l.size() / 2);
    }

    private static Map<String, Object> flatten(TrainingConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(c);
        flattenInto("", tree, out);
        return out;
    }

    private static void flattenInto(String prefix, com.fasterxml.jackson.databind.JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flattenInto(prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, node.asText());
        }
    }
}
