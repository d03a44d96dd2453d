package org.unmixer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.live.LiveLink;
import org.unmixer.live.RebuildReport;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;
import org.unmixer.params.BadInputException;
import org.unmixer.preset.AdgReader;

/** The facade end to end on the bundled model and example: load, estimate with ITF, render, export, rebuild. */
class SessionTest {
    private static Session session;
    private static LoadedSound pluck;
    private static EstimationResult result;
    private static final List<Double> fractions = new CopyOnWriteArrayList<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void estimateTheExample() {
        session = new Session(Session.Settings.defaults());
        pluck = session.load(Path.of("assets/examples/pluck.wav"));
        result = session.estimate(pluck, EstimationOptions.DEFAULT.withItfSteps(3), (stage, f) -> fractions.add(f));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void theEstimateKeepsEveryItfStepAndReportsProgressToTheEnd() {
        assertThat(pluck.name()).isEqualTo("pluck.wav");
        assertThat(result.itfSteps()).hasSize(4).extracting(s -> s.step()).containsExactly(0, 1, 2, 3);
        assertThat(result.json()).contains("\"format\" : \"unmixer-estimate/1\"").contains("\"itf\"");
        assertThat(fractions).isNotEmpty();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        for (int i = 1; i < fractions.size(); i++) {
            assertThat(fractions.get(i)).isGreaterThanOrEqualTo(fractions.get(i - 1));
        }
    }

    @Test
    void rendersAreCachedSoTheSliderCanScrub() {
        var step = result.itfSteps().get(1).patch();
        assertThat(session.render(step)).isSameAs(session.render(step));
        assertThat(session.render(step).sampleRate()).isEqualTo(Session.RENDER_RATE);
    }

    @Test
    void exportsWriteReadableFiles() throws Exception {
        Path adg = session.exportRack(result.best(), Session.rackKindFor(result.best()), temp.resolve("best.adg"));
        assertThat(AdgReader.read(adg).devices()).isNotEmpty();
        Path json = session.exportPatch(result.best(), temp.resolve("best.json"));
        assertThat(PatchJson.standard().parse(Files.readString(json))).isEqualTo(result.best());
        Path wav = session.exportWav(result.best(), temp.resolve("best.wav"));
        assertThat(AudioFiles.read(wav).audio().frames()).isEqualTo(session.render(result.best()).frames());
    }

    @Test
    void aBadFileIsAOneLineInputError() throws Exception {
        Path junk = temp.resolve("junk.wav");
        Files.write(junk, new byte[] {'R', 'I', 'F', 'F', 1, 2});
        assertThatThrownBy(() -> session.load(junk)).isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void interruptingTheWorkerCancelsARefinement() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<EstimationResult> job = pool.submit(() -> session.estimate(pluck, EstimationOptions.DEFAULT.withItfSteps(1000),
                    Progress.NONE));
            Thread.sleep(200);
            job.cancel(true);
            assertThatThrownBy(job::get).isInstanceOf(CancellationException.class);
        } finally {
            pool.shutdownNow();
        }
        // The session stays usable, ITF included, on any thread.
        assertThat(session.estimate(pluck, EstimationOptions.DEFAULT.withItfSteps(2), Progress.NONE).itfSteps()).hasSize(3);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(() -> session.estimate(pluck, EstimationOptions.DEFAULT.withItfSteps(2), Progress.NONE))
                    .get().itfSteps()).hasSize(3);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void rebuildsTheBestPatchInTheSimulator() {
        int reply = freePort();
        int deviceReply = freePort();
        try (LiveSetSimulator sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(10).withPorts(0, reply, 0, deviceReply))) {
            Session toSim = new Session(new Session.Settings(session.settings().modelDir(),
                    new LiveLink.Settings(sim.abletonOscPort(), reply, sim.devicePort(), deviceReply, 2000)));
            List<String> log = new CopyOnWriteArrayList<>();
            RebuildReport report = toSim.rebuild(result.best(), temp.resolve("fallback.adg"), log::add);
            assertThat(report.complete()).as(String.join("\n", report.problems())).isTrue();
            assertThat(log.get(0)).startsWith("connected: the Live set simulator");
        }
    }

    @Test
    void optionsOutOfRangeAreInputErrors() {
        assertThatThrownBy(() -> EstimationOptions.DEFAULT.withItfSteps(-1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("ITF steps -1");
    }

    private static int freePort() {
        return org.unmixer.testing.FreePorts.udp();
    }
}
