package org.unmixer.app;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The predicted chain as device cards in signal order, and the top-K alternative chains beside it
 * (selecting one binds {@link MainViewModel#selectedChain()}).
 */
final class ChainView extends BorderPane {
    private final HBox cards = new HBox();
    private final ListView<MainViewModel.ChainChoice> alternatives = new ListView<>();
    private boolean syncing;

    ChainView(MainViewModel vm) {
        getStyleClass().add("chain-view");
        cards.getStyleClass().add("device-row");
        cards.setId("cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.getStyleClass().add("device-scroll");
        scroll.setFitToHeight(true);
        setCenter(scroll);

        alternatives.setId("chains");
        alternatives.setItems(vm.chains());
        alternatives.setPrefWidth(260);
        alternatives.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MainViewModel.ChainChoice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null
                        : String.format(Locale.ROOT, "%d. %s  (%.0f %%)", c.rank(), c.chain(), 100 * c.probability()));
            }
        });
        Label heading = new Label("Alternative chains");
        heading.getStyleClass().add("section-title");
        VBox side = new VBox(4, heading, alternatives);
        side.getStyleClass().add("chain-side");
        setRight(side);

        vm.cards().addListener((ListChangeListener<DeviceCard>) c -> show(vm));
        alternatives.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!syncing && now.intValue() >= 0) {
                vm.selectedChain().set(now.intValue());
            }
        });
        vm.selectedChain().addListener((o, was, now) -> select(now.intValue()));
        vm.chains().addListener((ListChangeListener<MainViewModel.ChainChoice>) c -> select(vm.selectedChain().get()));
        show(vm);
    }

    private void select(int index) {
        syncing = true;
        try {
            if (index >= 0 && index < alternatives.getItems().size()) {
                alternatives.getSelectionModel().select(index);
            }
        } finally {
            syncing = false;
        }
    }

    private void show(MainViewModel vm) {
        cards.getChildren().clear();
        if (vm.cards().isEmpty()) {
            Label empty = new Label("The estimated chain appears here.");
            empty.getStyleClass().add("placeholder");
            cards.getChildren().add(empty);
            return;
        }
        for (DeviceCard card : vm.cards()) {
            cards.getChildren().add(new DeviceCardView(card));
        }
    }
}
