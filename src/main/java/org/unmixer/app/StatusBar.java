package org.unmixer.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.unmixer.session.Session;

/**
 * Progress and stage of the running job with its Cancel button, the last error in one line with
 * the next step, and what the model computes on ({@link Session#computeDevice()}).
 */
final class StatusBar extends HBox {
    StatusBar(MainViewModel vm, Executor work) {
        getStyleClass().add("status-bar");
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progress());
        progress.visibleProperty().bind(vm.busy());
        Label stage = new Label();
        stage.setId("stage");
        stage.textProperty().bind(vm.stage());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(vm.busy());
        cancel.setOnAction(e -> vm.cancel());
        Label error = new Label();
        error.setId("error-line");
        error.getStyleClass().add("error-line");
        vm.error().addListener((o, was, now) -> error.setText(now.isEmpty() ? "" : now + " — " + NextStep.after(now)));
        HBox.setHgrow(error, Priority.ALWAYS);
        error.setMaxWidth(Double.MAX_VALUE);
        error.setMinWidth(0);
        Region gap = new Region();
        Label device = new Label("compute: …");
        device.setId("compute-device");
        device.getStyleClass().add("compute-device");
        getChildren().addAll(progress, stage, cancel, error, gap, device);
        work.execute(() -> {
            String d;
            try {
                d = Session.computeDevice();
            } catch (RuntimeException | LinkageError e) {
                d = "unknown (" + e.getClass().getSimpleName() + ")";
            }
            String shown = "compute: " + d;
            Platform.runLater(() -> device.setText(shown));
        });
    }
}
