package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.preset.AdgReader;
import org.unmixer.testing.FreePorts;

class DemoCommandTest {
    @Test
    void withNoLiveTheDemoRebuildsIntoTheSimulatorAndWritesItsFiles(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("demo", "--itf-steps", "3", "--out", dir.toString(), "--json",
                "--osc-port", Integer.toString(FreePorts.udp()), "--osc-reply-port", Integer.toString(FreePorts.udp()),
                "--device-port", Integer.toString(FreePorts.udp()), "--device-reply-port", Integer.toString(FreePorts.udp()),
                "--timeout-ms", "300");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("no Live answered");
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.path("rebuiltInto").asText()).isEqualTo("the built-in Live set simulator");
        assertThat(report.path("rebuildComplete").asBoolean()).isTrue();
        assertThat(report.path("parametersVerified").asInt()).isPositive();
        assertThat(report.path("mrStftBest").asDouble()).isLessThanOrEqualTo(report.path("mrStftAtItfStep0").asDouble());
        assertThat(AdgReader.read(Path.of(report.path("rackPreset").asText())).devices()).isNotEmpty();
        assertThat(dir.resolve("pluck-rebuild.wav")).exists();
        assertThat(dir.resolve("pluck.estimate.json")).exists();
    }
}
