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
import org.unmixer.params.DeviceSettings;

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
        setParameters(track, settingsInOrder(patch));
        writeClip(track, patch);
        return report(track, preset);
    }

    private RebuildReport report(int track, Optional<Path> preset) {
        return new RebuildReport(track, done, problems, set, verified, preset, link.describe());
    }

    private void step(String line) {
        done.add(line);
        progress.accept(line);
    }

    static List<String> wantedDevices(Patch patch) {
        List<String> names = new ArrayList<>();
        patch.synth().ifPresent(s -> names.add(s.settings().device().name()));
        patch.chain().forEach(d -> names.add(d.device().name()));
        return names;
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
        List<String> names = trackNames(osc);
        int existing = names.indexOf(TRACK_NAME);
        if (existing >= 0) {
            step("track " + (existing + 1) + ": \"" + TRACK_NAME + "\"");
            return existing;
        }
        osc.send(OscMessage.of("/live/song/create_midi_track", -1));
        int t = names.size();
        osc.send(OscMessage.of("/live/track/set/name", t, TRACK_NAME));
        List<String> after = trackNames(osc);
        if (after.size() != names.size() + 1 || !TRACK_NAME.equals(after.get(t))) {
            throw new LiveConnectionException("Live did not create the MIDI track \"" + TRACK_NAME + "\" (tracks now: "
                    + after + ")");
        }
        step("track " + (t + 1) + ": created the MIDI track \"" + TRACK_NAME + "\"");
        return t;
    }

    private static List<String> trackNames(AbletonOscClient osc) {
        OscMessage m = osc.query(OscMessage.of("/live/song/get/track_names"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            names.add(m.stringArg(i));
        }
        return names;
    }

    // ---- devices -----------------------------------------------------------------------------

    private List<String> deviceNames(int track) {
        List<String> names = new ArrayList<>();
        if (link.device().isPresent()) {
            OscMessage ok = link.device().get().request("/unmixer/devices");
            for (int i = 1; i + 2 < ok.size(); i += 3) {
                names.add(ok.stringArg(i));
            }
            return names;
        }
        OscMessage m = link.osc().orElseThrow().query(OscMessage.of("/live/track/get/devices/name", track));
        for (int i = 1; i < m.size(); i++) {
            names.add(m.stringArg(i));
        }
        return names;
    }

    private void applyEdits(int track, List<DeviceEdit> edits) {
        MaxDeviceClient device = link.device().orElseThrow();
        for (DeviceEdit e : edits) {
            try {
                if (e instanceof DeviceEdit.Delete d) {
                    device.request("/unmixer/delete", d.index());
                } else if (e instanceof DeviceEdit.Move m) {
                    // The protocol's 'to' counts positions before the move (Song.move_device); ours is the final index.
                    device.request("/unmixer/move", m.from(), m.to() > m.from() ? m.to() + 1 : m.to());
                } else if (e instanceof DeviceEdit.Insert in) {
                    device.request("/unmixer/insert", in.name(), in.index());
                }
                step("track " + (track + 1) + ": " + e);
            } catch (DeviceRequestException ex) {
                problems.add("could not " + e + ": " + ex.getMessage() + " (" + ex.code() + ")");
            }
        }
    }

    private void setWavetables(int track, WavetableRef osc1, WavetableRef osc2) {
        if (link.device().isEmpty()) {
            problems.add(String.format(Locale.ROOT, "wavetables not chosen (needs the Un-Mixer device): set Osc 1 to %s / %s"
                    + " and Osc 2 to %s / %s by hand", osc1.category(), osc1.name(), osc2.category(), osc2.name()));
            return;
        }
        MaxDeviceClient device = link.device().get();
        WavetableRef[] refs = {osc1, osc2};
        for (int osc = 1; osc <= 2; osc++) {
            WavetableRef ref = refs[osc - 1];
            try {
                device.request("/unmixer/wavetable", 0, osc, ref.category(), ref.name());
                step("Wavetable Osc " + osc + ": " + ref.category() + " / " + ref.name());
            } catch (DeviceRequestException e) {
                problems.add("Wavetable Osc " + osc + " not set to " + ref.category() + " / " + ref.name() + ": " + e.getMessage());
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
