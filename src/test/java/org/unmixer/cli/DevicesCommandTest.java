package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DevicesCommandTest {
    @Test
    void listsEveryDeviceWithLiveNames() {
        CliRunner r = CliRunner.run("devices");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb", "Wavetable")
                .contains("Decay Time");
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        CliRunner r = CliRunner.run("devices", "Reverb", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode devices = new ObjectMapper().readTree(r.out());
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).path("device").asText()).isEqualTo("Reverb");
        assertThat(devices.get(0).path("params").size()).isGreaterThan(10);
    }

    @Test
    void unknownDeviceIsBadInputWithOneLine() {
        CliRunner r = CliRunner.run("devices", "Revreb");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("unmixer devices: unknown device \"Revreb\" (did you mean \"Reverb\"?)");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRunner r = CliRunner.run("devices", "--jsn");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void helpWorksEverywhere() {
        assertThat(CliRunner.run("--help").exitCode()).isZero();
        assertThat(CliRunner.run("devices", "--help").out()).contains("--json");
    }
}
