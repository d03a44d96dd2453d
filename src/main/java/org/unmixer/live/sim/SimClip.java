package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A MIDI clip in a clip slot: its length in beats, its notes and whether it is playing. */
final class SimClip {
    final double lengthBeats;
    final List<SimNote> notes = new ArrayList<>();
    boolean playing;

    SimClip(double lengthBeats) {
        this.lengthBeats = lengthBeats;
    }

    /** Notes by start time, then pitch (the order {@code get_notes} returns in the simulator). */
    List<SimNote> sortedNotes() {
        List<SimNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(SimNote::startBeats).thenComparingInt(SimNote::pitch));
        return sorted;
    }
}
