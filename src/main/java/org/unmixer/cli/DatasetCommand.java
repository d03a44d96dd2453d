package org.unmixer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.DatasetGenerator;
import org.unmixer.live.LiveLink;
import org.unmixer.live.LiveRenderer;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.Suggest;
import org.unmixer.train.tracking.RemainingTime;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer dataset (--config FILE | --test-set NAME) --out DIR}: generates a dataset (see
 * {@link DatasetGenerator} for the files). A progress line goes to stderr. Ctrl-C is safe: the
 * shards finished so far and a manifest describing them ({@code "complete": false}) stay valid.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Generate a dataset (patches, log-mel features, θ labels; NumPy .npy shards and manifest.json) from a config and a seed.")
final class DatasetCommand implements Callable<Integer> {
    static final List<String> TEST_SETS = List.of("id-full", "id-full-audible", "id-dry", "known-source");

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--config", paramLabel = "FILE", description = "Dataset config (unmixer-dataset/1 JSON).")
        Path config;

        @Option(names = "--test-set", paramLabel = "NAME",
                description = "A fixed test set from assets/datasets: id-full, id-full-audible, id-dry, known-source.")
        String testSet;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new, empty, or an earlier dataset).")
    Path out;

    @Option(names = "--count", paramLabel = "N", description = "Override the config's example count.")
    Integer count;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: available processors, at most 2). The output does not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print a machine-readable summary.")
    boolean json;

    @Option(names = "--renderer", paramLabel = "NAME", defaultValue = "reference",
            description = "Who renders the wet audio: reference (the Java renderer) or live (a running Live set, through"
                    + " AbletonOSC and the Un-Mixer device; one example at a time). Default: ${DEFAULT-VALUE}.")
    String renderer;

    @CommandLine.Mixin
    LiveOptions live = new LiveOptions();

    @Override
    public Integer call() throws IOException {
        Catalog catalog = Catalog.standard();
        DatasetConfig config = DatasetConfig.load(configFile(), catalog);
        if (count != null) {
            config = config.withCount(count);
        }
        int workers = threads != null ? threads : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        PrintWriter log = spec.commandLine().getErr();
        DatasetGenerator generator;
        LiveLink link = null;
        switch (renderer) {
            case "reference" -> generator = new DatasetGenerator(config, catalog, workers);
            case "live" -> {
                link = LiveLink.connect(live.settings(), line -> log.println("dataset: " + line));
                log.println("dataset: rendering in " + link.describe());
                Path work = Files.createTempDirectory("unmixer-live-render");
                generator = new DatasetGenerator(config, catalog, 1, new LiveRenderer(link, work, line -> { }));
            }
            default -> throw new BadInputException("--renderer \"" + renderer + "\" is unknown"
                    + Suggest.didYouMean(renderer, List.of("reference", "live")));
        }
        try {
            return generate(config, generator);
        } finally {
            if (link != null) {
                link.close();
            }
        }
    }

    private int generate(DatasetConfig config, DatasetGenerator generator) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        int step = Math.max(1, config.count() / 100);
        String name = config.name();
        DatasetGenerator.Summary summary = generator.generate(out, (done, total) -> {
            if (done % step == 0 || done == total) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                double eta = RemainingTime.atAveragePace(elapsed, done, total);
                err.printf(Locale.ROOT, "dataset %s: %d/%d (%d%%), ETA %s%n", name, done, total, 100L * done / total,
                        RemainingTime.coarse(eta));
                err.flush();
            }
        });
        PrintWriter o = spec.commandLine().getOut();
        // As in the manifest: the per-effect check's counter only when that check is on.
        boolean eachEffectChecked = config.minEachEffectDistance() > 0;
        String rejected = summary.rejected().entrySet().stream()
                .filter(e -> e.getKey() != org.unmixer.data.RenderCheck.Reason.INAUDIBLE_EFFECT || eachEffectChecked)
                .map(e -> (json ? "\"" + e.getKey().key() + "\": " : e.getKey().key() + " ") + e.getValue())
                .collect(Collectors.joining(", "));
        if (json) {
            o.printf(Locale.ROOT, "{\"name\": \"%s\", \"out\": \"%s\", \"accepted\": %d, \"rejected\": {%s}, \"shards\": %d, \"manifest\": \"%s\"}%n",
                    name, escape(out.toString()), summary.accepted(), rejected, summary.shards(), escape(summary.manifest().toString()));
        } else {
            o.printf(Locale.ROOT, "wrote %s: %d examples in %d shard(s); rejected draws: %s; manifest %s%n", out,
                    summary.accepted(), summary.shards(), rejected, summary.manifest());
        }
        return ErrorReporter.OK;
    }

    private Path configFile() {
        if (source.config != null) {
            return source.config;
        }
        if (!TEST_SETS.contains(source.testSet)) {
            throw new BadInputException("--test-set \"" + source.testSet + "\" is unknown" + Suggest.didYouMean(source.testSet, TEST_SETS));
        }
        Path file = assetsDir().resolve(source.testSet + ".json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": test-set config missing (run from the repository root or via ./unmixer)");
        }
        return file;
    }

    /** {@code assets/datasets} under {@code -Dunmixer.home} (set by ./unmixer), else under the working directory. */
    static Path assetsDir() {
        return Path.of(System.getProperty("unmixer.home", ".")).resolve("assets").resolve("datasets");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
