package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;

/** {@code unmixer rebuild} against the simulator over loopback, and without any Live. */
class RebuildCommandTest {
    @TempDir
    Path temp;

    private LiveSetSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static int freePort() {
        return org.unmixer.testing.FreePorts.udp();
    }

    private String[] args(String file, int oscReply, int deviceReply, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("rebuild", file, "--osc-port", Integer.toString(sim.abletonOscPort()),
                "--osc-reply-port", Integer.toString(oscReply), "--device-port", Integer.toString(sim.devicePort()),
                "--device-reply-port", Integer.toString(deviceReply)));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void rebuildsTheBundledExampleAndVerifiesItByRecordingTheTrack() throws Exception {
        int oscReply = freePort();
        int deviceReply = freePort();
        sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(10).withPorts(0, oscReply, 0, deviceReply));
        Path patch = Path.of("assets/examples/pluck.json");
        CliRunner r = CliRunner.run(args(patch.toString(), oscReply, deviceReply, "--verify", "--json",
                "--recording", temp.resolve("pluck-live.wav").toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("parametersVerified").asInt()).isEqualTo(report.path("parametersSet").asInt()).isPositive();
        // The simulator records with the reference renderer, so Live's rebuild of a patch is that patch.
        assertThat(report.path("verify").path("mrStftToReference").asDouble()).isLessThan(1e-3);
        assertThat(report.path("verify").path("mrStftToOriginal").asDouble()).isLessThan(1e-3);
        assertThat(temp.resolve("pluck-live.wav")).exists();
        assertThat(sim.snapshot().track("Un-Mixer").deviceNames())
                .containsExactlyElementsOf(expectedDevices(patch));
    }

    private static List<String> expectedDevices(Path patchFile) throws Exception {
        var patch = PatchJson.standard().parse(Files.readString(patchFile));
        List<String> names = new java.util.ArrayList<>();
        patch.synth().ifPresent(s -> names.add(s.settings().device().name()));
        patch.chain().forEach(d -> names.add(d.device().name()));
        names.add("Un-Mixer Link");
        return names;
    }

    @Test
    void noLiveIsExitTwoWithTheSetupStepsInOneLine() {
        CliRunner r = CliRunner.run("rebuild", "assets/examples/pluck.json", "--osc-port", Integer.toString(freePort()),
                "--osc-reply-port", "0", "--device-port", Integer.toString(freePort()), "--device-reply-port", "0",
                "--timeout-ms", "300");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("unmixer rebuild: no Live answered").contains("AbletonOSC").doesNotContain("\n");
    }

    @Test
    void aMisspeltParameterIsRejectedBeforeAnythingIsSent() throws Exception {
        int oscReply = freePort();
        int deviceReply = freePort();
        sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(10).withPorts(0, oscReply, 0, deviceReply));
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("assets/examples/pluck.json")).replaceFirst("\"Volume\"", "\"Volumme\""));
        long before = sim.handled().size();
        CliRunner r = CliRunner.run(args(bad.toString(), oscReply, deviceReply));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Volumme");
        assertThat(sim.handled().size()).isEqualTo(before);
    }

    @Test
    void withoutTheDeviceTheRackPresetIsWrittenWhereAsked() {
        int oscReply = freePort();
        int deviceReply = freePort();
        sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(10).withMaxDevice(false).withPorts(0, oscReply, 0, deviceReply));
        Path preset = temp.resolve("pluck.adg");
        List<String> a = new java.util.ArrayList<>(List.of("rebuild", "assets/examples/pluck.json", "--osc-port",
                Integer.toString(sim.abletonOscPort()), "--osc-reply-port", Integer.toString(oscReply), "--device-port",
                Integer.toString(freePort()), "--device-reply-port", Integer.toString(deviceReply), "--timeout-ms", "500",
                "--preset-out", preset.toString()));
        CliRunner r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rack preset: " + preset.toAbsolutePath());
        assertThat(preset).exists();
    }
}
