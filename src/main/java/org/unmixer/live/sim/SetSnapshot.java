package org.unmixer.live.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * An immutable copy of the simulated set, for tests to assert on.
 *
 * @param liveVersion the version Live reports
 * @param tempo beats per minute
 * @param playing whether the transport runs
 * @param selectedTrack index of the selected track
 * @param statusMessage the text last shown in Live's status bar
 * @param tracks the tracks in order
 * @param maxDevice the Max device's own state (empty when it is not in the set)
 */
public record SetSnapshot(String liveVersion, double tempo, boolean playing, int selectedTrack, String statusMessage,
        List<Track> tracks, Optional<MaxDevice> maxDevice) {

    public SetSnapshot {
        tracks = List.copyOf(tracks);
    }

    /** The track named {@code name}. */
    public Track track(String name) {
        return tracks.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no track named \"" + name + "\""));
    }

    /**
     * One track.
     *
     * @param clips clips by slot index (slots without a clip are absent)
     */
    public record Track(String name, boolean midi, List<Device> devices, Map<Integer, Clip> clips) {
        public Track {
            devices = List.copyOf(devices);
            clips = Map.copyOf(clips);
        }

        public List<String> deviceNames() {
            return devices.stream().map(Device::name).toList();
        }
    }

    /**
     * One device.
     *
     * @param type LOM type: 1 instrument, 2 audio effect, 4 MIDI effect
     * @param properties Wavetable's non-parameter properties ({@code oscillator_1_wavetable_category},
     *     {@code oscillator_1_wavetable_index}, the same for 2, {@code unison_mode},
     *     {@code unison_voice_count}); empty for other devices
     */
    public record Device(String name, String className, int type, List<Parameter> parameters,
            Map<String, Integer> properties) {
        public Device {
            parameters = List.copyOf(parameters);
            properties = Map.copyOf(properties);
        }

        /** The parameter with Live's name {@code paramName}. */
        public Parameter parameter(String paramName) {
            return parameters.stream().filter(p -> p.name().equals(paramName)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException(name + " has no parameter \"" + paramName + "\""));
        }
    }

    /** One parameter: Live's name, LOM value and range. */
    public record Parameter(String name, double value, double min, double max, boolean quantized) {
    }

    /** One clip. */
    public record Clip(double lengthBeats, boolean playing, List<SimNote> notes) {
        public Clip {
            notes = List.copyOf(notes);
        }
    }

    /**
     * What the Max device holds apart from the set.
     *
     * @param trackIndex its track
     * @param deviceIndex its position on the track
     * @param ab 0 = the track is heard, 1 = the original
     * @param playingOriginal whether the original plays
     * @param loaded the original last loaded, if any
     */
    public record MaxDevice(int trackIndex, int deviceIndex, int ab, boolean playingOriginal, Optional<Path> loaded) {
    }

    static SetSnapshot of(LiveSet set, MaxDeviceApi device) {
        List<Track> tracks = new ArrayList<>();
        for (SimTrack t : set.tracks) {
            List<Device> devices = new ArrayList<>();
            for (SimDevice d : t.devices) {
                List<Parameter> params = new ArrayList<>();
                for (SimParameter p : d.parameters) {
                    params.add(new Parameter(p.name, p.value, p.min, p.max, p.quantized));
                }
                Map<String, Integer> properties = new LinkedHashMap<>();
                if (d.wavetable != null) {
                    for (int o = 0; o < 2; o++) {
                        properties.put("oscillator_" + (o + 1) + "_wavetable_category", d.wavetable.category[o]);
                        properties.put("oscillator_" + (o + 1) + "_wavetable_index", d.wavetable.index[o]);
                    }
                    properties.put("unison_mode", d.wavetable.unisonMode);
                    properties.put("unison_voice_count", d.wavetable.unisonVoices);
                }
                devices.add(new Device(d.name, d.className, d.type, params, properties));
            }
            Map<Integer, Clip> clips = new LinkedHashMap<>();
            for (int s = 0; s < SimTrack.CLIP_SLOTS; s++) {
                SimClip c = t.clips[s];
                if (c != null) {
                    clips.put(s, new Clip(c.lengthBeats, c.playing, c.sortedNotes()));
                }
            }
            tracks.add(new Track(t.name, t.midi, devices, clips));
        }
        Optional<MaxDevice> max = Optional.empty();
        if (device != null && device.present()) {
            int[] at = set.findLink(device.link());
            max = Optional.of(new MaxDevice(at[0], at[1], device.ab(), device.playingOriginal(), device.loaded()));
        }
        return new SetSnapshot(set.version.toString(), set.tempo, set.playing, set.selectedTrack, set.statusMessage,
                tracks, max);
    }
}
