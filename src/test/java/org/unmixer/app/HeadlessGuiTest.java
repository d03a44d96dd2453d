package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unmixer.app.fx.Snapshots;

/**
 * Proves TestFX drives a real stage without a display: the robot clicks a button and drags a
 * slider's thumb, and both controls react. The headless set-up (Monocle, software rendering, glass
 * robot) comes from the surefire configuration in {@code pom.xml}.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessGuiTest {
    private final AtomicInteger clicks = new AtomicInteger();
    private Slider slider;

    @Start
    void start(Stage stage) {
        Button button = new Button("Play");
        button.setId("play");
        button.setOnAction(e -> clicks.incrementAndGet());
        slider = new Slider(0, 100, 0);
        slider.setId("steps");
        slider.setOrientation(Orientation.HORIZONTAL);
        slider.setPrefWidth(300);
        Button blank = new Button("");
        blank.setId("blank");
        for (Button b : new Button[] {button, blank}) {
            b.setMinSize(80, 30);
            b.setPrefSize(80, 30);
            b.setMaxSize(80, 30);
            b.setFocusTraversable(false); // a focus ring would make the snapshots differ in size
        }
        VBox root = new VBox(10, button, slider, blank);
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void robotClicksTheButton(FxRobot robot) {
        robot.clickOn("#play");
        robot.clickOn("#play");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicks).hasValue(2);
    }

    /** Fonts work without a display: the same button with and without its label snapshots differently. */
    @Test
    void buttonLabelsAreRenderedHeadless(FxRobot robot, @TempDir Path dir) throws IOException {
        Path labelled = dir.resolve("play.png");
        Path blank = dir.resolve("blank.png");
        Snapshots.savePng(robot.lookup("#play").query(), labelled);
        Snapshots.savePng(robot.lookup("#blank").query(), blank);
        BufferedImage a = ImageIO.read(labelled.toFile());
        BufferedImage b = ImageIO.read(blank.toFile());
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("pixels changed by the label").isGreaterThan(20);
    }

    @Test
    void robotDragsTheSliderThumbToTheRight(FxRobot robot) {
        robot.drag("#steps .thumb").moveBy(150, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slider.getValue()).isGreaterThan(30.0);
    }
}
