package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load generator, small, against a real server: every kind of malformed request gets its own 4xx. */
class LoadTestToolTest {
    private static InferenceServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.settings(1, 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSmallLoadTestPassesAndCountsEveryAnswer() throws Exception {
        int kinds = LoadTest.Malformed.values().length;
        LoadTest.Report r = LoadTest.run(new LoadTest.Settings(server.uri(), 6, 3 * kinds, 4, Path.of("assets/examples/pluck.wav"), 0,
                OptionalLong.of(ProcessHandle.current().pid())));
        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(r.estimateStatuses().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(r.estimateStatuses()).containsKey(200);
        assertThat(r.okLatenciesMs()).isSortedAccordingTo(Long::compare);
        assertThat(r.percentileMs(95)).isGreaterThanOrEqualTo(r.percentileMs(50));
        for (LoadTest.Malformed kind : LoadTest.Malformed.values()) {
            Map<Integer, Integer> statuses = r.malformedStatuses().get(kind.name());
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
            // the expected status, or 429 for kinds that need a work place while the queue is full
            assertThat(statuses.keySet()).as(kind.name()).allSatisfy(s -> assertThat(s).isIn(kind.expected, 429));
        }
        assertThat(r.healthStatus()).isEqualTo(200);
        assertThat(r.memoryAfter()).containsKeys("VmHWM", "VmRSS");
        assertThat(server.internalErrors()).isZero();
    }
}
