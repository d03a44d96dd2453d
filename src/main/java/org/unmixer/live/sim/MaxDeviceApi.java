package org.unmixer.live.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.AudioFormatInfo;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.live.osc.OscMessage;

/**
 * Our Max for Live device, "Un-Mixer Link", speaking {@code max-device/PROTOCOL.md}
 * ({@code unmixer-device/1}) about the track it sits on. Every request carries an id; every answer
 * is {@code /unmixer/ok id …} or {@code /unmixer/error id code "message"}. When the device is not in
 * the set (never added, dropped, or its track deleted) nothing answers.
 *
 * <p>Choices where the protocol leaves room: {@code insert} with an index where the device cannot go
 * is a {@code live-error} (Live throws); {@code move} lands on the nearest valid position;
 * {@code wavetable} with an unknown category or name is a {@code live-error}; {@code play} before
 * any {@code load} is a {@code bad-request}; {@code record} answers {@code ok} at once, renders the
 * track with the reference renderer (no waiting for {@code seconds} of wall time) and pushes
 * {@code /unmixer/recorded} on a later tick.
 */
final class MaxDeviceApi {
    static final String PROTOCOL = "unmixer-device/1";
    /** Appended to the Live version in {@code hello}: "12.3.5 (simulator)". */
    public static final String SIMULATOR_MARK = "(simulator)";
    /** {@code Track.insert_device} exists from this Live version on. */
    static final int INSERT_MAJOR = 12;
    static final int INSERT_MINOR = 3;

    /** A request that fails with one of the protocol's error codes. */
    static final class DeviceError extends RuntimeException {
        final String code;

        DeviceError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final LiveSet set;
    private final Recorder recorder;
    private SimDevice link;
    private int ab;
    private boolean playingOriginal;
    private Path loaded;

    MaxDeviceApi(LiveSet set, SimDevice link, Recorder recorder) {
        this.set = set;
        this.link = link;
        this.recorder = recorder;
    }

    /** True when the device is in the set and answers. */
    boolean present() {
        return link != null && set.findLink(link) != null;
    }

    /** Takes the device out of the set: from now on nothing answers. */
    void drop() {
        if (present()) {
            int[] at = set.findLink(link);
            set.tracks.get(at[0]).devices.remove(at[1]);
        }
        link = null;
    }

    SimDevice link() {
        return link;
    }

    int ab() {
        return ab;
    }

    boolean playingOriginal() {
        return playingOriginal;
    }

    Optional<Path> loaded() {
        return Optional.ofNullable(loaded);
    }

    /** {@code /unmixer/ready}, pushed when the device has loaded; empty when it is not in the set. */
    Optional<OscMessage> ready() {
        if (!present()) {
            return Optional.empty();
        }
        int[] at = set.findLink(link);
        return Optional.of(OscMessage.of("/unmixer/ready", PROTOCOL, at[0], at[1]));
    }

    /** The answer to {@code request}; empty when the device is not there to answer. */
    Optional<OscMessage> handle(OscMessage request) {
        if (!present()) {
            return Optional.empty();
        }
        Object first = request.args().isEmpty() ? null : request.args().get(0);
        if (!(first instanceof Integer || first instanceof Long) || ((Number) first).longValue() < 1
                || ((Number) first).longValue() > Integer.MAX_VALUE) {
            return Optional.of(error(0, "bad-request", request.address() + ": the first argument must be a request id (an int >= 1), got "
                    + (first instanceof String s ? "\"" + s + "\"" : String.valueOf(first))));
        }
        int id = ((Number) first).intValue();
        Args a = new Args(request, 1);
        try {
            List<Object> values = dispatch(request.address(), a, id);
            List<Object> reply = new ArrayList<>();
            reply.add(id);
            reply.addAll(values);
            return Optional.of(new OscMessage("/unmixer/ok", reply));
        } catch (DeviceError e) {
            return Optional.of(error(id, e.code, e.getMessage()));
        } catch (LiveError e) {
            String code = switch (e.kind()) {
                case INDEX -> "no-such-device";
                case VALUE -> "out-of-range";
                case ARGUMENT -> "bad-request";
                case OTHER -> "live-error";
            };
            return Optional.of(error(id, code, e.getMessage()));
        }
    }

