package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} says before it serves: bad input is one line and exit 2. */
class ServeCommandTest {
    @Test
    void aPortInUseIsOneLineAndExit2BeforeTheModelLoads() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner r = CliRunner.run("serve", "--port", Integer.toString(taken.getLocalPort()), "--model", "does-not-exist");
            assertThat(r.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
            assertThat(r.err().strip()).doesNotContain("\n").contains("already in use").contains("--port");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aMissingModelIsOneLineNamingTheFileAndExit2(@TempDir Path empty) {
        CliRunner r = CliRunner.run("serve", "--port", "0", "--model", empty.toString());
        assertThat(r.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("model.json");
        assertThat(r.out()).doesNotContain("serving on");
    }

    @Test
    void settingsOutOfRangeAreOneLineAndExit2() {
        CliRunner r = CliRunner.run("serve", "--workers", "0");
        assertThat(r.exitCode()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(r.err()).contains("workers 0 must be between 1 and 64");
    }
}
