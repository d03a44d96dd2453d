package org.unmixer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.preset.AdgWriter;
import org.unmixer.preset.RackKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unmixer export-rack FILE -o Sound.adg}: a patch or an estimate as an Ableton Live rack preset. */
@Command(name = "export-rack", mixinStandardHelpOptions = true,
        description = "Write a patch (unmixer-patch/1) or an estimate's best patch (unmixer-estimate/1) as an Ableton Live rack preset (.adg).")
final class ExportRackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Patch JSON or estimate JSON.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.adg", description = "Where to write the rack preset.")
    Path output;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "instrument (Wavetable + effects) or audio-effect (effects only); default: instrument when the patch has a synth, else audio-effect.")
    String kind;

    @Option(names = "--json", description = "Print a machine-readable summary.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Patch patch = PatchInput.read(input).patch();
        RackKind rackKind = kind != null ? RackKind.parse(kind)
                : patch.synth().isPresent() ? RackKind.INSTRUMENT : RackKind.AUDIO_EFFECT;
        AdgWriter.write(patch, rackKind, output);
        List<String> devices = new ArrayList<>();
        if (rackKind == RackKind.INSTRUMENT) {
            patch.synth().ifPresent(s -> devices.add(s.settings().device().name()));
        }
        devices.addAll(patch.chainNames());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode summary = mapper.createObjectNode();
            summary.put("output", output.toString());
            summary.put("kind", rackKind.cliName());
            devices.forEach(summary.putArray("devices")::add);
            out.println(mapper.writeValueAsString(summary));
        } else {
            out.printf("wrote %s (%s rack: %s)%n", output, rackKind.cliName(), String.join(" → ", devices));
        }
        return ErrorReporter.OK;
    }
}
