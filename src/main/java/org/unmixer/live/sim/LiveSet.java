package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.live.LiveVersion;
import org.unmixer.params.Catalog;

/**
 * The simulated Live set: tracks with devices and clips, tempo, transport and the Live version.
 * Operations behave as the Live Object Model does (ableton-integration.md §2) and throw
 * {@link LiveError} where Live throws. Not thread-safe: {@link LiveSetSimulator} calls it under
 * one lock.
 */
final class LiveSet {
    /** Name of the track that holds our Max device in a fresh simulated set. */
    static final String LINK_TRACK_NAME = "Un-Mixer";
    static final double DEFAULT_TEMPO = 120;

    final List<SimTrack> tracks = new ArrayList<>();
    final DeviceFactory factory;
    LiveVersion version;
    double tempo = DEFAULT_TEMPO;
    boolean playing;
    int selectedTrack;
    /** The last {@code /live/api/show_message} text (Live's status bar). */
    String statusMessage = "";

    LiveSet(Catalog catalog, LiveVersion version) {
        this.factory = new DeviceFactory(catalog);
        this.version = version;
    }

    // ---- lookups (index checks as Live's vectors do) ----------------------------------------

    SimTrack track(int t) {
        if (t < 0 || t >= tracks.size()) {
            throw LiveError.index();
        }
        return tracks.get(t);
    }

    SimDevice device(int t, int d) {
        SimTrack track = track(t);
        if (d < 0 || d >= track.devices.size()) {
            throw LiveError.index();
        }
        return track.devices.get(d);
    }

    SimParameter parameter(int t, int d, int p) {
        SimDevice device = device(t, d);
        if (p < 0 || p >= device.parameters.size()) {
            throw LiveError.index();
        }
        return device.parameters.get(p);
    }

    static int slotIndex(int s) {
        if (s < 0 || s >= SimTrack.CLIP_SLOTS) {
            throw LiveError.index();
        }
        return s;
    }

    SimClip clip(int t, int s) {
        SimClip clip = track(t).clips[slotIndex(s)];
        if (clip == null) {
            throw LiveError.other("No clip in clip slot " + s + " of track " + t);
        }
        return clip;
    }

    /** Where the Max device is, as {trackIndex, deviceIndex}, or {@code null} when it is not in the set. */
    int[] findLink(SimDevice link) {
        for (int t = 0; t < tracks.size(); t++) {
            int d = tracks.get(t).devices.indexOf(link);
            if (d >= 0) {
                return new int[] {t, d};
            }
        }
        return null;
    }

    // ---- song -------------------------------------------------------------------------------

    /** {@code Song.create_midi_track(index)}: −1 appends; returns the new track's index. */
    int createMidiTrack(int index) {
        if (index < -1 || index > tracks.size()) {
            throw LiveError.index();
        }
        int at = index == -1 ? tracks.size() : index;
        tracks.add(at, new SimTrack((at + 1) + "-MIDI", true));
        return at;
    }

    void deleteTrack(int index) {
        track(index);
        tracks.remove(index);
        if (selectedTrack >= tracks.size()) {
            selectedTrack = Math.max(0, tracks.size() - 1);
        }
    }

    // ---- devices ----------------------------------------------------------------------------

    /**
     * {@code Track.insert_device(name, index)} (Live 12.3+). Only catalog devices can be inserted
     * (Live: "only native Live devices"). An index where the device cannot go (an audio effect
     * before the instrument, a second instrument, …) throws, as the LOM documentation says
     * ("Throws an error if insertion is not possible"); {@link #moveDevice} instead finds the
     * nearest valid position. Returns where the device landed.
     */
    int insertDevice(int t, String name, int index) {
        SimTrack track = track(t);
        SimDevice device = factory.create(name);
        if (device == null) {
            if (name.equals(DeviceFactory.LINK_NAME)) {
                throw LiveError.other("Cannot insert \"" + name + "\": only native Live devices can be inserted");
            }
            throw LiveError.other("Cannot insert \"" + name + "\": Live has no native device of that name");
        }
        int at = index < 0 ? track.devices.size() : index;
        if (at > track.devices.size()) {
            throw LiveError.other("Cannot insert " + name + " at index " + index + ": the track has "
                    + track.devices.size() + " devices");
        }
        checkFits(track, device, null);
        if (!validAt(track.devices, device, at)) {
            throw LiveError.other("Cannot insert " + name + " at index " + index + ": "
                    + placementRule(device.type) + " (valid positions: " + validPositions(track.devices, device) + ")");
        }
        track.devices.add(at, device);
        return at;
    }

