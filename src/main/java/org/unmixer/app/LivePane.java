package org.unmixer.app;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Rebuild in Ableton: the button, the connection indicator ({@link MainViewModel#liveStatus()}) and
 * the log of what happened. A rack preset that Live could not take directly goes to {@code presetFolder}.
 */
final class LivePane extends VBox {
    LivePane(MainViewModel vm, Supplier<Path> presetFolder) {
        getStyleClass().add("live-pane");
        Button rebuild = new Button("Rebuild in Ableton");
        rebuild.setId("rebuild");
        rebuild.getStyleClass().add("accent");
        rebuild.disableProperty().bind(vm.patch().isNull().or(vm.rebuilding()));
        rebuild.setOnAction(e -> vm.rebuildInLive(presetFolder.get()));
        Button check = new Button("Check");
        check.setId("check-live");
        check.setOnAction(e -> vm.checkLive());
        Label indicator = new Label();
        indicator.setId("live-status");
        indicator.textProperty().bind(vm.liveStatus());
        indicator.getStyleClass().add("live-indicator");
        vm.liveStatus().addListener((o, was, now) -> mark(indicator, now));
        mark(indicator, vm.liveStatus().get());
        HBox row = new HBox(8, rebuild, check, indicator);
        row.getStyleClass().add("live-row");

        ListView<String> log = new ListView<>(vm.log());
        log.setId("log");
        log.getStyleClass().add("log");
        VBox.setVgrow(log, Priority.ALWAYS);
        vm.log().addListener((ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
        Label title = new Label("Log");
        title.getStyleClass().add("section-title");
        getChildren().addAll(row, title, log);
    }

    /** Green when someone answers (Live or the simulator), grey otherwise. */
    private static void mark(Label indicator, String status) {
        indicator.getStyleClass().removeAll("live-on", "live-off");
        boolean on = status.endsWith("connected") || status.endsWith("simulator");
        indicator.getStyleClass().add(on ? "live-on" : "live-off");
    }
}
