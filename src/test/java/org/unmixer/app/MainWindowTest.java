package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unmixer.app.WindowFixture.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unmixer.app.audio.AbSource;
import org.unmixer.app.fx.Snapshots;
import org.unmixer.live.LiveLink;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;
import org.unmixer.preset.RackKind;
import org.unmixer.session.Session;

/**
 * The real window, driven headless: a drop, the estimate, the cards, the ITF slider, A/B on the space
 * bar, a rebuild into the Live set simulator, exports through the save seam, and a bad file.
 * With {@code -Dunmixer.screenshot=docs/screenshot.png} it also saves the window after the estimate.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    /** Stored ITF steps: enough for the slider to move the knobs, few enough for a quick test. */
    private static final int ITF_STEPS = 12;
    private static final Path EXAMPLE = Path.of("assets/examples/pluck.wav");

    private static LiveSetSimulator sim;
    private static Session session;

    @TempDir
    static Path temp;

    private WindowFixture w;

    @BeforeAll
    static void startSimulator() {
        int reply = freePort();
        int deviceReply = freePort();
        sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(10).withPorts(0, reply, 0, deviceReply));
        session = new Session(new Session.Settings(Session.Settings.defaults().modelDir(),
                new LiveLink.Settings(sim.abletonOscPort(), reply, sim.devicePort(), deviceReply, 2000)));
    }

    @AfterAll
    static void stopSimulator() {
        session.close();
        sim.close();
    }

    @Start
    void start(Stage stage) {
        w = new WindowFixture(stage, session, ITF_STEPS, temp);
        w.vm.checkLive();
    }

    @AfterEach
    void closeWindow() {
        w.close();
    }

    private List<String> knobTexts() throws Exception {
        return onFx(() -> w.window.root().lookupAll(".knob-text").stream().map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void dropEstimateScrubListenRebuildAndExport(FxRobot robot) throws Exception {
        PulseProbe probe = new PulseProbe(() -> w.vm.stage().get());
        robot.interact(() -> assertThat(w.window.drops().drop(List.of(EXAMPLE.toFile()))).isTrue());
        w.await(() -> "done".equals(w.vm.stage().get()) && !w.vm.busy().get() && w.vm.rebuild().get() != null
                && w.window.spectrogramsShown(), "the estimate and its pictures");
        probe.close();
        // The FX thread kept answering while the estimate and ITF ran (the number is reported, not judged:
        // it depends on the machine).
        List<PulseProbe.Pulse> pulses = probe.pulses();
        long duringItf = pulses.stream().filter(p -> p.label() != null && p.label().startsWith("refining")).count();
        System.out.printf(java.util.Locale.ROOT, "FX pulse probe during the estimate: %d round trips (%d while refining),"
                + " largest gap %.1f ms%n", pulses.size(), duringItf, probe.largestGapMillis());
        assertThat(duringItf).as("FX round trips answered while ITF ran").isGreaterThanOrEqualTo(2);

        // the chain as cards, in order, instrument first
        List<String> titles = onFx(() -> w.window.root().lookupAll(".device-title").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(titles).hasSize(onFx(() -> w.vm.cards().size())).first().isEqualTo("Wavetable");
        assertThat(robot.lookup("#file-line").queryAs(Label.class).getText()).startsWith("pluck.wav · ");
        assertThat(robot.lookup("#chains").queryAs(ListView.class).getItems()).hasSizeGreaterThan(1);
        ListView<?> chains = robot.lookup("#chains").queryAs(ListView.class);
        int refined = onFx(() -> w.vm.selectedChain().get());
        assertThat(chains.getSelectionModel().getSelectedIndex()).as("the refined chain is selected").isEqualTo(refined);
        assertThat(String.join(" → ", titles.subList(1, titles.size())))
                .isEqualTo(onFx(() -> w.vm.chains().get(refined).chain()).replace("(dry synth)", ""));

        String screenshot = System.getProperty("unmixer.screenshot");
        if (screenshot != null && !screenshot.isBlank()) {
            Path png = Path.of(screenshot);
            Files.createDirectories(png.toAbsolutePath().getParent());
            robot.interact(() -> {
                try {
                    Snapshots.savePng(w.window.root().getScene(), png);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.println("screenshot written to " + png.toAbsolutePath());
        }

        // picking another chain shows its cards; the slider brings back the refined one
        int other = (refined + 1) % chains.getItems().size();
        robot.interact(() -> chains.getSelectionModel().select(other));
        assertThat(onFx(() -> w.vm.selectedChain().get())).isEqualTo(other);
        List<String> otherTitles = onFx(() -> w.window.root().lookupAll(".device-title").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(String.join(" → ", otherTitles.subList(1, otherTitles.size())))
                .isEqualTo(onFx(() -> w.vm.chains().get(other).chain()).replace("(dry synth)", ""));

        // the slider scrubs the stored steps: the knobs change at once
        Slider slider = robot.lookup("#itf").queryAs(Slider.class);
        assertThat(slider.getMax()).isEqualTo(ITF_STEPS);
        robot.interact(() -> slider.setValue(0));
        assertThat(onFx(() -> w.vm.itfStep().get())).isZero();
        assertThat(chains.getSelectionModel().getSelectedIndex()).isEqualTo(refined);
        assertThat(robot.lookup("#itf-step").queryAs(Label.class).getText()).isEqualTo("step 0 / " + ITF_STEPS);
        List<String> atZero = knobTexts();
        String referenceAtZero = robot.lookup("#reference-distance").queryAs(Label.class).getText();
        robot.interact(() -> slider.setValue(ITF_STEPS));
        assertThat(onFx(() -> w.vm.itfStep().get())).isEqualTo(ITF_STEPS);
        assertThat(knobTexts()).hasSameSizeAs(atZero).isNotEqualTo(atZero);
        assertThat(robot.lookup("#reference-distance").queryAs(Label.class).getText())
                .startsWith("reference distance ").isNotEqualTo(referenceAtZero);

        // A/B on the space bar flips the player's source; B follows the shown step
        w.await(() -> w.player.lengthSeconds() > 0.1, "the player to load");
        AbSource before = w.player.source();
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        w.await(() -> w.player.source() == before.other(), "A/B to flip");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        w.await(() -> w.player.source() == before, "A/B to flip back");
        robot.clickOn("#play-rebuild");
        w.await(() -> w.player.isPlaying() && w.player.source() == AbSource.B && w.output.writes.get() > 3, "B to play");
        w.await(() -> robot.lookup("#ab-source").queryAs(Label.class).getText().startsWith("B: rebuild"), "the source label");
        w.await(() -> w.window.root().lookupAll(".time-cursor").stream().anyMatch(javafx.scene.Node::isVisible),
                "the time cursor while playing");
        robot.clickOn("#stop");

        // the waveform overview above the spectrograms has its picture
        w.await(() -> ((javafx.scene.layout.Pane) robot.lookup("#waveform-overview").query()).lookupAll(".image-view").stream()
                .anyMatch(n -> ((javafx.scene.image.ImageView) n).getImage() != null), "the waveform overview");

        // the difference view replaces the rebuild's picture
        robot.clickOn("#difference");
        assertThat(onFx(() -> w.window.root().lookupAll(".spectrogram-caption").stream()
                .map(n -> ((Label) n).getText()).toList())).anyMatch(t -> t.startsWith("Rebuild − original"));
        robot.clickOn("#difference");

        // rebuild into the simulator: the indicator and the log
        w.await(() -> "Live: simulator".equals(w.vm.liveStatus().get()), "the Live check");
        Label indicator = robot.lookup("#live-status").queryAs(Label.class);
        assertThat(indicator.getStyleClass()).contains("live-on");
        robot.clickOn("#rebuild");
        w.await(() -> !w.vm.rebuilding().get() && w.vm.log().stream().anyMatch(l -> l.startsWith("rebuilt on track")),
                "the rebuild");
        ListView<?> log = robot.lookup("#log").queryAs(ListView.class);
        assertThat(onFx(() -> List.copyOf(log.getItems()))).anyMatch(l -> l.toString().startsWith("rebuilt on track"));
        assertThat(sim.snapshot().track("Un-Mixer").deviceNames()).contains("Wavetable");

        // exports through the save seam
        w.nextSaveName = "pluck-window.adg";
        robot.interact(() -> w.window.exportRack(RackKind.INSTRUMENT));
        w.await(() -> Files.isRegularFile(temp.resolve("pluck-window.adg")), "the rack preset");
        w.nextSaveName = "pluck-window.json";
        robot.interact(() -> w.window.exportPatch());
        w.await(() -> Files.isRegularFile(temp.resolve("pluck-window.json")), "the patch JSON");
        w.nextSaveName = "pluck-window.wav";
        robot.interact(() -> w.window.exportWav());
        w.await(() -> w.vm.log().stream().anyMatch(l -> l.startsWith("exported ") && l.endsWith("pluck-window.wav")),
                "the rebuilt WAV");
        assertThat(Files.size(temp.resolve("pluck-window.adg"))).isPositive();
        assertThat(Files.size(temp.resolve("pluck-window.wav"))).isPositive();
    }

    @Test
    void aBadFileShowsOneLineWithTheNextStepAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Path junk = temp.resolve("junk.wav");
        Files.write(junk, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
        robot.interact(() -> w.window.drops().drop(List.of(junk.toFile())));
        w.await(() -> "failed".equals(w.vm.stage().get()) && !w.vm.busy().get(), "the failure");
        String line = robot.lookup("#error-line").queryAs(Label.class).getText();
        assertThat(line).contains("junk.wav").contains(NextStep.after(onFx(() -> w.vm.error().get()))).doesNotContain("\n");
        Node open = robot.lookup("#open").query();
        assertThat(open.isDisabled()).isFalse();
        assertThat(robot.lookup("#example").queryButton().isDisabled()).isFalse();
        assertThat(w.window.drops().drop(List.of(temp.resolve("notes.txt").toFile()))).isFalse();
    }

    @Test
    void withoutLiveARebuildSaysSoAndTheRestStaysUsable(FxRobot robot) throws Exception {
        try (Session nowhere = new Session(new Session.Settings(Session.Settings.defaults().modelDir(),
                new LiveLink.Settings(freePort(), 0, freePort(), 0, 300)))) {
            w.close();
            WindowFixture[] made = new WindowFixture[1];
            robot.interact(() -> made[0] = new WindowFixture(new Stage(), nowhere, 0, temp));
            w = made[0];
            w.vm.checkLive();
            robot.interact(() -> w.window.open(EXAMPLE));
            w.await(() -> "done".equals(w.vm.stage().get()) && w.vm.patch().get() != null, "the estimate");
            w.await(() -> w.vm.liveStatus().get().startsWith("Live: not found"), "the Live check");
            assertThat(robot.from(w.window.root()).lookup("#live-status").queryAs(Label.class).getStyleClass()).contains("live-off");
            robot.interact(() -> robot.from(w.window.root()).lookup("#rebuild").queryButton().fire());
            w.await(() -> !w.vm.rebuilding().get() && !w.vm.error().get().isEmpty(), "the rebuild to fail");
            String line = robot.from(w.window.root()).lookup("#error-line").queryAs(Label.class).getText();
            assertThat(line).doesNotContain("\n").contains(NextStep.after(onFx(() -> w.vm.error().get())));
            assertThat(robot.from(w.window.root()).lookup("#export").query().isDisabled()).isFalse();
            w.nextSaveName = "offline.json";
            robot.interact(() -> w.window.exportPatch());
            w.await(() -> Files.isRegularFile(temp.resolve("offline.json")), "an export without Live");
        }
    }

    private static int freePort() {
        return org.unmixer.testing.FreePorts.udp();
    }
}