    /**
     * {@code Song.move_device(device, track, position)} within one track. {@code position} counts
     * gaps in the current list (0 = before the first device, n = after the last), as a mouse drop
     * does; an invalid position becomes the nearest valid one (ties go to the earlier). Returns
     * where the device landed.
     */
    int moveDevice(int t, int from, int position) {
        SimTrack track = track(t);
        SimDevice device = device(t, from);
        List<SimDevice> rest = new ArrayList<>(track.devices);
        rest.remove(from);
        int wanted = position > from ? position - 1 : position;
        wanted = Math.max(0, Math.min(rest.size(), wanted));
        int best = -1;
        for (int p = 0; p <= rest.size(); p++) {
            if (validAt(rest, device, p) && (best < 0 || Math.abs(p - wanted) < Math.abs(best - wanted))) {
                best = p;
            }
        }
        if (best < 0) {
            throw LiveError.other("Cannot move " + device.name + " on track " + t);
        }
        rest.add(best, device);
        track.devices.clear();
        track.devices.addAll(rest);
        return best;
    }

    void deleteDevice(int t, int d) {
        device(t, d);
        track(t).devices.remove(d);
    }

    /** A MIDI track holds MIDI effects, at most one instrument, then audio effects; an audio track only audio effects. */
    private static void checkFits(SimTrack track, SimDevice device, SimDevice ignoring) {
        if (!track.midi && device.type != SimDevice.AUDIO_EFFECT) {
            throw LiveError.other("Cannot put " + device.name + " on an audio track: it needs MIDI");
        }
        if (device.type == SimDevice.INSTRUMENT) {
            for (SimDevice other : track.devices) {
                if (other != ignoring && other.type == SimDevice.INSTRUMENT) {
                    throw LiveError.other("Cannot insert " + device.name + ": the track already has an instrument ("
                            + other.name + ")");
                }
            }
        }
    }

    private static int rank(int type) {
        return switch (type) {
            case SimDevice.MIDI_EFFECT -> 0;
            case SimDevice.INSTRUMENT -> 1;
            default -> 2;
        };
    }

    private static boolean validAt(List<SimDevice> devices, SimDevice device, int position) {
        int r = rank(device.type);
        for (int i = 0; i < devices.size(); i++) {
            int other = rank(devices.get(i).type);
            if (i < position ? other > r : other < r) {
                return false;
            }
        }
        return true;
    }

    private static String validPositions(List<SimDevice> devices, SimDevice device) {
        List<String> ok = new ArrayList<>();
        for (int p = 0; p <= devices.size(); p++) {
            if (validAt(devices, device, p)) {
                ok.add(Integer.toString(p));
            }
        }
        return String.join(", ", ok);
    }

    private static String placementRule(int type) {
        return switch (type) {
            case SimDevice.MIDI_EFFECT -> "MIDI effects go before the instrument";
            case SimDevice.INSTRUMENT -> "the instrument goes after MIDI effects and before audio effects";
            default -> "audio effects go after the instrument";
        };
    }

    /** Renames a parameter on every device of {@code className} now and on those created later. */
    void renameParameter(String className, String oldName, String newName) {
        for (SimTrack track : tracks) {
            for (SimDevice device : track.devices) {
                if (device.className.equals(className)) {
                    SimParameter p = device.parameter(oldName);
                    if (p != null) {
                        p.name = newName;
                    }
                }
            }
        }
        for (var spec : factory.specsOfClass(className)) {
            spec.params().stream().filter(p -> factory.liveName(className, p.name()).equals(oldName)).findFirst()
                    .ifPresent(p -> factory.rename(className, p.name(), newName));
        }
    }

    // ---- clips ------------------------------------------------------------------------------

    void createClip(int t, int s, double lengthBeats) {
        SimTrack track = track(t);
        slotIndex(s);
        if (!track.midi) {
            throw LiveError.other("Cannot create a MIDI clip on an audio track");
        }
        if (track.clips[s] != null) {
            throw LiveError.other("Clip slot " + s + " of track " + t + " already has a clip");
        }
        if (!(lengthBeats > 0) || !Double.isFinite(lengthBeats)) {
            throw LiveError.other("Clip length must be greater than 0");
        }
        track.clips[s] = new SimClip(lengthBeats);
    }

    void deleteClip(int t, int s) {
        clip(t, s);
        track(t).clips[s] = null;
    }

    void stopAllClips(int t) {
        for (SimClip c : track(t).clips) {
            if (c != null) {
                c.playing = false;
            }
        }
    }
}
