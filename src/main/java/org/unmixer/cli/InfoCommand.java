package org.unmixer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.audio.Pitch;
import org.unmixer.audio.PitchDetector;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.DecodedAudio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unmixer info FILE}: what an audio file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show an audio file's format, length, peak, loudness and detected pitch.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "WAV or AIFF file.")
    Path file;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DecodedAudio decoded = AudioFiles.read(file);
        AudioBuffer audio = decoded.audio();
        double peakDb = Loudness.peakDb(audio);
        double lufs = Loudness.integratedLufs(audio);
        Optional<Pitch> pitch = PitchDetector.detect(audio);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode n = m.createObjectNode();
            n.put("file", file.toString());
            n.put("container", decoded.format().container().toString());
            n.put("encoding", decoded.format().encoding().name());
            n.put("bits", decoded.format().bits());
            n.put("channels", audio.channelCount());
            n.put("sampleRate", audio.sampleRate());
            n.put("frames", audio.frames());
            n.put("seconds", audio.seconds());
            n.put("peakDbfs", finiteOrNull(peakDb));
            n.put("integratedLufs", finiteOrNull(lufs));
            pitch.ifPresentOrElse(p -> {
                ObjectNode pn = n.putObject("pitch");
                pn.put("hz", p.hz());
                pn.put("midiNote", p.midiNote());
                pn.put("note", Pitch.noteName(p.midiNote()));
                pn.put("cents", p.cents());
                pn.put("confidence", p.confidence());
            }, () -> n.putNull("pitch"));
            out.println(m.writeValueAsString(n));
        } else {
            out.println(file);
            out.println("  format    " + decoded.format().describe());
            out.printf(Locale.ROOT, "  peak      %s%n", Double.isFinite(peakDb) ? String.format(Locale.ROOT, "%.1f dBFS", peakDb) : "silent");
            out.printf(Locale.ROOT, "  loudness  %s%n", Double.isFinite(lufs) ? String.format(Locale.ROOT, "%.1f LUFS (integrated)", lufs) : "below the −70 LUFS gate");
            out.println("  pitch     " + pitch.map(p -> String.format(Locale.ROOT, "%s (MIDI %d, %.1f Hz, %+d cents, confidence %.2f)",
                    Pitch.noteName(p.midiNote()), p.midiNote(), p.hz(), Math.round(p.cents()), p.confidence())).orElse("no stable pitch"));
        }
        return ErrorReporter.OK;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
