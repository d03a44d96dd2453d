package org.unmixer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unmixer.audio.io.AtomicFiles;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.live.LiveConnectionException;
import org.unmixer.live.LiveLink;
import org.unmixer.live.RebuildReport;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.osc.PortInUseException;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.EstimationResult;
import org.unmixer.session.LoadedSound;
import org.unmixer.session.Locations;
import org.unmixer.session.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unmixer demo}: the whole main job headless on the embedded defaults — the bundled example,
 * estimate, ITF, rebuild into Live when one answers (else into the built-in Live set simulator),
 * the rack preset — and a short report of the chain, the distances and where the files are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job headless on the bundled example: estimate, refine (ITF), rebuild in Live (or the"
                + " built-in simulator when no Live answers), export the rack preset, report.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--itf-steps", paramLabel = "N", defaultValue = "50", description = "ITF steps (default: ${DEFAULT-VALUE}).")
    int itfSteps;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out", description = "Where the files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @CommandLine.Mixin
    LiveOptions live = new LiveOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(out);
        Session.Settings settings = new Session.Settings(Locations.model(Locations.DEFAULT_MODEL), live.settings());
        LoadedSound sound;
        EstimationResult result;
        try (Session session = new Session(settings)) {
            sound = session.load(Locations.exampleSound());
            err.println("demo: estimating " + sound.name() + " with " + itfSteps + " ITF steps…");
            result = session.estimate(sound, EstimationOptions.DEFAULT.withItfSteps(itfSteps), (stage, f) -> { });
        }
        String base = sound.name().replaceFirst("\\.[^.]*$", "");
        AtomicFiles.writeFile(out.resolve(base + ".estimate.json"),
                o -> o.write((result.json() + "\n").getBytes(StandardCharsets.UTF_8)));
        Path adg = out.resolve(base + ".adg");
        Path wav = out.resolve(base + "-rebuild.wav");
        try (Session files = new Session(settings)) {
            files.exportRack(result.best(), Session.rackKindFor(result.best()), adg);
            files.exportWav(result.best(), wav);
        }
        Rebuilt rebuilt = rebuild(settings, result, err);
        report(result, rebuilt, adg, wav, out.resolve(base + ".estimate.json"));
        return rebuilt.report().problems().isEmpty() ? ErrorReporter.OK : ErrorReporter.BAD_INPUT;
    }

    private record Rebuilt(RebuildReport report, String where) {
    }

    /** Into Live when one answers; else into a simulator started here on free ports. */
    private Rebuilt rebuild(Session.Settings settings, EstimationResult result, PrintWriter err) {
        Path fallback = out.resolve("fallback.adg");
        try (Session toLive = new Session(settings)) {
            return new Rebuilt(toLive.rebuild(result.best(), fallback, line -> { }), "Live");
        } catch (LiveConnectionException | PortInUseException e) {
            err.println("demo: no Live answered; rebuilding into the built-in Live set simulator");
        }
        int reply = OscEndpoint.freeLoopbackPort();
        int deviceReply = OscEndpoint.freeLoopbackPort();
        try (LiveSetSimulator sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(20).withPorts(0, reply, 0, deviceReply))) {
            LiveLink.Settings toSim = new LiveLink.Settings(sim.abletonOscPort(), reply, sim.devicePort(), deviceReply, 2000);
            try (Session session = new Session(new Session.Settings(settings.modelDir(), toSim))) {
                return new Rebuilt(session.rebuild(result.best(), fallback, line -> { }), "the built-in Live set simulator");
            }
        }
    }

    private void report(EstimationResult result, Rebuilt rebuilt, Path adg, Path wav, Path estimate) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        List<EffectItf.Step> steps = result.itfSteps();
        double start = steps.isEmpty() ? Double.NaN : steps.get(0).referenceDistance();
        double best = result.itf().map(r -> r.chosenRun().bestDistance()).orElse(Double.NaN);
        String chain = result.best().chain().isEmpty() ? "(dry synth)" : String.join(" → ", result.best().chainNames());
        RebuildReport r = rebuilt.report();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("chain", chain);
            root.put("mrStftAtItfStep0", start);
            root.put("mrStftBest", best);
            root.put("rebuiltInto", rebuilt.where());
            root.put("rebuildComplete", r.complete());
            root.put("parametersVerified", r.parametersVerified());
            r.problems().forEach(root.putArray("problems")::add);
            root.put("rackPreset", adg.toAbsolutePath().toString());
            root.put("rebuiltWav", wav.toAbsolutePath().toString());
            root.put("estimate", estimate.toAbsolutePath().toString());
            o.println(mapper.writeValueAsString(root));
            return;
        }
        o.println("chain: " + chain);
        o.printf(Locale.ROOT, "MR-STFT to the example: %.3f at ITF step 0, %.3f after ITF%n", start, best);
        o.printf(Locale.ROOT, "rebuilt in %s: track %d, %d parameters set, %d read back as intended, in %.1f s%n", rebuilt.where(),
                r.track() + 1, r.parametersSet(), r.parametersVerified(), r.millis() / 1000.0);
        r.problems().forEach(p -> o.println("problem: " + p));
        o.println("files: " + estimate.toAbsolutePath() + ", " + adg.toAbsolutePath() + ", " + wav.toAbsolutePath());
    }
}
