package org.unmixer.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.unmixer.app.audio.AbPlayer;
import org.unmixer.app.audio.AbSource;
import org.unmixer.app.audio.PlaybackListener;
import org.unmixer.audio.AudioBuffer;

/**
 * Transport for the A/B player: play the original (A), play the rebuild (B), the A/B switch (also
 * the space bar, see {@link MainWindow}), stop and loop. Player commands run on {@code playerWork}
 * (opening a sound card or converting a sound can take a moment); the player's B follows
 * {@link MainViewModel#rebuild()}. What the player reports comes back through {@code Platform.runLater}.
 */
final class TransportBar extends HBox {
    private final AbPlayer player;
    private final Executor playerWork;
    private final ReadOnlyDoubleWrapper playhead = new ReadOnlyDoubleWrapper(0);
    private final Label sourceLabel = new Label("A: original");
    private final Label status = new Label();
    private AudioBuffer loadedOriginal;

    TransportBar(MainViewModel vm, AbPlayer player, Executor playerWork) {
        this.player = player;
        this.playerWork = playerWork;
        getStyleClass().add("transport-bar");
        Button playA = button("Play original", "play-original", () -> {
            player.setSource(AbSource.A);
            player.play();
        });
        Button playB = button("Play rebuild", "play-rebuild", () -> {
            player.setSource(AbSource.B);
            player.play();
        });
        Button ab = button("A/B  (space)", "ab", player::toggleSource);
        Button stop = button("Stop", "stop", player::stop);
        CheckBox loop = new CheckBox("Loop");
        loop.setId("loop");
        loop.setFocusTraversable(false);
        loop.selectedProperty().addListener((o, was, now) -> playerWork.execute(() -> player.setLooping(now)));
        for (Button b : new Button[] {playA, playB, ab, stop}) {
            b.disableProperty().bind(vm.rebuild().isNull());
        }
        sourceLabel.setId("ab-source");
        sourceLabel.getStyleClass().add("ab-source");
        status.setId("player-status");
        status.getStyleClass().add("player-status");
        getChildren().addAll(playA, playB, ab, stop, loop, sourceLabel, status);

        player.addListener(new PlaybackListener() {
            @Override
            public void positionChanged(double seconds) {
                Platform.runLater(() -> playhead.set(seconds));
            }

            @Override
            public void stateChanged(boolean playing, AbSource source) {
                Platform.runLater(() -> sourceLabel.setText(
                        (source == AbSource.A ? "A: original" : "B: rebuild") + (playing ? " ▶" : "")));
            }

            @Override
            public void statusChanged(String line) {
                Platform.runLater(() -> status.setText(line));
            }
        });
        status.setText(player.status());
        vm.rebuild().addListener((o, was, now) -> follow(vm.original().get(), now));
    }

    /** Loads a new pair, or swaps only B when the original is the one already loaded. */
    private void follow(AudioBuffer original, AudioBuffer rebuild) {
        if (original == null || rebuild == null) {
            return;
        }
        boolean same = original == loadedOriginal;
        loadedOriginal = original;
        playerWork.execute(() -> {
            if (same) {
                player.setB(rebuild);
            } else {
                player.load(original, rebuild);
            }
        });
    }

    /** The A/B switch, as the space bar calls it. */
    void toggle() {
        if (loadedOriginal != null) {
            playerWork.execute(player::toggleSource);
        }
    }

    /** Where the player is, in seconds (for the spectrogram cursor). */
    ReadOnlyDoubleProperty playhead() {
        return playhead.getReadOnlyProperty();
    }

    private Button button(String text, String id, Runnable command) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> playerWork.execute(command));
        return b;
    }
}