    /** Messages for recordings that finished since the last tick. */
    List<OscMessage> poll() {
        List<OscMessage> out = new ArrayList<>();
        recorder.collect().ifPresent(o -> {
            if (present()) {
                out.add(o.error() == null ? OscMessage.of("/unmixer/recorded", o.id(), o.path().toString())
                        : error(0, "file-error", o.error()));
            }
        });
        return out;
    }

    static OscMessage error(int id, String code, String message) {
        return OscMessage.of("/unmixer/error", id, code, message.replaceAll("[\\r\\n]+", " "));
    }

    private List<Object> dispatch(String address, Args a, int id) {
        return switch (address) {
            case "/unmixer/hello" -> hello();
            case "/unmixer/devices" -> devices();
            case "/unmixer/insert" -> insert(a);
            case "/unmixer/move" -> move(a);
            case "/unmixer/delete" -> delete(a);
            case "/unmixer/params" -> params(a);
            case "/unmixer/set" -> setParameter(a);
            case "/unmixer/wavetable" -> wavetable(a);
            case "/unmixer/load" -> load(a);
            case "/unmixer/ab" -> abSwitch(a);
            case "/unmixer/play" -> play();
            case "/unmixer/stop" -> {
                playingOriginal = false;
                yield List.of();
            }
            case "/unmixer/record" -> record(a, id);
            default -> throw new DeviceError("unknown-address", "the device has no request " + address);
        };
    }

    private int ownTrack() {
        return set.findLink(link)[0];
    }

    private SimTrack track() {
        return set.tracks.get(ownTrack());
    }

    private SimDevice device(int index) {
        List<SimDevice> devices = track().devices;
        if (index < 0 || index >= devices.size()) {
            throw new DeviceError("no-such-device", "no device at index " + index + " (the track has " + devices.size()
                    + ")");
        }
        return devices.get(index);
    }

    private List<Object> hello() {
        int[] at = set.findLink(link);
        // The version text says "simulator", so the app's indicator can tell it from a real Live.
        return List.of(PROTOCOL, set.version + " " + SIMULATOR_MARK, at[0], at[1]);
    }

    private List<Object> devices() {
        List<Object> out = new ArrayList<>();
        for (SimDevice d : track().devices) {
            out.add(d.name);
            out.add(d.className);
            out.add(d.type);
        }
        return out;
    }

    private List<Object> insert(Args a) {
        String name = a.text(0);
        int index = a.size() > 1 ? a.index(1) : -1;
        if (!set.version.atLeast(INSERT_MAJOR, INSERT_MINOR)) {
            throw new DeviceError("not-supported", "inserting devices needs Live " + INSERT_MAJOR + "." + INSERT_MINOR
                    + " or later (this is " + set.version + ")");
        }
        SimDevice inserted = track().devices.get(set.insertDevice(ownTrack(), name, index));
        return List.of(track().devices.indexOf(inserted));
    }

    private List<Object> move(Args a) {
        int from = a.index(0);
        int to = a.index(1);
        SimDevice moving = device(from);
        set.moveDevice(ownTrack(), from, to);
        return List.of(track().devices.indexOf(moving));
    }

    private List<Object> delete(Args a) {
        int index = a.index(0);
        device(index);
        set.deleteDevice(ownTrack(), index);
        return List.of();
    }

    private List<Object> params(Args a) {
        List<Object> out = new ArrayList<>();
        for (SimParameter p : device(a.index(0)).parameters) {
            out.add(p.name);
            out.add((float) p.value);
            out.add((float) p.min);
            out.add((float) p.max);
            out.add(p.quantized ? 1 : 0);
        }
        return out;
    }

