package org.unmixer.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long MS = 1_000_000;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_000 * MS);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lineShowsCountBarPercentFieldsRateAndEta() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("loss", "0.1234");
        fields.put("stage", "full");
        fields.put("lr", "1e-3");
        assertThat(ProgressBar.line(420, 1000, fields, 12.3))
                .isEqualTo(" 420/1000 [########------------] 42% loss 0.1234 stage full lr 1e-3 | 12.3 it/s | ETA 0:47");
        assertThat(ProgressBar.line(0, 5, Map.of(), Double.NaN)).isEqualTo("0/5 [--------------------] 0% | ? it/s | ETA ?");
        assertThat(ProgressBar.line(5, 5, Map.of(), 2)).isEqualTo("5/5 [####################] 100% | 2.0 it/s | ETA 0:00");
    }

    @Test
    void slowStepsShowSecondsPerStep() {
        assertThat(ProgressBar.rate(0.25)).isEqualTo("4.0 s/it");
        assertThat(ProgressBar.rate(0)).isEqualTo("0.0 it/s");
    }

    @Test
    void etaFollowsTheSmoothedRate() {
        ProgressBar bar = ProgressBar.terminal(out, 100, now::get);
        bar.update(0);
        now.addAndGet(1000 * MS);
        bar.update(10); // 10 it/s measured, first measurement: rate 10, 90 left → 9 s
        assertThat(lastLine()).endsWith("| 10.0 it/s | ETA 0:09");
        now.addAndGet(1000 * MS);
        bar.update(30); // 20 it/s measured: 0.3·20 + 0.7·10 = 13 it/s, 70 left → 5.38 s
        assertThat(lastLine()).endsWith("| 13.0 it/s | ETA 0:05");
    }

    @Test
    void terminalRedrawsInPlaceAtMostEveryQuarterSecondAndAlwaysAtTheEnd() {
        ProgressBar bar = ProgressBar.terminal(out, 10, now::get);
        for (int step = 0; step <= 9; step++) {
            bar.update(step); // steps 100 ms apart: drawn at 0, 300 ms, 600 ms, 900 ms
            now.addAndGet(100 * MS);
        }
        assertThat(printed().chars().filter(c -> c == '\r').count()).isEqualTo(4);
        assertThat(printed()).doesNotContain("\n");
        bar.update(10); // last step is drawn although only 100 ms passed
        assertThat(printed().chars().filter(c -> c == '\r').count()).isEqualTo(5);
        assertThat(lastLine()).startsWith("10/10 [####################] 100%");
        bar.finish();
        assertThat(printed()).endsWith("\n").doesNotContain("\n\r");
    }

    @Test
    void shorterLineIsPaddedToCoverThePreviousOne() {
        ProgressBar bar = ProgressBar.terminal(out, 10, now::get);
        bar.update(1, Map.of("note", "a long label here"));
        now.addAndGet(300 * MS);
        bar.update(2);
        String[] draws = printed().split("\r");
        assertThat(draws[2]).hasSameSizeAs(draws[1]).endsWith(" ");
    }

    @Test
    void finishDrawsAPendingStepBeforeTheNewline() {
        ProgressBar bar = ProgressBar.terminal(out, 10, now::get);
        bar.update(1);
        bar.update(2); // throttled
        bar.finish();
        assertThat(printed()).endsWith("\r 2/10 [####----------------] 20% | ? it/s | ETA ?\n");
    }

    @Test
    void plainModePrintsOneLinePerIntervalCrossed() {
        ProgressBar bar = ProgressBar.plain(out, 50, 25, now::get);
        for (int step = 1; step <= 48; step++) {
            bar.update(step);
            now.addAndGet(500 * MS);
        }
        bar.finish();
        assertThat(printed()).doesNotContain("\r");
        assertThat(printed().lines().map(l -> l.substring(0, 5)))
                .containsExactly(" 1/50", "13/50", "25/50", "38/50", "48/50"); // 0 %, 25 %, 50 %, 75 %, then finish
        assertThat(printed().lines().toList().get(4)).endsWith("| 2.0 it/s | ETA 0:01");
    }

    @Test
    void stepsOutsideTheTotalAreRefused() {
        ProgressBar bar = ProgressBar.plain(out, 10, 10, now::get);
        assertThatThrownBy(() -> bar.update(11)).isInstanceOf(IllegalArgumentException.class).hasMessage("progress step 11 is outside 0..10");
        assertThatThrownBy(() -> ProgressBar.terminal(out, 0, now::get)).hasMessageContaining("total must be positive");
    }

    private String lastLine() {
        String[] draws = printed().split("\r");
        return draws[draws.length - 1].stripTrailing();
    }
}
