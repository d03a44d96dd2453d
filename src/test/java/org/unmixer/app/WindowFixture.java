package org.unmixer.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.unmixer.app.audio.AbPlayer;
import org.unmixer.app.audio.PlaybackFormat;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.Session;

/**
 * The real window on a TestFX stage with a fake sound card, preferences in a temporary folder and
 * file prompts that answer with fixed paths (the FileChooser seam).
 */
final class WindowFixture implements AutoCloseable {
    final FakeOutput output = new FakeOutput();
    final AbPlayer player = AbPlayer.start(output, PlaybackFormat.DEFAULT);
    final ExecutorService background = Executors.newFixedThreadPool(2, UnmixerApp.daemon("test-work"));
    final ExecutorService viewWork = Executors.newSingleThreadExecutor(UnmixerApp.daemon("test-view"));
    final ExecutorService playerWork = Executors.newSingleThreadExecutor(UnmixerApp.daemon("test-player"));
    final MainViewModel vm;
    final MainWindow window;
    final AppPreferences prefs;
    /** What the next save prompt answers (a file name under the temporary folder). */
    volatile String nextSaveName = "out.adg";

    WindowFixture(Stage stage, Session session, int itfSteps, Path temp) {
        vm = new MainViewModel(session, EstimationOptions.DEFAULT.withItfSteps(itfSteps), Platform::runLater, background);
        prefs = AppPreferences.load(temp.resolve("window.json"));
        prefs.rememberFolderOf(temp);
        FilePrompts prompts = new FilePrompts() {
            @Override
            public Optional<Path> openSound(Path folder) {
                return Optional.of(Path.of("assets/examples/pluck.wav"));
            }

            @Override
            public Optional<Path> saveAs(Path folder, String suggestedName, String description, String extension) {
                return Optional.of(temp.resolve(nextSaveName));
            }
        };
        window = new MainWindow(new MainWindow.Services(vm, player, viewWork, playerWork, prefs, prompts));
        window.show(stage);
    }

    /** Waits for a condition read on the FX thread; generous, for a loaded 2-core machine. */
    void await(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; stage " + onFx(() -> vm.stage().get())
                + ", error " + onFx(() -> vm.error().get()));
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        vm.cancel();
        background.shutdownNow();
        viewWork.shutdownNow();
        playerWork.shutdownNow();
        player.close();
    }
}
