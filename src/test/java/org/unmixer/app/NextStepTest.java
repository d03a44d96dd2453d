package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NextStepTest {
    @Test
    void eachKindOfProblemGetsItsOwnAdvice() {
        assertThat(NextStep.after("AbletonOSC did not answer on port 11000")).contains("AbletonOSC enabled");
        assertThat(NextStep.after("no model in models/unmixer-default")).contains("./unmixer info");
        assertThat(NextStep.after("junk.wav: not a WAV file (no fmt chunk)")).contains("another WAV or AIFF");
        assertThat(NextStep.after("something odd")).contains("still works");
    }
}
