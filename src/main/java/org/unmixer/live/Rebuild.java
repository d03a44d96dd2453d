package org.unmixer.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.live.osc.OscMessage;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;

/**
 * Makes a track in Live sound like a patch (DESIGN.md §3, "Rebuild in Ableton"): find the track
 * (the Un-Mixer device's own, or one named for us, created if needed), make its devices match the
 * patch in order with the fewest edits, set every catalog parameter by name and read it back,
 * choose the wavetables, and write a clip with the note. Work is batched: all queries of a step go
 * out in one bundle and land in one of Live's 100 ms ticks, so ~120 parameters take a handful of
 * ticks, not one per parameter.
 *
 * <p>Nothing here throws for a problem inside Live (a device deleted meanwhile, a renamed
 * parameter, an ignored set): each becomes a line in the report and the rest goes on.
 */
public final class Rebuild {
    /** The track created when no Un-Mixer device shows the way. */
    public static final String TRACK_NAME = "Un-Mixer";

    private final LiveLink link;
    private final Function<Patch, Path> presetExporter;
    private final Consumer<String> progress;
    private final List<String> done = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int set;
    private int verified;
    private long startNanos;

    /**
     * @param presetExporter writes an Instrument Rack preset of the patch and returns its path; used
     *     when Live cannot insert devices (older than 12.3, or no Un-Mixer device)
     * @param progress one line per step, for a log
     */
    public Rebuild(LiveLink link, Function<Patch, Path> presetExporter, Consumer<String> progress) {
        this.link = link;
        this.presetExporter = presetExporter;
        this.progress = progress;
    }

    public RebuildReport run(Patch patch) {
        startNanos = System.nanoTime();
        int track = findTrack();
        List<String> wanted = wantedDevices(patch);
        List<String> current = deviceNames(track);
        List<DeviceEdit> edits = DevicePlan.edits(current, wanted);
        Optional<Path> preset = Optional.empty();
        if (!edits.isEmpty()) {
            if (link.device().isPresent() && link.version().canInsertDevices()) {
                applyEdits(track, edits);
                current = deviceNames(track);
            } else {
                Path file = presetExporter.apply(patch);
                preset = Optional.of(file);
                step("wrote the rack preset " + file + ": drop it on track " + (track + 1) + " ("
                        + (link.device().isEmpty() ? "no Un-Mixer device answered" : "Live " + link.version()
                        + " cannot insert devices; 12.3 or later can") + "); it carries every parameter");
                writeClip(track, patch);
                return report(track, preset);
            }
        }
        List<String> expected = new ArrayList<>(wanted);
        if (current.contains(DevicePlan.OUR_DEVICE)) {
            expected.add(DevicePlan.OUR_DEVICE);
        }
        if (!current.equals(expected)) {
            problems.add("track " + (track + 1) + " has " + current + " after the edits, not " + expected
                    + "; the set changed under us; run the rebuild again");
            return report(track, preset);
        }
        patch.synth().ifPresent(s -> setWavetables(track, s.oscillator1(), s.oscillator2()));
        patch.synth().filter(s -> s.unison().mode() != org.unmixer.dsp.source.Unison.Mode.NONE).ifPresent(s -> problems.add(
                "Wavetable unison not set (a device property the bridge cannot reach yet): set it to " + s.unison().mode()
                        + " with " + s.unison().voices() + " voices by hand, or drop the exported rack preset, which carries it"));
        setParameters(track, settingsInOrder(patch));
        writeClip(track, patch);
        return report(track, preset);
    }

