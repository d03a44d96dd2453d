package org.unmixer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

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
        VBox root = new VBox(10, button, slider);
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

    @Test
    void robotDragsTheSliderThumbToTheRight(FxRobot robot) {
        robot.drag("#steps .thumb").moveBy(150, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slider.getValue()).isGreaterThan(30.0);
    }
}
