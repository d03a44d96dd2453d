package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.List;

/** A track: name, MIDI or audio, its devices in chain order, and {@link #CLIP_SLOTS} clip slots. */
final class SimTrack {
    /** Clip slots per track (the simulated set has 8 scenes). */
    static final int CLIP_SLOTS = 8;

    String name;
    final boolean midi;
    final List<SimDevice> devices = new ArrayList<>();
    final SimClip[] clips = new SimClip[CLIP_SLOTS];

    SimTrack(String name, boolean midi) {
        this.name = name;
        this.midi = midi;
    }
}
