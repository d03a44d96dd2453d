package org.unmixer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.session.SampleFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unmixer render PATCH.json -o out.wav}: the reference renderer from the command line. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a patch (unmixer-patch/1 JSON) with the reference renderer to a WAV file.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATCH", description = "Patch JSON file.")
    Path patchFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.wav", description = "Where to write the WAV.")
    Path output;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Length of the render in seconds (default: the source's seconds plus its tail).")
    Double seconds;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "44100", description = "Sample rate in Hz (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "pcm24",
            description = "Sample format: pcm16, pcm24, pcm32, float32 (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--json", description = "Print a machine-readable summary.")
    boolean json;

    @Override
    public Integer call() {
        SampleFormat sampleFormat = parseFormat(format);
        Patch patch = PatchJson.standard().parse(InputFiles.readText(patchFile));
        AudioBuffer audio = seconds == null ? Renderer.render(patch, rate) : Renderer.render(patch, rate, seconds);
        WavWriter.write(output, audio, sampleFormat);
        PrintWriter out = spec.commandLine().getOut();
        double peakDb = Loudness.peakDb(audio);
        if (!sampleFormat.isFloat() && audio.peak() > 1f) {
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "unmixer render: warning: peak %+.1f dBFS was clipped in %s output; use --format float32 to keep it%n",
                    peakDb, format);
        }
        if (json) {
            out.printf(Locale.ROOT, "{\"output\": \"%s\", \"channels\": %d, \"sampleRate\": %d, \"seconds\": %.6f, \"peakDb\": %.3f, \"chain\": [%s]}%n",
                    output.toString().replace("\\", "\\\\").replace("\"", "\\\""), audio.channelCount(), audio.sampleRate(),
                    audio.seconds(), peakDb,
                    String.join(", ", patch.chainNames().stream().map(n -> "\"" + n + "\"").toList()));
        } else {
            out.printf(Locale.ROOT, "wrote %s (%d ch, %d Hz, %.2f s, peak %.1f dBFS; chain: %s)%n", output,
                    audio.channelCount(), audio.sampleRate(), audio.seconds(), peakDb,
                    patch.chain().isEmpty() ? "none" : String.join(" → ", patch.chainNames()));
        }
        return ErrorReporter.OK;
    }

    static SampleFormat parseFormat(String text) {
        return SampleFormats.parse(text, "--format");
    }
}
