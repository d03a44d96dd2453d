package org.unmixer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.data.AtomicFiles;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.LevelMatch;
import org.unmixer.infer.LevelMatchedEstimator;
import org.unmixer.infer.PatchPrior;
import org.unmixer.infer.baseline.CmaEsBaseline;
import org.unmixer.infer.baseline.MeanBaseline;
import org.unmixer.infer.baseline.NearestNeighbourBaseline;
import org.unmixer.infer.baseline.NearestNeighbourLibrary;
import org.unmixer.infer.baseline.OracleBaseline;
import org.unmixer.infer.baseline.RandomBaseline;
import org.unmixer.infer.bench.BenchExample;
import org.unmixer.infer.bench.BenchJson;
import org.unmixer.infer.bench.BenchRecord;
import org.unmixer.infer.bench.BenchRunner;
import org.unmixer.infer.bench.BenchTable;
import org.unmixer.infer.bench.ExampleScorer;
import org.unmixer.infer.bench.HtmlReport;
import org.unmixer.infer.bench.MethodSummary;
import org.unmixer.infer.bench.Spectrograms;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.infer.itf.ItfEstimator;
import org.unmixer.infer.itf.ItfReport;
import org.unmixer.infer.metrics.Bootstrap;
import org.unmixer.infer.model.CandidateRefiner;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.infer.order.OrderSearchEstimator;
import org.unmixer.model.diff.DiffDevices;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Suggest;
import org.unmixer.train.tracking.RemainingTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer bench --suite id-full|id-full-audible|id-dry|known-source|FOLDER --methods … --budget RENDERS --out DIR}:
 * every method on the same examples, in one process. Writes {@code results.jsonl} (one line per
 * finished example × method, flushed, so Ctrl-C keeps them), then {@code results.json},
 * {@code report.html} and {@code audio/*.wav}, and prints a one-screen table.
 *
 * <p>Named suites are generated in-process from their config (first {@code --limit} examples; the
 * generator is per-index deterministic, so these are the test set's first examples) into
 * {@code DIR/testset}; targets are the renders of the labelled patches. A FOLDER suite is every
 * .wav/.aif/.aiff in it (sorted) with optional labels ({@code labels.json}: file name → patch JSON,
 * or {@code labels.jsonl}: lines {@code {"file": …, "patch": …}}); unreadable files and bad labels
 * are reported by name and skipped.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run estimators side by side on a test suite; write results.json, report.html and a table.")
final class BenchCommand implements Callable<Integer> {
    static final List<String> METHODS = List.of("random", "mean", "nn", "cmaes", "oracle");
    /** Methods beyond the default set: the trained model with its hyperbolic and its Euclidean chain decoder. */
    static final List<String> MODEL_METHODS = List.of("model", "model-euclid");
    static final int CANDIDATES = 5;
    /** '+draws': parameter sets drawn for the model's most probable chain, and their σ scale. */
    static final String DRAWS_SUFFIX = "+draws";
    /**
     * '+itfN': the model's shipped pipeline (+draws), then N ITF steps on its top candidates;
     * '+itfN+polish': the same within half the wall-time budget, then CMA-ES around the result.
     */
    static final java.util.regex.Pattern ITF_SUFFIX = java.util.regex.Pattern.compile("\\+itf(\\d{1,4})(\\+polish)?$");
    /** The part of the wall-time budget a '+polish' method leaves to CMA-ES after ITF. */
    static final double POLISH_SHARE = 0.5;
    /** The steps the ITF table reports. */
    static final int[] ITF_CHECKPOINTS = {0, 25, 50, 100, 200};
    static final int SHOWCASES = 3;
    /** Added to a suite's seed for the nn library and the random prior, so they never draw the test patches. */
    static final long LIBRARY_SEED_OFFSET = 1_000_003;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "SUITE",
            description = "id-full, id-full-audible, id-dry, known-source, or a folder of WAV/AIFF files (optional labels.json/labels.jsonl).")
    String suite;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N examples (default: all).")
    Integer limit;

    @Option(names = "--methods", split = ",", paramLabel = "M",
            description = "Comma-separated: random, mean, nn, cmaes, oracle, model, model-euclid (default: the five baselines);"
                    + " a method name with '+level' (nn+level, model+level) also matches each candidate's loudness to the target"
                    + " through Wavetable's Volume (2 renders per candidate), with '+rerank' it then also re-ranks the"
                    + " candidates by log-mel distance.")
    List<String> methods = METHODS;

    @Option(names = "--budget", paramLabel = "RENDERS", description = "Render budget per example (default: 200).")
    int budget = 200;

    @Option(names = "--budget-seconds", paramLabel = "S",
            description = "Wall-time budget per example, for the methods that search (cmaes); default: none.")
    Double budgetSeconds;

    @Option(names = "--itf-candidates", paramLabel = "K", description = "Top candidates each '+itfN' method refines (default: 3).")
    int itfCandidates = 3;

    @Option(names = "--proxies", paramLabel = "DIR", description = "Effect proxies for '+itfN' (default: models/proxies).")
    Path proxies;

    @Option(names = "--prefer-proxies", description = "'+itfN': a device with both an exact differentiable version and a"
            + " proxy (EQ Eight, Saturator) gets the proxy's gradients.")
    boolean preferProxies;

    @Option(names = "--itf-secants", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "'+itfN': also move Reverb, Phaser-Flanger and Multiband Dynamics settings by secant (SPSA) gradients "
                    + "from the reference device (default: on; --no-itf-secants for their mix or level alone).")
    boolean itfSecants = true;

    @Option(names = "--itf-rate", paramLabel = "R", description = "'+itfN': Adam's step size in logit-θ space (default: ${DEFAULT-VALUE}).")
    double itfRate = org.unmixer.session.EstimationOptions.ITF_LEARNING_RATE;

    @Option(names = "--itf-patience", paramLabel = "N", description = "'+itfN': after N steps without a new best, restart Adam "
            + "from the best θ with half the step size (default: ${DEFAULT-VALUE}, never).")
    int itfPatience;

    @Option(names = "--itf-moves", paramLabel = "N", description = "'+itfN': every N steps try the best patch's discrete "
            + "neighbours (wavetables, transpositions, switches, a device removed or two swapped) by the reference renderer and "
            + "go on from the closest when it is closer (default: ${DEFAULT-VALUE}; 0 never).")
    int itfMoves = org.unmixer.session.EstimationOptions.ITF_MOVES_EVERY;

    @Option(names = "--library", paramLabel = "N", description = "nn library size (default: 20000).")
    int library = NearestNeighbourLibrary.DEFAULT_SIZE;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of random, cmaes and the bootstrap (default: 0).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: processors, at most 2).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--model", paramLabel = "DIR", description = "Model of the 'model' method (default: models/unmixer-default).")
    Path model;

    @Option(names = "--model-euclid", paramLabel = "DIR",
            description = "Model of the 'model-euclid' method (default: models/unmixer-euclid).")
    Path modelEuclid;

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> chosen = checkMethods();
        if (limit != null && limit < 1) {
            throw new BadInputException("--limit " + limit + " must be at least 1");
        }
        if (library < 1) {
            throw new BadInputException("--library " + library + " must be at least 1");
        }
        int workers = threads != null ? threads : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        if (workers < 1) {
            throw new BadInputException("--threads " + workers + " must be at least 1");
        }
        if (budgetSeconds != null && !(budgetSeconds > 0 && budgetSeconds <= 86_400)) {
            throw new BadInputException("--budget-seconds " + budgetSeconds + " must be in (0, 86400]");
        }
        if (itfCandidates < 1 || itfCandidates > 20) {
            throw new BadInputException("--itf-candidates " + itfCandidates + " must be between 1 and 20");
        }
        Budget renderBudget = budgetSeconds == null ? Budget.renders(budget)
                : new Budget(budget, Math.round(budgetSeconds * 1e9));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out + " exists and is not a folder");
        }
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(out);
        BenchSuites.Suite s = new BenchSuites(suite, limit, seed, out).load(err, workers);
        if (s.examples().isEmpty()) {
            throw new BadInputException("suite " + suite + ": no usable examples" + (s.skipped().isEmpty() ? "" : " (" + s.skipped().size() + " skipped)"));
        }
        if (chosen.contains("oracle") && s.examples().stream().anyMatch(e -> e.truth().isEmpty())) {
            throw new BadInputException("oracle needs a label for every example; suite " + suite
                    + " has unlabelled files (drop oracle from --methods or add labels)");
        }
        List<String> notes = new ArrayList<>(s.notes());
        List<Estimator> estimators = estimators(chosen, s, workers, err, notes);
        BenchRunner runner = new BenchRunner(estimators, renderBudget, m -> m.equals("cmaes"), workers);

        Path jsonl = out.resolve("results.jsonl");
        long start = System.nanoTime();
        List<BenchRecord> records;
        try (BufferedWriter w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            records = runner.run(s.examples(), (record, done, total) -> {
                try {
                    w.write(BenchJson.line(record));
                    w.write('\n');
                    w.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                err.printf(Locale.ROOT, "bench %s: %d/%d (%d%%), ETA %s%n", s.name(), done, total, 100L * done / total,
                        RemainingTime.coarse(RemainingTime.atAveragePace(elapsed, done, total)));
                err.flush();
            });
        }
        List<MethodSummary> summaries = MethodSummary.of(records, new Bootstrap(
                new Bootstrap.Config(Bootstrap.Config.DEFAULT.resamples(), Bootstrap.Config.DEFAULT.confidence(), seed)));

        ObjectNode info = BenchJson.mapper().createObjectNode();
        info.put("suite", s.name()).put("seed", seed).put("budget_renders", budget).put("examples", s.examples().size());
        ArrayNode m = info.putArray("methods");
        chosen.forEach(m::add);
        if (chosen.stream().anyMatch(x -> baseName(x).equals("nn"))) {
            info.put("library", library);
            info.put("nanos_library_build", libraryNanos);
        }
        ArrayNode n = info.putArray("notes");
        notes.forEach(n::add);
        ObjectNode results = BenchJson.results(info, s.skipped(), records, summaries);
        AtomicFiles.writeString(out.resolve("results.json"),
                BenchJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");

        List<HtmlReport.Showcase> showcases = showcases(s.examples(), records);
        List<String> reportNotes = new ArrayList<>();
        reportNotes.add("suite " + s.name() + ", " + s.examples().size() + " examples, " + s.skipped().size()
                + " skipped; budget " + budget + " renders per example; seed " + seed);
        reportNotes.addAll(notes);
        AtomicFiles.writeString(out.resolve("report.html"),
                HtmlReport.build("unmixer bench: " + s.name(), reportNotes, s.skipped(), summaries, records, showcases));

        PrintWriter o = spec.commandLine().getOut();
        if (!itfEstimators.isEmpty()) {
            ObjectNode itfReport = ItfReport.json(itfEstimators);
            AtomicFiles.writeString(out.resolve("itf.json"), BenchJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(itfReport) + "\n");
            o.print(ItfReport.text(itfEstimators));
        }
        if (itfManager != null) {
            itfManager.close();
        }
        o.printf(Locale.ROOT, "bench %s: %d examples, %d skipped, budget %d renders; %s%n", s.name(), s.examples().size(),
                s.skipped().size(), budget, out.resolve("report.html"));
        o.print(BenchTable.text(summaries));
        o.flush();
        return ErrorReporter.OK;
    }

    private List<String> checkMethods() {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String raw : methods) {
            String name = raw.trim();
            List<String> known = new ArrayList<>(METHODS);
            known.addAll(MODEL_METHODS);
            MODEL_METHODS.forEach(m -> known.add(m + DRAWS_SUFFIX));
            for (String m : List.copyOf(known)) {
                if (!m.equals("oracle") && !m.endsWith(DRAWS_SUFFIX)) {
                    for (LevelMatchedEstimator.Mode mode : LevelMatchedEstimator.Mode.values()) {
                        known.add(m + mode.suffix());
                    }
                }
            }
            MODEL_METHODS.forEach(m -> {
                known.add(m + OrderSearchEstimator.SUFFIX);
                known.add(m + DRAWS_SUFFIX + OrderSearchEstimator.SUFFIX);
            });
            String withoutOrder = name.endsWith(OrderSearchEstimator.SUFFIX)
                    ? name.substring(0, name.length() - OrderSearchEstimator.SUFFIX.length()) : name;
            java.util.regex.Matcher itf = ITF_SUFFIX.matcher(withoutOrder);
            if (itf.find() && MODEL_METHODS.contains(withoutOrder.substring(0, itf.start()))) {
                int steps = Integer.parseInt(itf.group(1));
                if (steps < 1 || steps > 1000) {
                    throw new BadInputException("--methods: \"" + name + "\": ITF steps must be between 1 and 1000");
                }
                known.add(name);
            }
            if (!known.contains(name)) {
                throw new BadInputException("--methods: \"" + name + "\" is unknown" + Suggest.didYouMean(name, known)
                        + "; choose from " + String.join(", ", known));
            }
            if (!seen.add(name)) {
                throw new BadInputException("--methods: \"" + name + "\" is listed twice");
            }
        }
        if (seen.isEmpty()) {
            throw new BadInputException("--methods: no method given");
        }
        return List.copyOf(seen);
    }

    private long libraryNanos;
    private ai.djl.ndarray.NDManager itfManager;
    private DiffDevices itfDevices;
    private final List<ItfEstimator> itfEstimators = new ArrayList<>();

    private List<Estimator> estimators(List<String> chosen, BenchSuites.Suite s, int workers, PrintWriter err, List<String> notes) {
        Optional<NearestNeighbourBaseline> nn = Optional.empty();
        if (chosen.stream().anyMatch(m -> baseName(m).equals("nn"))) {
            err.printf(Locale.ROOT, "bench: building the nn library (%d patches)…%n", library);
            err.flush();
            long t0 = System.nanoTime();
            NearestNeighbourLibrary lib = NearestNeighbourLibrary.build(s.libraryPrior(), library,
                    s.examples().get(0).source(), workers);
            libraryNanos = System.nanoTime() - t0;
            nn = Optional.of(new NearestNeighbourBaseline(lib, CANDIDATES));
            notes.add("nn: library of " + library + " rendered patches (" + lib.renders()
                    + " renders, a one-off cost not counted per example), k = " + CANDIDATES);
        }
        Map<AudioBuffer, Patch> labels = new IdentityHashMap<>();
        s.examples().forEach(e -> e.truth().ifPresent(t -> labels.put(e.target(), t)));
        Map<String, Estimator> bases = new LinkedHashMap<>();
        List<Estimator> out = new ArrayList<>();
        for (String chosenName : chosen) {
            // '+order' wraps whatever the rest of the name builds.
            boolean order = chosenName.endsWith(OrderSearchEstimator.SUFFIX);
            String name = order ? chosenName.substring(0, chosenName.length() - OrderSearchEstimator.SUFFIX.length()) : chosenName;
            if (order) {
                notes.add(chosenName + ": " + name + ", then the order of its best candidate's chain chosen by listening: every"
                        + " distinct order (adjacent EQ Eight and Reverb commute) rendered once, brought to the target's loudness,"
                        + " the closest by log-mel L1 kept (ties keep the model's) and level-matched again");
            }
            List<Estimator> target = order ? new ArrayList<>() : out;
            String base = baseName(name);
            if (!bases.containsKey(base)) {
                bases.put(base, baseEstimator(base, s.randomPrior(), nn, labels, notes));
            }
            if (name.equals(base)) {
                target.add(bases.get(base));
                addWrapped(order, target, out);
                continue;
            }
            java.util.regex.Matcher itf = ITF_SUFFIX.matcher(name);
            if (itf.find()) {
                int steps = Integer.parseInt(itf.group(1));
                ModelEstimator shipped = ((ModelEstimator) bases.get(base)).refined(base + DRAWS_SUFFIX, CandidateRefiner.Settings.DEFAULT);
                Map<AudioBuffer, String> ids = new IdentityHashMap<>();
                s.examples().forEach(e -> ids.put(e.target(), e.id()));
                if (itfManager == null) {
                    itfManager = ai.djl.ndarray.NDManager.newBaseManager();
                    itfDevices = DiffDevices.withProxies(proxies != null ? proxies : ModelLocations.shipped("proxies"), itfManager);
                    itfDevices = itfSecants ? itfDevices.withSecants() : itfDevices;
                    itfDevices = preferProxies ? itfDevices.preferringProxies() : itfDevices;
                }
                int[] checkpoints = java.util.Arrays.stream(ITF_CHECKPOINTS).filter(c -> c <= steps).toArray();
                boolean polish = itf.group(2) != null;
                if (polish && budgetSeconds == null) {
                    throw new BadInputException("--methods " + name + ": the polish shares a wall-time budget; give --budget-seconds");
                }
                ItfEstimator estimator = new ItfEstimator(name, shipped,
                        new EffectItf.Settings(steps, itfRate, 0).withPatience(itfPatience).withMovesEvery(itfMoves), itfDevices,
                        itfCandidates, checkpoints,
                        in -> ids.getOrDefault(in.target(), "?"), polish ? POLISH_SHARE : 0);
                itfEstimators.add(estimator);
                target.add(estimator);
                notes.add(name + ": " + base + DRAWS_SUFFIX + ", then " + steps + " ITF steps (Adam, lr " + itfRate
                        + " on logit θ, straight-through rendering" + (itfSecants ? ", secant gradients for Reverb, Phaser-Flanger and"
                        + " Multiband Dynamics" : "") + (itfPatience > 0 ? ", rollback after " + itfPatience + " steps" : "")
                        + (itfMoves > 0 ? ", discrete moves every " + itfMoves + " steps (their renders counted)" : "") + ") on each of its top " + itfCandidates + " candidates, the"
                        + " step closest to the target by reference MR-STFT kept; every step is a render and counts"
                        + (polish ? "; ITF stops at " + Math.round(100 * (1 - POLISH_SHARE)) + " % of the wall-time budget and CMA-ES"
                                + " (σ " + org.unmixer.infer.itf.CmaesPolish.SIGMA + " in θ, the chain kept) spends the rest around its result"
                                : ""));
                addWrapped(order, target, out);
                continue;
            }
            if (name.endsWith(DRAWS_SUFFIX)) {
                CandidateRefiner.Settings d = CandidateRefiner.Settings.DEFAULT;
                target.add(((ModelEstimator) bases.get(base)).refined(name, d));
                notes.add(name + ": " + base + " with " + d.draws() + " parameter sets drawn for its most probable chain (σ × "
                        + d.temperature() + "); the point estimate and every draw level-matched, the closest render"
                        + " (log-mel L1) kept; the other chains level-matched; chain order unchanged");
                addWrapped(order, target, out);
                continue;
            }
            LevelMatchedEstimator.Mode mode = name.endsWith(LevelMatchedEstimator.RERANK_SUFFIX)
                    ? LevelMatchedEstimator.Mode.RERANK : LevelMatchedEstimator.Mode.LEVEL;
            target.add(new LevelMatchedEstimator(bases.get(base), LevelMatch.standard(), mode));
            notes.add(name + ": " + base + "'s candidates, each with Wavetable's Volume set so its render matches the"
                    + " target's integrated loudness (up to 2 renders per candidate, counted)"
                    + (mode == LevelMatchedEstimator.Mode.RERANK
                            ? ", then re-ranked by the log-mel L1 distance of that render to the target" : ""));
            addWrapped(order, target, out);
        }
        return out;
    }

    /** Moves what one method name built into {@code out}, wrapped in the order search when the name asked for it. */
    private static void addWrapped(boolean order, List<Estimator> built, List<Estimator> out) {
        if (order) {
            built.forEach(e -> out.add(new OrderSearchEstimator(e)));
        }
    }

    private static String baseName(String method) {
        java.util.regex.Matcher itf = ITF_SUFFIX.matcher(method);
        if (itf.find()) {
            return method.substring(0, itf.start());
        }
        if (method.endsWith(DRAWS_SUFFIX)) {
            return method.substring(0, method.length() - DRAWS_SUFFIX.length());
        }
        for (LevelMatchedEstimator.Mode mode : LevelMatchedEstimator.Mode.values()) {
            if (method.endsWith(mode.suffix())) {
                return method.substring(0, method.length() - mode.suffix().length());
            }
        }
        return method;
    }

    private Estimator baseEstimator(String name, PatchPrior randomPrior, Optional<NearestNeighbourBaseline> nn,
            Map<AudioBuffer, Patch> labels, List<String> notes) {
        switch (name) {
            case "random" -> {
                return new RandomBaseline(randomPrior, CANDIDATES, seed);
            }
            case "mean" -> {
                return new MeanBaseline();
            }
            case "nn" -> {
                return nn.orElseThrow();
            }
            case "cmaes" -> {
                CmaEsBaseline.Config config = CmaEsBaseline.Config.defaults(seed);
                if (nn.isPresent()) {
                    config = config.withStart(nn.get());
                    notes.add("cmaes: starts from nn's best patch (no renders)");
                } else {
                    notes.add("cmaes: starts from the default patch");
                }
                notes.add("cmaes: ADVANTAGE — on labelled examples it is given the true chain skeleton (device names"
                        + " and order) and searches only its continuous parameters; unlabelled examples use the"
                        + " default skeletons (dry, then each effect alone)");
                return new CmaEsBaseline(config);
            }
            case "oracle" -> {
                return new OracleBaseline(in -> labels.get(in.target()));
            }
            case "model" -> {
                return loadModel(name, model, "unmixer-default", notes);
            }
            case "model-euclid" -> {
                return loadModel(name, modelEuclid, "unmixer-euclid", notes);
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private Estimator loadModel(String method, Path dir, String shipped, List<String> notes) {
        Path d = dir != null ? dir : ModelLocations.shipped(shipped);
        ModelEstimator m = ModelEstimator.load(method, d, CANDIDATES);
        notes.add(method + ": " + d + " (" + (m.net().config().hyperbolic() ? "hyperbolic" : "Euclidean")
                + " chain decoder), top-" + CANDIDATES + " chains ranked by P(set)·P(order | set), parameters at the most weighted component's mean, no renders");
        return m;
    }

    /** The first examples: target and each method's best patch, as WAVs in DIR/audio and log-mel PNGs. */
    private List<HtmlReport.Showcase> showcases(List<BenchExample> examples, List<BenchRecord> records) throws IOException {
        Path audioDir = out.resolve("audio");
        Files.createDirectories(audioDir);
        List<HtmlReport.Showcase> out = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWCASES, examples.size()); i++) {
            BenchExample e = examples.get(i);
            List<HtmlReport.Clip> clips = new ArrayList<>();
            String stem = String.format(Locale.ROOT, "example-%d", i);
            clips.add(clip("target", e.target(), audioDir, stem + "-target.wav"));
            for (BenchRecord r : records) {
                if (r.example().equals(e.id())) {
                    clips.add(clip(r.method(), ExampleScorer.render(r.best(), e.target()), audioDir,
                            stem + "-" + r.method() + ".wav"));
                }
            }
            out.add(new HtmlReport.Showcase(e.id(), clips));
        }
        return out;
    }

    private static HtmlReport.Clip clip(String label, AudioBuffer audio, Path dir, String file) {
        WavWriter.write(dir.resolve(file), audio, SampleFormat.PCM_16);
        return new HtmlReport.Clip(label, Spectrograms.pngDataUri(audio), "audio/" + file);
    }
}
