package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.preset.AdgFile;
import org.unmixer.preset.AdgReader;
import org.unmixer.preset.RackKind;

class ExportRackCommandTest {
    @TempDir
    Path dir;

    private static final String PATCH = """
            {"format": "unmixer-patch/1",
             "source": {"kind": "synth", "note": 57, "velocity": 100, "seconds": 0.5, "tail": 0.25},
             "synth": {"device": "Wavetable", "wavetable": {"category": "Basics", "name": "Basic Shapes"},
                       "params": {"Filter 1 Freq": 5000.0, "Amp Sustain": -12.0}},
             "chain": [{"device": "Saturator", "params": {"Drive": 6.0}}, {"device": "Reverb", "params": {"Dry/Wet": 10.0}}]}
            """;

    private static final String ESTIMATE = """
            {"format": "unmixer-estimate/1", "input": "x.wav",
             "best": {"format": "unmixer-patch/1", "source": {"kind": "noise", "seconds": 1.0},
                      "chain": [{"device": "EQ Eight", "params": {"1 Gain A": 3.0}}, {"device": "Multiband Dynamics", "preset": "OTT"}]},
             "alternatives": []}
            """;

    @Test
    void exportsAPatchAsAnInstrumentRackByDefault() throws IOException {
        Path out = dir.resolve("Sound.adg");
        CliRunner r = CliRunner.run("export-rack", write("p.json", PATCH).toString(), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "instrument rack", "Wavetable → Saturator → Reverb");
        AdgFile f = AdgReader.read(out);
        assertThat(f.rackKind()).contains(RackKind.INSTRUMENT);
        assertThat(f.deviceElements()).containsExactly("InstrumentVector", "Saturator", "Reverb");
        assertThat(f.devices().get(1).manual("PreDrive")).contains("6");
        assertThat(f.devices().get(0).manual("Voice_Filter1_Frequency")).contains("5000");
    }

    @Test
    void exportsAnEstimatesBestPatchAsAnAudioEffectRackWithAJsonSummary() throws IOException {
        Path out = dir.resolve("Chain.adg");
        CliRunner r = CliRunner.run("export-rack", write("e.json", ESTIMATE).toString(), "-o", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.path("kind").asText()).isEqualTo("audio-effect");
        assertThat(summary.path("output").asText()).isEqualTo(out.toString());
        assertThat(summary.path("devices").toString()).isEqualTo("[\"EQ Eight\",\"Multiband Dynamics\"]");
        assertThat(AdgReader.read(out).deviceElements()).containsExactly("Eq8", "MultibandDynamics");
    }

    @Test
    void kindOptionChoosesTheRack() throws IOException {
        Path out = dir.resolve("Fx.adg");
        CliRunner r = CliRunner.run("export-rack", write("p.json", PATCH).toString(), "-o", out.toString(), "--kind", "audio-effect");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(AdgReader.read(out).deviceElements()).containsExactly("Saturator", "Reverb");
        CliRunner noSynth = CliRunner.run("export-rack", write("e.json", ESTIMATE).toString(), "-o",
                dir.resolve("I.adg").toString(), "--kind", "instrument");
        assertThat(noSynth.exitCode()).isEqualTo(2);
        assertThat(noSynth.err()).contains("needs a synth");
        CliRunner badKind = CliRunner.run("export-rack", write("p.json", PATCH).toString(), "-o",
                dir.resolve("K.adg").toString(), "--kind", "drum");
        assertThat(badKind.exitCode()).isEqualTo(2);
        assertThat(badKind.err()).contains("instrument, audio-effect");
    }

    @Test
    void misspeltParameterIsExitTwoWithOneLineAndNoFile() throws IOException {
        Path out = dir.resolve("x.adg");
        CliRunner r = CliRunner.run("export-rack", write("bad.json", PATCH.replace("\"Dry/Wet\"", "\"Dry Wet\"")).toString(),
                "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "unmixer export-rack: chain[1]: Reverb: unknown parameter \"Dry Wet\" (did you mean \"Dry/Wet\"?)");
        CliRunner inEstimate = CliRunner.run("export-rack",
                write("bad-e.json", ESTIMATE.replace("\"1 Gain A\"", "\"1 Gain\"")).toString(), "-o", out.toString());
        assertThat(inEstimate.exitCode()).isEqualTo(2);
        assertThat(inEstimate.err().strip()).startsWith("unmixer export-rack: best: chain[0]: EQ Eight: unknown parameter \"1 Gain\"")
                .doesNotContain("\n");
        assertOnlyInputsIn(dir);
    }

    @Test
    void missingNonJsonAndUnknownFormatAreExitTwo() throws IOException {
        Path out = dir.resolve("y.adg");
        CliRunner missing = CliRunner.run("export-rack", dir.resolve("none.json").toString(), "-o", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        CliRunner notJson = CliRunner.run("export-rack", write("t.json", "hello").toString(), "-o", out.toString());
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("not valid JSON");
        CliRunner format = CliRunner.run("export-rack", write("f.json", "{\"format\": \"unmixer-patch/9\"}").toString(),
                "-o", out.toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unmixer-patch/1", "unmixer-estimate/1", "unmixer-patch/9");
        CliRunner noFolder = CliRunner.run("export-rack", write("p.json", PATCH).toString(), "-o",
                dir.resolve("no/such/dir/z.adg").toString());
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertOnlyInputsIn(dir);
    }

    private static void assertOnlyInputsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json"));
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