    private RebuildReport report(int track, Optional<Path> preset) {
        return new RebuildReport(track, done, problems, set, verified, preset, link.describe(), link.status(),
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void step(String line) {
        done.add(line);
        progress.accept(line);
    }

    /**
     * The devices the patch needs, by Live class name ({@code Eq8}): titles can be renamed by the
     * user, class names cannot.
     */
    static List<String> wantedDevices(Patch patch) {
        List<String> classes = new ArrayList<>();
        settingsInOrder(patch).forEach(d -> classes.add(d.device().lomClass()));
        return classes;
    }

    /**
     * How a device on the track is compared with the wanted ones: its class name, except for Max
     * for Live devices, which all share a class and are told apart by name (ours is
     * {@link DevicePlan#OUR_DEVICE}).
     */
    static String identity(String name, String className) {
        return className.startsWith("MxDevice") ? name : className;
    }

    private static List<DeviceSettings> settingsInOrder(Patch patch) {
        List<DeviceSettings> all = new ArrayList<>();
        patch.synth().ifPresent(s -> all.add(s.settings()));
        all.addAll(patch.chain());
        return all;
    }

    // ---- the track ---------------------------------------------------------------------------

    private int findTrack() {
        if (link.hello().isPresent()) {
            int t = link.hello().get().trackIndex();
            step("track " + (t + 1) + ": the Un-Mixer device's own");
            return t;
        }
        AbletonOscClient osc = link.osc().orElseThrow();
        List<String> names = osc.trackNames();
        int existing = names.indexOf(TRACK_NAME);
        if (existing >= 0) {
            step("track " + (existing + 1) + ": \"" + TRACK_NAME + "\"");
            return existing;
        }
        osc.createMidiTrack();
        int t = names.size();
        osc.setTrackName(t, TRACK_NAME);
        List<String> after = osc.trackNames();
        if (after.size() != names.size() + 1 || !TRACK_NAME.equals(after.get(t))) {
            throw new LiveConnectionException("Live did not create the MIDI track \"" + TRACK_NAME + "\" (tracks now: "
                    + after + ")");
        }
        step("track " + (t + 1) + ": created the MIDI track \"" + TRACK_NAME + "\"");
        return t;
    }

    // ---- devices -----------------------------------------------------------------------------

    /** The track's devices as {@link #identity} keys, in order. */
    private List<String> deviceNames(int track) {
        List<String> ids = new ArrayList<>();
        if (link.device().isPresent()) {
            OscMessage ok = link.device().get().request("/unmixer/devices");
            for (int i = 1; i + 2 < ok.size(); i += 3) {
                ids.add(identity(ok.stringArg(i), ok.stringArg(i + 1)));
            }
            return ids;
        }
        List<OscMessage> lists = link.osc().orElseThrow().queryAll(List.of(OscMessage.of("/live/track/get/devices/name", track),
                OscMessage.of("/live/track/get/devices/class_name", track)));
        for (int i = 1; i < lists.get(0).size() && i < lists.get(1).size(); i++) {
            ids.add(identity(lists.get(0).stringArg(i), lists.get(1).stringArg(i)));
        }
        return ids;
    }

    /** The name {@code Track.insert_device} takes for a class name of the catalog. */
    private static String liveName(String className) {
        return Catalog.standard().devices().stream().filter(d -> d.lomClass().equals(className)).findFirst()
                .map(DeviceSpec::name).orElse(className);
    }

    /** The edit as a producer reads it: "insert EQ Eight", not "insert Eq8". */
    private static DeviceEdit inLiveNames(DeviceEdit e) {
        if (e instanceof DeviceEdit.Delete d) {
            return new DeviceEdit.Delete(d.index(), liveName(d.name()));
        }
        if (e instanceof DeviceEdit.Move m) {
            return new DeviceEdit.Move(m.from(), m.to(), liveName(m.name()));
        }
        DeviceEdit.Insert in = (DeviceEdit.Insert) e;
        return new DeviceEdit.Insert(in.index(), liveName(in.name()));
    }

    /** All edits in one batch: the device carries them out in order, in one of Live's ticks. */
    private void applyEdits(int track, List<DeviceEdit> edits) {
        List<MaxDeviceClient.Request> requests = new ArrayList<>();
        for (DeviceEdit e : edits) {
            if (e instanceof DeviceEdit.Delete d) {
                requests.add(new MaxDeviceClient.Request("/unmixer/delete", d.index()));
            } else if (e instanceof DeviceEdit.Move m) {
                // The protocol's 'to' counts positions before the move (Song.move_device); ours is the final index.
                requests.add(new MaxDeviceClient.Request("/unmixer/move", m.from(), m.to() > m.from() ? m.to() + 1 : m.to()));
            } else if (e instanceof DeviceEdit.Insert in) {
                requests.add(new MaxDeviceClient.Request("/unmixer/insert", liveName(in.name()), in.index()));
            }
        }
        List<MaxDeviceClient.Reply> replies = link.device().orElseThrow().requestEach(requests);
        for (int i = 0; i < edits.size(); i++) {
            DeviceRequestException error = replies.get(i).error();
            String edit = inLiveNames(edits.get(i)).toString();
            if (error == null) {
                step("track " + (track + 1) + ": " + edit);
            } else {
                problems.add("could not " + edit + ": " + error.getMessage() + " (" + error.code() + ")");
            }
        }
    }

    private void setWavetables(int track, WavetableRef osc1, WavetableRef osc2) {
        if (link.device().isEmpty()) {
            problems.add(String.format(Locale.ROOT, "wavetables not chosen (needs the Un-Mixer device): set Osc 1 to %s / %s"
                    + " and Osc 2 to %s / %s by hand", osc1.category(), osc1.name(), osc2.category(), osc2.name()));
            return;
        }
        WavetableRef[] refs = {osc1, osc2};
        List<MaxDeviceClient.Request> requests = new ArrayList<>();
        for (int osc = 1; osc <= 2; osc++) {
            requests.add(new MaxDeviceClient.Request("/unmixer/wavetable", 0, osc, refs[osc - 1].category(), refs[osc - 1].name()));
        }
        List<MaxDeviceClient.Reply> replies = link.device().get().requestEach(requests);
        for (int osc = 1; osc <= 2; osc++) {
            WavetableRef ref = refs[osc - 1];
            DeviceRequestException error = replies.get(osc - 1).error();
            if (error == null) {
                step("Wavetable Osc " + osc + ": " + ref.category() + " / " + ref.name());
            } else {
                problems.add("Wavetable Osc " + osc + " not set to " + ref.category() + " / " + ref.name() + ": " + error.getMessage());
            }
        }
    }

    // ---- parameters --------------------------------------------------------------------------

    private void setParameters(int track, List<DeviceSettings> devices) {
        ParameterWriter.Counts counts = link.osc().isPresent()
                ? new OscParameterWriter(link.osc().get(), track, problems::add, this::step).write(devices)
                : new DeviceParameterWriter(link.device().orElseThrow(), problems::add, this::step).write(devices);
        set += counts.sent();
        verified += counts.verified();
    }

    // ---- the clip ----------------------------------------------------------------------------

    private void writeClip(int track, Patch patch) {
        if (patch.source().kind() != SourceKind.SYNTH) {
            step("no clip: the source is " + patch.source().kind().name().toLowerCase(Locale.ROOT)
                    + ", play your own material through the chain");
            return;
        }
        if (link.osc().isEmpty()) {
            problems.add("clip not written (needs AbletonOSC): add a clip with note " + patch.source().note() + " by hand");
            return;
        }
        new ClipWriter(link.osc().get(), track, link.tempo(), problems::add, this::step).write(patch.source());
    }
}
