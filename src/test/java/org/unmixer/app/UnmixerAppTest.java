package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The application as the user starts it: real session, real sound card (none here, which must not
 * stop it), the bundled example opened at once. The user's config folder is redirected to a
 * temporary one so the test leaves nothing behind.
 */
class UnmixerAppTest {
    @TempDir
    Path home;

    private String realHome;
    private javafx.application.Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        System.setProperty("unmixer.itfSteps", "3");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(UnmixerApp.class);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        robot.interact(() -> FxToolkit.toolkitContext().getRegisteredStage().setOnHiding(null));
        System.setProperty("user.home", realHome);
        System.clearProperty("unmixer.itfSteps");
    }

    @Test
    void opensWithTheExampleEstimatedAndNeedsNoSoundCard() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline && !"done".equals(text("#stage"))) {
            Thread.sleep(200);
        }
        assertThat(text("#stage")).isEqualTo("done");
        assertThat(text("#file-line")).startsWith("pluck.wav · ");
        assertThat(robot.lookup(".device-card").queryAll()).isNotEmpty();
        // three ITF steps were taken; the slider sits on the closest one, whichever that is
        assertThat(text("#itf-step")).matches("step [0-3] / 3");
        while (System.nanoTime() < deadline && text("#compute-device").endsWith("…")) {
            Thread.sleep(200);
        }
        assertThat(text("#compute-device")).matches("compute: (CPU|GPU \\(\\d+\\))");
        // without a sound card, Play says why in the status and nothing fails
        robot.clickOn("#play-original");
        while (System.nanoTime() < deadline && text("#player-status").isEmpty() && !text("#ab-source").endsWith("▶")) {
            Thread.sleep(100);
        }
        assertThat(text("#player-status").isEmpty() ? text("#ab-source") : text("#player-status"))
                .satisfiesAnyOf(t -> assertThat(t).endsWith("▶"), t -> assertThat(t).startsWith("no audio output device"));

        // closing the window remembers its size in the (redirected) config folder
        FxToolkit.cleanupStages();
        assertThat(home.resolve(".config/neural-unmixer/window.json")).isRegularFile();
    }

    private String text(String id) throws Exception {
        return WindowFixture.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
