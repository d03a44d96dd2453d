package org.unmixer.app;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.unmixer.app.audio.AbPlayer;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.Locations;
import org.unmixer.session.Session;

/**
 * The JavaFX application: builds the session, the view-model and the A/B player, shows the
 * {@link MainWindow}, checks for Live and opens the bundled example so a new user sees something at once.
 */
public final class UnmixerApp extends Application {
    /**
     * ITF steps the window refines with: enough stored steps for the slider to scrub (a few seconds
     * on a CPU for the example). Set with {@code -Dunmixer.itfSteps=N}.
     */
    public static final int DEFAULT_ITF_STEPS = 50;

    private Session session;
    private ExecutorService background;
    private ExecutorService viewWork;
    private ExecutorService playerWork;
    private AbPlayer player;

    @Override
    public void start(Stage stage) {
        AppPreferences prefs = AppPreferences.load(AppPreferences.defaultFile());
        session = new Session(Session.Settings.defaults());
        background = Executors.newFixedThreadPool(2, daemon("unmixer-work"));
        viewWork = Executors.newSingleThreadExecutor(daemon("unmixer-view"));
        playerWork = Executors.newSingleThreadExecutor(daemon("unmixer-player"));
        player = AbPlayer.start();
        EstimationOptions options = EstimationOptions.DEFAULT.withItfSteps(Integer.getInteger("unmixer.itfSteps", DEFAULT_ITF_STEPS));
        MainViewModel vm = new MainViewModel(session, options, Platform::runLater, background);
        MainWindow window = new MainWindow(new MainWindow.Services(vm, player, viewWork, playerWork, prefs,
                new FileChooserPrompts(stage)));
        window.show(stage);
        vm.checkLive();
        if (Files.isRegularFile(Locations.exampleSound())) {
            window.open(Locations.exampleSound());
        }
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
            viewWork.shutdownNow();
            playerWork.shutdownNow();
        }
        if (player != null) {
            player.close();
        }
        if (session != null) {
            session.close();
        }
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
