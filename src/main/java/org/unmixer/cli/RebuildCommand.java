package org.unmixer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.live.LiveLink;
import org.unmixer.live.Rebuild;
import org.unmixer.live.RebuildReport;
import org.unmixer.live.RenderBack;
import org.unmixer.preset.AdgWriter;
import org.unmixer.preset.RackKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer rebuild FILE}: makes a track in the running Live set sound like a patch or an
 * estimate's best patch. Exit 0 when everything went through (or Live was handed a rack preset to
 * drop), 2 when something could not be done (the report says what and why).
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuild a patch (unmixer-patch/1) or an estimate's best patch (unmixer-estimate/1) in the running"
                + " Live set, through AbletonOSC and the Un-Mixer device (try it with ./unmixer fake-live).")
final class RebuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Estimate or patch JSON.")
    Path file;

    @Option(names = "--verify", description = "Record the rebuilt track through the Un-Mixer device and report its"
            + " MR-STFT distance to the original (the estimate's input file, or --original) and to the reference render.")
    boolean verify;

    @Option(names = "--original", paramLabel = "WAV", description = "The original sound for --verify (default: the"
            + " estimate's input file; for a patch, its reference render).")
    Path original;

    @Option(names = "--recording", paramLabel = "WAV", description = "Where --verify's recording goes (default: FILE's"
            + " name with -live.wav, in the working folder).")
    Path recording;

    @Option(names = "--preset-out", paramLabel = "ADG", description = "Where the rack preset goes when Live cannot insert"
            + " devices (default: FILE's name with .adg, in the working folder).")
    Path presetOut;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @CommandLine.Mixin
    LiveOptions live = new LiveOptions();

    @Override
    public Integer call() {
        PatchInput input = PatchInput.read(file);
        Patch patch = input.patch();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LiveLink link = LiveLink.connect(live.settings(), line -> err.println("rebuild: " + line))) {
            if (!json) {
                out.println("connected: " + link.describe());
            }
            Rebuild rebuild = new Rebuild(link, p -> exportPreset(p), line -> {
                if (!json) {
                    out.println("  " + line);
                    out.flush();
                }
            });
            RebuildReport report = rebuild.run(patch);
            RenderBack check = null;
            if (verify && report.complete()) {
                AudioBuffer target = original != null ? AudioFiles.read(original).audio()
                        : input.originalFile().map(f -> AudioFiles.read(f).audio())
                                .orElseGet(() -> Renderer.render(patch, 44_100));
                check = RenderBack.measure(link, report.track(), patch, target, recordingPath());
            }
            print(out, report, check);
            if (!report.problems().isEmpty()) {
                err.println("unmixer rebuild: " + report.problems().size() + " problem(s); the first: " + report.problems().get(0));
                return ErrorReporter.BAD_INPUT;
            }
            return ErrorReporter.OK;
        }
    }

    private Path exportPreset(Patch patch) {
        Path target = presetOut != null ? presetOut : Path.of(baseName() + ".adg");
        AdgWriter.write(patch, patch.synth().isPresent() ? RackKind.INSTRUMENT : RackKind.AUDIO_EFFECT, target);
        return target.toAbsolutePath();
    }

    private Path recordingPath() {
        return (recording != null ? recording : Path.of(baseName() + "-live.wav")).toAbsolutePath();
    }

    private String baseName() {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    private void print(PrintWriter out, RebuildReport report, RenderBack check) {
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("link", report.link());
            root.put("track", report.track() + 1);
            root.put("complete", report.complete());
            root.put("parametersSet", report.parametersSet());
            root.put("parametersVerified", report.parametersVerified());
            root.put("millis", report.millis());
            report.done().forEach(root.putArray("done")::add);
            report.problems().forEach(root.putArray("problems")::add);
            report.preset().ifPresent(p -> root.put("preset", p.toString()));
            if (check != null) {
                root.putObject("verify").put("recording", check.recording().toString()).put("mrStftToOriginal", check.toOriginal())
                        .put("mrStftToReference", check.toReference());
            }
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        out.printf(Locale.ROOT, "track %d: %d parameters set, %d read back as intended, in %.1f s%n", report.track() + 1,
                report.parametersSet(), report.parametersVerified(), report.millis() / 1000.0);
        report.preset().ifPresent(p -> out.println("rack preset: " + p));
        report.problems().forEach(p -> out.println("problem: " + p));
        if (check != null) {
            out.printf(Locale.ROOT, "verify: recorded %s; MR-STFT to the original %.3f, to the reference render %.3f%n",
                    check.recording(), check.toOriginal(), check.toReference());
        }
    }
}