    private List<Object> setParameter(Args a) {
        SimDevice d = device(a.index(0));
        String name = a.text(1);
        double value = a.number(2);
        SimParameter p = d.parameter(name);
        if (p == null) {
            throw new DeviceError("no-such-parameter", d.name + " has no parameter \"" + name + "\"");
        }
        try {
            p.set(value);
        } catch (LiveError e) {
            throw new DeviceError("out-of-range", String.format(Locale.ROOT, "%s \"%s\": %s is outside [%s, %s]",
                    d.name, name, fmt(value), fmt(p.min), fmt(p.max)));
        }
        return List.of((float) p.value);
    }

    private List<Object> wavetable(Args a) {
        SimDevice d = device(a.index(0));
        int oscillator = a.index(1);
        String category = a.text(2);
        String name = a.text(3);
        if (oscillator != 1 && oscillator != 2) {
            throw new DeviceError("bad-request", "oscillator must be 1 or 2, got " + oscillator);
        }
        if (d.wavetable == null) {
            throw new DeviceError("live-error", d.name + " has no oscillator_" + oscillator + "_wavetable_category"
                    + " (it is not a Wavetable)");
        }
        int categoryIndex = WavetableLibrary.CATEGORIES.indexOf(category);
        if (categoryIndex < 0) {
            throw new DeviceError("live-error", "no wavetable category \"" + category + "\" (one of: "
                    + String.join(", ", WavetableLibrary.CATEGORIES) + ")");
        }
        List<String> names = WavetableLibrary.names(categoryIndex);
        int tableIndex = names.indexOf(name);
        if (tableIndex < 0) {
            throw new DeviceError("live-error", "no wavetable \"" + name + "\" in " + category
                    + (names.isEmpty() ? " (the simulator has none there)" : " (one of: " + String.join(", ", names) + ")"));
        }
        d.wavetable.category[oscillator - 1] = categoryIndex;
        d.wavetable.index[oscillator - 1] = tableIndex;
        return List.of(categoryIndex, tableIndex);
    }

    private List<Object> load(Args a) {
        Path path = absolutePath(a.text(0));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new DeviceError("file-error", "cannot read " + path + ": no such readable file");
        }
        AudioFormatInfo info;
        try {
            info = AudioFiles.readFormat(path);
        } catch (RuntimeException e) {
            throw new DeviceError("file-error", "cannot read " + path + ": " + e.getMessage());
        }
        if (info.container() != AudioFormatInfo.Container.WAV) {
            throw new DeviceError("file-error", "cannot read " + path + ": " + info.container() + ", not WAV");
        }
        loaded = path;
        playingOriginal = false;
        return List.of((float) (info.frames() * 1000.0 / info.sampleRate()));
    }

    private List<Object> abSwitch(Args a) {
        int which = a.index(0);
        if (which != 0 && which != 1) {
            throw new DeviceError("bad-request", "ab takes 0 (the track) or 1 (the original), got " + which);
        }
        ab = which;
        return List.of(which);
    }

    private List<Object> play() {
        if (loaded == null) {
            throw new DeviceError("bad-request", "nothing to play: load the original first (/unmixer/load)");
        }
        playingOriginal = true;
        return List.of();
    }

    private List<Object> record(Args a, int id) {
        Path path = absolutePath(a.text(0));
        double seconds = a.number(1);
        if (recorder.busy()) {
            throw new DeviceError("busy", "a recording is already running");
        }
        if (!(seconds > 0 && seconds <= SourceSpec.MAX_SECONDS)) {
            throw new DeviceError("bad-request", "seconds must be in (0, " + (int) SourceSpec.MAX_SECONDS + "], got "
                    + fmt(seconds));
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new DeviceError("file-error", "cannot write " + path + ": " + parent + " is not a writable folder");
        }
        Optional<Patch> patch = TrackPatch.of(track(), set.tempo, seconds);
        recorder.start(id, path, patch, seconds);
        return List.of();
    }

    private static Path absolutePath(String text) {
        Path path;
        try {
            path = Path.of(text);
        } catch (RuntimeException e) {
            throw new DeviceError("file-error", "\"" + text + "\" is not a path");
        }
        if (!path.isAbsolute()) {
            throw new DeviceError("file-error", "\"" + text + "\" is not an absolute path");
        }
        return path;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
