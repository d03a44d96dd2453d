package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unmixer.live.osc.OscEndpoint;

class FakeLiveCommandTest {
    @Test
    void runsForTheGivenSecondsOnFreePortsAndSaysWhereItListens() {
        CliRunner r = CliRunner.run("fake-live", "--seconds", "1", "--port", "0", "--reply-port", "0",
                "--device-port", "0", "--device-reply-port", "0", "--tick-ms", "20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("fake-live: Live 12.3.5", "AbletonOSC listening on udp 127.0.0.1:",
                "Un-Mixer Link listening on udp 127.0.0.1:", "fake-live: stopped after");
    }

    @Test
    void aTakenPortIsABadInputWithOneLine() {
        try (OscEndpoint taken = OscEndpoint.open(0, "taken", (m, from) -> { }, p -> { })) {
            CliRunner r = CliRunner.run("fake-live", "--seconds", "1", "--port", Integer.toString(taken.port()),
                    "--device-port", "0");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("unmixer fake-live: cannot listen on UDP 127.0.0.1:" + taken.port())
                    .doesNotContain("\n");
        }
    }

    @Test
    void withoutTheDeviceOrAbletonOscThoseAreNotOpened() {
        CliRunner r = CliRunner.run("fake-live", "--seconds", "0.2", "--port", "0", "--no-max-device", "--live-version", "12.2.5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Live 12.2.5", "no Un-Mixer Link device (--no-max-device)");
        CliRunner bad = CliRunner.run("fake-live", "--seconds", "0.2", "--live-version", "twelve");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Live version \"twelve\"");
    }
}
