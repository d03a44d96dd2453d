package org.unmixer.app.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The player's listeners, safe to add to and remove from while they are being called. */
final class PlaybackListeners {
    private final List<PlaybackListener> listeners = new CopyOnWriteArrayList<>();

    void add(PlaybackListener l) {
        listeners.add(l);
    }

    void remove(PlaybackListener l) {
        listeners.remove(l);
    }

    void position(double seconds) {
        listeners.forEach(l -> l.positionChanged(seconds));
    }

    void state(boolean playing, AbSource source) {
        listeners.forEach(l -> l.stateChanged(playing, source));
    }

    void status(String status) {
        listeners.forEach(l -> l.statusChanged(status));
    }
}
