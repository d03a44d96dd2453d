package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.unmixer.live.osc.OscMessage;

/**
 * The subset of AbletonOSC's addresses the product uses (ableton-integration.md §1.3), answered
 * from a {@link LiveSet}. A getter replies on its own address with the indices echoed first;
 * setters and methods reply nothing; failures throw {@link LiveError} (reported by the caller as
 * {@code /live/error "Error handling OSC message: …"}) and unknown addresses
 * {@link UnknownAddressException}. Values travel as 32-bit floats, as python-osc builds them.
 */
final class AbletonOscApi {
    /** No handler for the address; AbletonOSC answers {@code /live/error "Unknown OSC address: …"}. */
    static final class UnknownAddressException extends RuntimeException {
        UnknownAddressException(String address) {
            super("Unknown OSC address: " + address);
        }
    }

    private final LiveSet set;
    private final Map<String, Function<Args, List<Object>>> handlers = new HashMap<>();

    AbletonOscApi(LiveSet set) {
        this.set = set;
        application();
        song();
        track();
        device();
        clips();
        view();
    }

    /** The reply to {@code request}, or {@code null} for setters and methods. */
    OscMessage handle(OscMessage request) {
        Function<Args, List<Object>> handler = handlers.get(request.address());
        if (handler == null) {
            throw new UnknownAddressException(request.address());
        }
        List<Object> reply = handler.apply(new Args(request, 0));
        return reply == null ? null : new OscMessage(request.address(), reply);
    }

