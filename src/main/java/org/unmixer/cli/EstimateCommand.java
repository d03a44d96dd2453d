package org.unmixer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.itf.CandidateItf;
import org.unmixer.infer.itf.CmaesPolish;
import org.unmixer.infer.model.CandidateRefiner;
import org.unmixer.infer.model.Estimate;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;
import org.unmixer.session.Estimation;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.EstimationResult;
import org.unmixer.session.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer estimate FILE [--json] [--top-k K] [--render OUT.wav]}: what made this sound —
 * the predicted chain and parameters in display units; with {@code --json} the estimate JSON
 * ({@code unmixer-estimate/1}) on stdout; {@code --out} writes it to a file.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate the synth settings and the ordered effect chain that made a WAV/AIFF sound.")
final class EstimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A WAV or AIFF file.")
    Path file;

    @Option(names = "--json", description = "Print the estimate JSON instead of the summary.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the estimate JSON to this file.")
    Path out;

    @Option(names = "--top-k", paramLabel = "K", description = "Alternative chains to return (default: 5).")
    int topK = 5;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder (default: models/unmixer-default).")
    Path model;

    @Option(names = "--render", paramLabel = "OUT.wav", description = "Render the best candidate to this WAV.")
    Path render;

    @Option(names = "--draws", paramLabel = "N",
            description = "Parameter sets drawn for the best chain and compared by their renders (default: 8; 0: level match only).")
    int draws = CandidateRefiner.Settings.DEFAULT.draws();

    @Option(names = "--itf-steps", paramLabel = "N",
            description = "Refine the top candidates' effect parameters with N gradient steps each (inference-time"
                    + " finetuning), every step judged by the reference renderer and kept in the JSON's itf section; the"
                    + " candidate with the closest step wins (default: 0, off).")
    int itfSteps;

    @Option(names = "--itf-candidates", paramLabel = "K",
            description = "How many of the top candidates ITF refines (default: 3).")
    int itfCandidates = 3;

    @Option(names = "--itf-anchor", paramLabel = "LAMBDA",
            description = "ITF's pull toward the starting parameters, λ_B·‖θ − θ₀‖² (default: 0).")
    double itfAnchor;

    @Option(names = "--itf-polish", paramLabel = "RENDERS",
            description = "After ITF, a CMA-ES search with this many reference renders around the result, over the synth's"
                    + " and the chain's parameters; kept only if closer (default: 0, off).")
    int itfPolish;

    @Option(names = "--itf-seconds", paramLabel = "S",
            description = "Refine for S seconds of wall time: ITF on the top candidates for the first half (up to --itf-steps,"
                    + " 100 when not given), then CMA-ES around the closest step for the rest (capped by --itf-polish renders"
                    + " when given) — the combination that beat CMA-ES at the same wall time in docs/BENCHMARKS.md. Results"
                    + " then depend on the machine's speed (default: 0, off).")
    double itfSeconds;

    @Option(names = "--source", paramLabel = "KIND",
            description = "What fed the chain: synth (default), or known-source mode — noise, chirp or impulse, the test"
                    + " signals of ./unmixer render — where only the chain is estimated.")
    String source = "synth";

    @Option(names = "--source-seconds", paramLabel = "S",
            description = "Known-source mode: length of the test signal (default: 2.0); the rest of the file is its tail.")
    double sourceSeconds = 2.0;

    @Option(names = "--source-seed", paramLabel = "N", description = "Known-source mode: the noise signal's seed (default: 0).")
    long sourceSeed;

    @Option(names = "--proxies", paramLabel = "DIR",
            description = "Folder of trained effect proxies for ITF (default: models/proxies); devices with neither an"
                    + " analytic version nor a proxy keep their parameters.")
    Path proxies;

    @Override
    public Integer call() throws java.io.IOException {
        if (topK < 1 || topK > 20) {
            throw new BadInputException("--top-k " + topK + " must be between 1 and 20");
        }
        if (draws < 0 || draws > 200) {
            throw new BadInputException("--draws " + draws + " must be between 0 and 200");
        }
        if (itfSteps < 0 || itfSteps > 1000) {
            throw new BadInputException("--itf-steps " + itfSteps + " must be between 0 and 1000");
        }
        if (itfCandidates < 1 || itfCandidates > 20) {
            throw new BadInputException("--itf-candidates " + itfCandidates + " must be between 1 and 20");
        }
        if (!(itfAnchor >= 0 && itfAnchor <= 1e6)) {
            throw new BadInputException("--itf-anchor " + itfAnchor + " must be between 0 and 1e6");
        }
        if (itfPolish < 0 || itfPolish > 100_000) {
            throw new BadInputException("--itf-polish " + itfPolish + " must be between 0 and 100000");
        }
        if (!(itfSeconds >= 0 && itfSeconds <= 3600)) {
            throw new BadInputException("--itf-seconds " + itfSeconds + " must be between 0 and 3600");
        }
        if (!List.of("synth", "noise", "chirp", "impulse").contains(source)) {
            throw new BadInputException("--source \"" + source + "\" is not one of synth, noise, chirp, impulse");
        }
        SourceKind kind = SourceKind.parse(source);
        if (kind != SourceKind.SYNTH && !(sourceSeconds > 0 && sourceSeconds <= SourceSpec.MAX_SECONDS)) {
            throw new BadInputException("--source-seconds " + sourceSeconds + " must be in (0, " + (int) SourceSpec.MAX_SECONDS + "]");
        }
        AudioBuffer audio = AudioFiles.read(file).audio();
        Optional<SourceSpec> known = EstimationOptions.knownSource(kind, sourceSeconds, sourceSeed, audio.seconds());
        EstimationOptions options = new EstimationOptions(topK, draws, itfSteps, itfCandidates, itfAnchor, itfPolish, itfSeconds,
                known, proxies != null ? proxies : ModelLocations.shipped("proxies"));
        Path dir = model != null ? model : ModelLocations.shipped(ModelLocations.DEFAULT);
        try (ModelEstimator m = ModelEstimator.load("model", dir, topK)) {
            EstimationResult result = Estimation.run(m, audio, file.getFileName().toString(), options, Progress.NONE);
            Estimate e = result.estimate();
            Optional<CandidateItf.Result> itf = result.itf();
            String itfNote = result.itfNote().orElse(null);
            Optional<CmaesPolish.Result> polish = result.polish();
            Patch best = result.best();
            String text = result.json();
            if (out != null) {
                org.unmixer.audio.io.AtomicFiles.writeFile(out, o -> o.write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                o.println(text);
            } else {
                summary(o, e);
                if (itfNote != null) {
                    o.println("ITF: " + itfNote);
                }
                polish.ifPresent(pr -> o.printf(Locale.ROOT, "polish (CMA-ES, %d renders): reference MR-STFT %.3f → %.3f%n",
                        pr.renders(), pr.before(), pr.after()));
                itf.ifPresent(r -> r.runs().forEach(run -> o.printf(Locale.ROOT,
                        "ITF, chain %d: reference MR-STFT %.3f at step 0, %.3f at step %d (the best of %d)%s%n", run.candidate() + 1,
                        run.trajectory().steps().get(0).referenceDistance(), run.bestDistance(), run.trajectory().best(), itfSteps,
                        run == r.chosenRun() ? " ← chosen" : "")));
            }
            if (render != null) {
                WavWriter.write(render, Renderer.render(best, 44_100), SampleFormat.FLOAT_32);
                if (!json) {
                    o.println("rendered the best candidate to " + render);
                }
            }
        }
        return ErrorReporter.OK;
    }

    private static void summary(PrintWriter o, Estimate e) {
        e.prepared().steps().forEach(s -> o.println("input: " + s));
        Patch best = e.best();
        o.printf(Locale.ROOT, "note %s, gate %.2f s%n", org.unmixer.audio.Pitch.noteName(best.source().note()), best.source().seconds());
        for (int i = 0; i < e.candidates().size(); i++) {
            Patch p = e.candidates().get(i);
            o.printf(Locale.ROOT, "%s chain %d (p = %.3f): %s%n", i == 0 ? "*" : " ", i + 1, e.chainProbabilities().get(i),
                    p.chain().isEmpty() ? "(dry synth)" : String.join(" → ", p.chainNames()));
        }
        best.synth().ifPresent(s -> {
            o.printf(Locale.ROOT, "Wavetable (%s / %s)%n", s.oscillator1().name(), s.oscillator2().name());
            print(o, s.settings());
        });
        for (DeviceSettings d : best.chain()) {
            o.println(d.device().name());
            print(o, d);
        }
        o.printf(Locale.ROOT, "level matched (Volume %+.1f dB); %s%n", e.refinement().volumeChangesDb().get(0),
                e.refinement().draws() == 0 ? "no parameter draws"
                        : e.refinement().chosenDraw() == 0 ? "the point estimate beat " + e.refinement().draws() + " draws"
                        : "draw " + e.refinement().chosenDraw() + " of " + e.refinement().draws() + " sounded closest");
        o.printf(Locale.ROOT, "time: prepare %.1f ms, model %.1f ms, refine %.1f ms (%d renders)%n", e.prepareNanos() / 1e6,
                e.modelNanos() / 1e6, e.refineNanos() / 1e6, e.refinement().renders());
    }

    private static void print(PrintWriter o, DeviceSettings d) {
        for (ParamSpec p : d.device().params()) {
            if (p.estimated()) {
                o.printf(Locale.ROOT, "  %-28s %s%n", p.name(), p.displayText(d.get(p.name())));
            }
        }
    }
}
