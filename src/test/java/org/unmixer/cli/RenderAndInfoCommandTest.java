package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.DecodedAudio;

class RenderAndInfoCommandTest {
    @TempDir
    Path dir;

    private static final String PATCH = """
            {"format": "unmixer-patch/1",
             "source": {"kind": "synth", "note": 57, "velocity": 100, "seconds": 0.5, "tail": 0.25},
             "synth": {"device": "Wavetable", "params": {"Filter 1 Freq": 5000.0, "Amp Sustain": 0.0}},
             "chain": [{"device": "EQ Eight"}, {"device": "Reverb", "params": {"Dry/Wet": 10.0}}]}
            """;

    @Test
    void rendersAPatchToAWavOfTheRightShape() throws IOException {
        Path patch = write("p.json", PATCH);
        Path wav = dir.resolve("out.wav");
        CliRunner r = CliRunner.run("render", patch.toString(), "-o", wav.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "EQ Eight → Reverb");
        DecodedAudio audio = AudioFiles.read(wav);
        assertThat(audio.audio().channelCount()).isEqualTo(2);
        assertThat(audio.audio().frames()).isEqualTo(Math.round(0.75 * 44_100));
        assertThat(audio.format().bits()).isEqualTo(24);
    }

    @Test
    void secondsAndRateOptionsAreHonoured() throws IOException {
        Path wav = dir.resolve("out48.wav");
        CliRunner r = CliRunner.run("render", write("p.json", PATCH).toString(), "-o", wav.toString(),
                "--seconds", "0.4", "--rate", "48000", "--format", "float32");
        assertThat(r.exitCode()).as(r.err()).isZero();
        DecodedAudio audio = AudioFiles.read(wav);
        assertThat(audio.audio().sampleRate()).isEqualTo(48_000);
        assertThat(audio.audio().frames()).isEqualTo(Math.round(0.4 * 48_000));
    }

    @Test
    void infoFindsThePitchOfTheRenderedNote() throws IOException {
        Path wav = dir.resolve("a.wav");
        assertThat(CliRunner.run("render", write("p.json", PATCH).toString(), "-o", wav.toString()).exitCode()).isZero();
        CliRunner r = CliRunner.run("info", wav.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // MIDI 57 is A2 in Live's naming (C3 = 60), 220 Hz.
        assertThat(r.out()).contains("WAV, 24-bit PCM, 2 ch, 44100 Hz", "A2 (MIDI 57", "LUFS");
    }

    @Test
    void misspeltParameterIsExitTwoWithOneLine() throws IOException {
        Path patch = write("bad.json", PATCH.replace("\"Dry/Wet\": 10.0", "\"Dry Wet\": 10.0"));
        CliRunner r = CliRunner.run("render", patch.toString(), "-o", dir.resolve("x.wav").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "unmixer render: chain[1]: Reverb: unknown parameter \"Dry Wet\" (did you mean \"Dry/Wet\"?)");
        assertThat(dir.resolve("x.wav")).doesNotExist();
    }

    @Test
    void missingFilesAndBadOptionsAreExitTwo() throws IOException {
        assertThat(CliRunner.run("render", dir.resolve("none.json").toString(), "-o", "x.wav").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("info", dir.resolve("none.wav").toString()).exitCode()).isEqualTo(2);
        Path patch = write("p.json", PATCH);
        CliRunner badFormat = CliRunner.run("render", patch.toString(), "-o", dir.resolve("y.wav").toString(), "--format", "mp3");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format \"mp3\"");
        CliRunner badRate = CliRunner.run("render", patch.toString(), "-o", dir.resolve("y.wav").toString(), "--rate", "1000");
        assertThat(badRate.exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("render", write("j.json", "{\"format\": ").toString(), "-o", "z.wav").exitCode()).isEqualTo(2);
    }

    @Test
    void infoJsonIsMachineReadable() throws IOException {
        Path wav = dir.resolve("j.wav");
        CliRunner.run("render", write("p.json", PATCH).toString(), "-o", wav.toString());
        CliRunner r = CliRunner.run("info", wav.toString(), "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("pitch").path("midiNote").asInt())
                .isEqualTo(57);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