    private void on(String address, Function<Args, List<Object>> handler) {
        handlers.put(address, handler);
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    private static List<Object> withIndices(List<Object> values, Object... indices) {
        List<Object> out = list(indices);
        out.addAll(values);
        return out;
    }

    // ---- /live/test, /live/application, /live/api --------------------------------------------

    private void application() {
        on("/live/test", a -> {
            set.statusMessage = "Received OSC OK";
            return list("ok");
        });
        on("/live/application/get/version", a -> list(set.version.major(), set.version.minor()));
        on("/live/api/show_message", a -> {
            set.statusMessage = a.text(0);
            return null;
        });
    }

    // ---- /live/song --------------------------------------------------------------------------

    private void song() {
        on("/live/song/get/num_tracks", a -> list(set.tracks.size()));
        on("/live/song/get/track_names", a -> {
            List<Object> names = new ArrayList<>();
            set.tracks.forEach(t -> names.add(t.name));
            return names;
        });
        on("/live/song/create_midi_track", a -> {
            set.createMidiTrack(a.size() == 0 ? -1 : a.index(0));
            return null;
        });
        on("/live/song/delete_track", a -> {
            set.deleteTrack(a.index(0));
            return null;
        });
        on("/live/song/get/tempo", a -> list((float) set.tempo));
        on("/live/song/start_playing", a -> {
            set.playing = true;
            return null;
        });
        on("/live/song/stop_playing", a -> {
            set.playing = false;
            return null;
        });
    }

    // ---- /live/track -------------------------------------------------------------------------

    private void track() {
        on("/live/track/get/name", a -> {
            int t = a.index(0);
            return list(t, set.track(t).name);
        });
        on("/live/track/set/name", a -> {
            int t = a.index(0);
            SimTrack track = set.track(t);
            track.name = a.text(1);
            return null;
        });
        on("/live/track/get/num_devices", a -> {
            int t = a.index(0);
            return list(t, set.track(t).devices.size());
        });
        on("/live/track/get/devices/name", a -> devicesOf(a, d -> d.name));
        on("/live/track/get/devices/class_name", a -> devicesOf(a, d -> d.className));
        on("/live/track/get/devices/type", a -> devicesOf(a, d -> d.type));
        on("/live/track/delete_device", a -> {
            set.deleteDevice(a.index(0), a.index(1));
            return null;
        });
        on("/live/track/stop_all_clips", a -> {
            set.stopAllClips(a.index(0));
            return null;
        });
    }

    private List<Object> devicesOf(Args a, Function<SimDevice, Object> property) {
        int t = a.index(0);
        List<Object> out = list(t);
        set.track(t).devices.forEach(d -> out.add(property.apply(d)));
        return out;
    }

    // ---- /live/device ------------------------------------------------------------------------

    private void device() {
        on("/live/device/get/name", a -> deviceProperty(a, d -> d.name));
        on("/live/device/get/class_name", a -> deviceProperty(a, d -> d.className));
        on("/live/device/get/type", a -> deviceProperty(a, d -> d.type));
        on("/live/device/get/num_parameters", a -> deviceProperty(a, d -> d.parameters.size()));
        on("/live/device/get/parameters/name", a -> parameters(a, p -> p.name));
        on("/live/device/get/parameters/value", a -> parameters(a, p -> (float) p.value));
        on("/live/device/get/parameters/min", a -> parameters(a, p -> (float) p.min));
        on("/live/device/get/parameters/max", a -> parameters(a, p -> (float) p.max));
        on("/live/device/get/parameters/is_quantized", a -> parameters(a, p -> p.quantized));
        on("/live/device/get/parameter/value", a -> parameter(a, p -> (float) p.value));
        on("/live/device/get/parameter/name", a -> parameter(a, p -> p.name));
        on("/live/device/get/parameter/value_string", a -> parameter(a, SimParameter::valueString));
        on("/live/device/set/parameter/value", a -> {
            SimParameter p = set.parameter(a.index(0), a.index(1), a.index(2));
            p.set(a.number(3));
            return null;
        });
        on("/live/device/set/parameters/value", a -> {
            // As AbletonOSC: values are assigned in order, so one that fails leaves the earlier ones set.
            SimDevice d = set.device(a.index(0), a.index(1));
            for (int i = 2; i < a.size(); i++) {
                int p = i - 2;
                if (p >= d.parameters.size()) {
                    throw LiveError.index();
                }
                d.parameters.get(p).set(a.number(i));
            }
            return null;
        });
    }

    private List<Object> deviceProperty(Args a, Function<SimDevice, Object> property) {
        int t = a.index(0);
        int d = a.index(1);
        return list(t, d, property.apply(set.device(t, d)));
    }

    private List<Object> parameters(Args a, Function<SimParameter, Object> property) {
        int t = a.index(0);
        int d = a.index(1);
        List<Object> values = new ArrayList<>();
        set.device(t, d).parameters.forEach(p -> values.add(property.apply(p)));
        return withIndices(values, t, d);
    }

    private List<Object> parameter(Args a, Function<SimParameter, Object> property) {
        int t = a.index(0);
        int d = a.index(1);
        int p = a.index(2);
        return list(t, d, p, property.apply(set.parameter(t, d, p)));
    }

    // ---- /live/clip_slot and /live/clip ------------------------------------------------------

    private void clips() {
        on("/live/clip_slot/create_clip", a -> {
            set.createClip(a.index(0), a.index(1), a.number(2));
            return null;
        });
        on("/live/clip_slot/delete_clip", a -> {
            set.deleteClip(a.index(0), a.index(1));
            return null;
        });
        on("/live/clip_slot/get/has_clip", a -> {
            int t = a.index(0);
            int s = a.index(1);
            return list(t, s, set.track(t).clips[LiveSet.slotIndex(s)] != null);
        });
        on("/live/clip/add/notes", a -> {
            SimClip clip = set.clip(a.index(0), a.index(1));
            int values = a.size() - 2;
            if (values % 5 != 0) {
                throw LiveError.argument("notes come as (pitch, start, duration, velocity, mute) tuples; got "
                        + values + " values");
            }
            List<SimNote> notes = new ArrayList<>();
            for (int i = 2; i < a.size(); i += 5) {
                notes.add(note(a.index(i), a.number(i + 1), a.number(i + 2), a.number(i + 3), a.flag(i + 4)));
            }
            clip.notes.addAll(notes);
            return null;
        });
        on("/live/clip/get/notes", a -> {
            int t = a.index(0);
            int c = a.index(1);
            List<Object> out = list(t, c);
            for (SimNote n : set.clip(t, c).sortedNotes()) {
                out.addAll(List.of(n.pitch(), (float) n.startBeats(), (float) n.durationBeats(), (float) n.velocity(),
                        n.mute()));
            }
            return out;
        });
        on("/live/clip/remove/notes", a -> {
            SimClip clip = set.clip(a.index(0), a.index(1));
            if (a.size() >= 6) {
                int pitchStart = a.index(2);
                int pitchSpan = a.index(3);
                double timeStart = a.number(4);
                double timeSpan = a.number(5);
                clip.notes.removeIf(n -> n.pitch() >= pitchStart && n.pitch() < pitchStart + pitchSpan
                        && n.startBeats() >= timeStart && n.startBeats() < timeStart + timeSpan);
            } else {
                clip.notes.clear();
            }
            return null;
        });
        on("/live/clip/fire", a -> {
            SimTrack track = set.track(a.index(0));
            SimClip clip = set.clip(a.index(0), a.index(1));
            for (SimClip other : track.clips) {
                if (other != null) {
                    other.playing = false;
                }
            }
            clip.playing = true;
            set.playing = true;
            return null;
        });
        on("/live/clip/stop", a -> {
            set.clip(a.index(0), a.index(1)).playing = false;
            return null;
        });
    }

    /** A note as {@code MidiNoteSpecification} accepts it; Live rejects pitches and velocities out of range. */
    private static SimNote note(int pitch, double start, double duration, double velocity, boolean mute) {
        if (pitch < 0 || pitch > 127) {
            throw LiveError.other("Invalid pitch " + pitch + " (0..127)");
        }
        if (!(start >= 0) || !Double.isFinite(start)) {
            throw LiveError.other("Invalid start time " + start);
        }
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw LiveError.other("Invalid duration " + duration + " (must be above 0)");
        }
        if (!(velocity >= 0 && velocity <= 127)) {
            throw LiveError.other("Invalid velocity " + velocity + " (0..127)");
        }
        return new SimNote(pitch, start, duration, velocity, mute);
    }

    // ---- /live/view --------------------------------------------------------------------------

    private void view() {
        on("/live/view/set/selected_track", a -> {
            int t = a.index(0);
            set.track(t);
            set.selectedTrack = t;
            return null;
        });
    }
}
