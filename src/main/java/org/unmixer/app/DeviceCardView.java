package org.unmixer.app;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One device of the chain as a card, like a device in Live's device view (shows a {@link DeviceCard}). */
final class DeviceCardView extends VBox {
    DeviceCardView(DeviceCard card) {
        getStyleClass().add("device-card");
        Label title = new Label(card.device());
        title.getStyleClass().add("device-title");
        Label confidence = new Label(confidenceText(card.confidence()));
        confidence.getStyleClass().add("device-confidence");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, gap, confidence);
        header.getStyleClass().add("device-header");

        GridPane knobs = new GridPane();
        knobs.getStyleClass().add("device-knobs");
        int row = 0;
        for (DeviceCard.Knob k : card.knobs()) {
            Label name = new Label(k.name());
            name.getStyleClass().add("knob-name");
            Label text = new Label(k.text());
            text.getStyleClass().add("knob-text");
            knobs.addRow(row++, name, new UncertaintyBar(k), text);
        }
        getChildren().addAll(header, knobs);
    }

    static String confidenceText(double confidence) {
        return Double.isNaN(confidence) ? "—" : String.format(Locale.ROOT, "%.0f %%", 100 * confidence);
    }
}
