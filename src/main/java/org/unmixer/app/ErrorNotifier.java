package org.unmixer.app;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows each new error of the view-model as a ControlsFX notification with the next step to take,
 * or as a non-blocking Alert when a notification cannot be shown. The window stays usable.
 */
final class ErrorNotifier {
    private final MainViewModel vm;
    private final Node owner;

    ErrorNotifier(MainViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
    }

    void install() {
        vm.error().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                show(now);
            }
        });
    }

    private void show(String message) {
        String text = message + "\n" + NextStep.after(message);
        try {
            if (owner.getScene() == null || owner.getScene().getWindow() == null) {
                throw new IllegalStateException("no window yet");
            }
            Notifications.create().title("Neural Un-Mixer").text(text).owner(owner.getScene().getWindow())
                    .hideAfter(Duration.seconds(8)).showError();
        } catch (RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, text);
            alert.setHeaderText("Something went wrong");
            alert.show();
        }
    }
}
