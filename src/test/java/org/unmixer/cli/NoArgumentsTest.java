package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./unmixer} with no arguments opens the window; the tests run headless, so it says why it cannot. */
class NoArgumentsTest {
    @Test
    void withoutADisplayNoArgumentsExplainsInOneLineAndExitsTwo() {
        CliRunner r = CliRunner.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("cannot open the window")
                .contains("./unmixer --help").contains("./unmixer estimate");
    }

    @Test
    void subcommandsStillWork() {
        assertThat(CliRunner.run("--help").exitCode()).isZero();
    }
}
