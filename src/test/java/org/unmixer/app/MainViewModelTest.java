package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.Session;

/** The window's view-model without a toolkit: a single "UI" thread stands in for the FX thread. */
class MainViewModelTest {
    private static Session session;
    private static ExecutorService ui;
    private static ExecutorService background;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        session = new Session(Session.Settings.defaults());
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        background = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
        ui.shutdownNow();
        session.close();
    }

    private MainViewModel viewModel() {
        return new MainViewModel(session, EstimationOptions.DEFAULT.withItfSteps(4), ui, background);
    }

    /** Waits for a condition read on the UI thread (generous: a loaded 2-core machine). */
    private static void await(BooleanSupplier condition) throws Exception {
        await(condition, null);
    }

    private static void await(BooleanSupplier condition, MainViewModel vm) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (ui.submit(condition::getAsBoolean).get(10, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for the view-model"
                + (vm == null ? "" : onUi(() -> ": stage " + vm.stage().get() + ", error " + vm.error().get())));
    }

    private static <T> T onUi(java.util.concurrent.Callable<T> read) throws Exception {
        return ui.submit(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDroppedFileShowsItsChainAndTheSliderScrubsTheStoredSteps() throws Exception {
        MainViewModel vm = viewModel();
        vm.open(Path.of("assets/examples/pluck.wav"));
        await(() -> !vm.busy().get() && "done".equals(vm.stage().get()) && vm.rebuild().get() != null);
        assertThat(onUi(() -> vm.fileLine().get())).startsWith("pluck.wav · ").contains("kHz");
        assertThat(onUi(() -> vm.cards().get(0).device())).isEqualTo("Wavetable");
        assertThat(onUi(() -> vm.cards().get(0).knobs())).isNotEmpty()
                .allSatisfy(k -> assertThat(k.lowTheta()).isLessThanOrEqualTo(k.theta()).isGreaterThanOrEqualTo(0));
        assertThat(onUi(() -> vm.chains().size())).isGreaterThan(1);
        assertThat(onUi(() -> vm.itfLastStep().get())).isEqualTo(4);

        ui.submit(() -> vm.itfStep().set(0)).get();
        var atZero = onUi(() -> vm.patch().get());
        double distanceAtZero = onUi(() -> vm.referenceDistance().get());
        ui.submit(() -> vm.itfStep().set(4)).get();
        assertThat(onUi(() -> vm.patch().get())).isNotEqualTo(atZero);
        assertThat(onUi(() -> vm.referenceDistance().get())).isNotEqualTo(distanceAtZero).isFinite();
        await(() -> vm.rebuild().get() != null && vm.rebuild().get().equals(session.render(vm.patch().get())));

        int refined = onUi(() -> vm.selectedChain().get()); // the chain ITF refined is the one selected
        ui.submit(() -> vm.selectedChain().set((refined + 1) % vm.chains().size())).get();
        assertThat(onUi(() -> vm.patch().get())).isEqualTo(onUi(() -> vm.patch().get()));
        assertThat(onUi(() -> Double.isNaN(vm.referenceDistance().get()))).isTrue();
    }

    @Test
    void aBadFileGivesOneLineAndKeepsWhatWasThere() throws Exception {
        MainViewModel vm = viewModel();
        vm.open(Path.of("assets/examples/pluck.wav"));
        await(() -> !vm.busy().get() && "done".equals(vm.stage().get()), vm);
        var before = onUi(() -> vm.patch().get());
        Path junk = temp.resolve("junk.wav");
        Files.write(junk, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
        vm.open(junk);
        await(() -> !vm.busy().get() && "failed".equals(vm.stage().get()));
        assertThat(onUi(() -> vm.error().get())).contains("junk.wav").doesNotContain("\n");
        assertThat(onUi(() -> vm.patch().get())).isEqualTo(before);
        assertThat(onUi(() -> vm.log().get(vm.log().size() - 1))).startsWith("error: ");
    }

    @Test
    void aNewDropCancelsTheRunningJob() throws Exception {
        MainViewModel vm = new MainViewModel(session, EstimationOptions.DEFAULT.withItfSteps(1000), ui, background);
        vm.open(Path.of("assets/examples/pluck.wav"));
        await(() -> vm.stage().get().startsWith("refining"));
        MainViewModel.class.getMethod("cancel").invoke(vm);
        await(() -> !vm.busy().get());
        assertThat(onUi(() -> vm.stage().get())).isEqualTo("cancelled");
    }

    @Test
    void rebuildsIntoTheSimulatorShowsTheIndicatorAndLogsAndExports() throws Exception {
        int reply = freePort();
        int deviceReply = freePort();
        try (var sim = org.unmixer.live.sim.LiveSetSimulator.start(org.unmixer.live.sim.LiveSimOptions.defaults().withTickMs(10)
                .withPorts(0, reply, 0, deviceReply))) {
            Session toSim = new Session(new Session.Settings(session.settings().modelDir(),
                    new org.unmixer.live.LiveLink.Settings(sim.abletonOscPort(), reply, sim.devicePort(), deviceReply, 2000)));
            MainViewModel vm = new MainViewModel(toSim, EstimationOptions.DEFAULT, ui, background);
            vm.checkLive();
            await(() -> vm.liveStatus().get().equals("Live: simulator"), vm);
            vm.open(Path.of("assets/examples/pluck.wav"));
            await(() -> !vm.busy().get() && "done".equals(vm.stage().get()), vm);
            vm.rebuildInLive(temp);
            await(() -> !vm.rebuilding().get() && vm.log().stream().anyMatch(l -> l.startsWith("rebuilt on track")), vm);
            assertThat(onUi(() -> vm.error().get())).isEmpty();
            assertThat(onUi(() -> List.copyOf(vm.log()))).anyMatch(l -> l.startsWith("connected: the Live set simulator"));
            assertThat(sim.snapshot().track("Un-Mixer").deviceNames()).contains("Wavetable", "Un-Mixer Link");

            vm.export(temp.resolve("pluck.adg"), org.unmixer.preset.RackKind.INSTRUMENT);
            vm.export(temp.resolve("pluck.json"), org.unmixer.preset.RackKind.INSTRUMENT);
            vm.export(temp.resolve("pluck-rebuild.wav"), org.unmixer.preset.RackKind.INSTRUMENT);
            await(() -> vm.log().stream().filter(l -> l.startsWith("exported ")).count() == 3, vm);
            assertThat(temp.resolve("pluck.adg")).exists();
            assertThat(temp.resolve("pluck.json")).exists();
            assertThat(temp.resolve("pluck-rebuild.wav")).exists();
            toSim.close();
        }
    }

    @Test
    void liveGoneMidRebuildIsOneLineAndTheWindowStaysUsable() throws Exception {
        int reply = freePort();
        int deviceReply = freePort();
        var sim = org.unmixer.live.sim.LiveSetSimulator.start(org.unmixer.live.sim.LiveSimOptions.defaults().withTickMs(100)
                .withPorts(0, reply, 0, deviceReply));
        Session toSim = new Session(new Session.Settings(session.settings().modelDir(),
                new org.unmixer.live.LiveLink.Settings(sim.abletonOscPort(), reply, sim.devicePort(), deviceReply, 1000)));
        MainViewModel vm = new MainViewModel(toSim, EstimationOptions.DEFAULT, ui, background);
        vm.open(Path.of("assets/examples/pluck.wav"));
        await(() -> !vm.busy().get() && "done".equals(vm.stage().get()), vm);
        vm.log().addListener((javafx.collections.ListChangeListener<String>) change -> {
            if (vm.log().stream().anyMatch(l -> l.startsWith("connected:"))) {
                sim.close(); // Live quits (or crashes) while we rebuild; at a 100 ms tick the rebuild is far from done
            }
        });
        vm.rebuildInLive(temp);
        await(() -> !vm.rebuilding().get(), vm);
        await(() -> !vm.error().get().isEmpty(), vm);
        assertThat(onUi(() -> vm.error().get())).doesNotContain("\n");
        // The estimate is still there: scrubbing and exporting work.
        vm.export(temp.resolve("after.json"), org.unmixer.preset.RackKind.INSTRUMENT);
        await(() -> vm.log().stream().anyMatch(l -> l.startsWith("exported ")), vm);
        assertThat(temp.resolve("after.json")).exists();
        sim.close();
        toSim.close();
    }

    @Test
    void aMissingModelIsOneLineNamingTheFile() throws Exception {
        Session noModel = new Session(new Session.Settings(temp.resolve("no-model"), org.unmixer.live.LiveLink.Settings.defaults()));
        MainViewModel vm = new MainViewModel(noModel, EstimationOptions.DEFAULT, ui, background);
        vm.open(Path.of("assets/examples/pluck.wav"));
        await(() -> !vm.busy().get() && "failed".equals(vm.stage().get()), vm);
        assertThat(onUi(() -> vm.error().get())).contains("model.json").doesNotContain("\n");
        // The sound itself was read and is shown.
        assertThat(onUi(() -> vm.original().get())).isNotNull();
        noModel.close();
    }

    @Test
    void noLiveShowsNotFoundAndARebuildFailsWithOneLine() throws Exception {
        Session nowhere = new Session(new Session.Settings(session.settings().modelDir(),
                new org.unmixer.live.LiveLink.Settings(freePort(), 0, freePort(), 0, 300)));
        MainViewModel vm = new MainViewModel(nowhere, EstimationOptions.DEFAULT, ui, background);
        vm.checkLive();
        await(() -> vm.liveStatus().get().startsWith("Live: not found"), vm);
        nowhere.close();
    }

    private static int freePort() {
        return org.unmixer.testing.FreePorts.udp();
    }

    @Test
    void theRefinedChainNamesWhatItsBestStepPlays() {
        org.unmixer.params.Catalog c = org.unmixer.params.Catalog.standard();
        org.unmixer.dsp.patch.Patch start = new org.unmixer.dsp.patch.Patch(
                new org.unmixer.dsp.patch.SourceSpec(org.unmixer.dsp.patch.SourceKind.NOISE, 60, 100, 0.3, 0.1, 1),
                java.util.Optional.empty(), java.util.List.of(c.device("Saturator").defaults(), c.device("Reverb").defaults()));
        assertThat(MainViewModel.refinedChainText(start, start)).isEqualTo("Saturator → Reverb");
        assertThat(MainViewModel.refinedChainText(start, start.withChain(java.util.List.of(c.device("Reverb").defaults()))))
                .isEqualTo("Reverb  (refined from Saturator → Reverb)");
    }
}
