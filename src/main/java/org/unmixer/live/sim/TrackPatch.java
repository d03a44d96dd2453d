package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.dsp.source.Unison;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * What a track sounds like, as a {@link Patch} for the reference renderer: Wavetable's parameters
 * (LOM values back to display units through {@link ParamSpec#fromLom}), its wavetables and unison
 * from the device properties, the audio effects that are on, in order, and the note of the first
 * clip.
 *
 * <p>Assumptions: a device whose "Device On" is off is bypassed (an instrument that is off, or no
 * instrument at all, gives silence: {@link #of} returns empty); our Max device passes audio
 * through; the note is the first clip's earliest note (lowest pitch on a tie), gated for its length
 * at the set's tempo (at most the renderer's 60 s), its velocity rounded and at least 1 (the
 * renderer's range); with no note, pitch 60 at velocity 100 held for the whole recording. Clips
 * need not be playing: the recording is what the track would sound like.
 */
final class TrackPatch {
    static final int DEFAULT_PITCH = 60;
    static final int DEFAULT_VELOCITY = 100;

    private TrackPatch() {
    }

    /**
     * The track's patch, or empty when it makes no sound.
     *
     * @throws LiveError naming any device the catalog does not know, or a state the renderer cannot play
     */
    static Optional<Patch> of(SimTrack track, double tempo, double recordSeconds) {
        List<String> unknown = new ArrayList<>();
        for (SimDevice d : track.devices) {
            if (d.spec == null && !d.link) {
                unknown.add("\"" + d.name + "\" (" + d.className + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw LiveError.other("cannot render track \"" + track.name + "\": the catalog does not know "
                    + String.join(", ", unknown));
        }
        SimDevice instrument = null;
        List<DeviceSettings> chain = new ArrayList<>();
        try {
            for (SimDevice d : track.devices) {
                if (d.link || !d.isOn()) {
                    continue;
                }
                if (d.spec.kind() == DeviceKind.INSTRUMENT) {
                    instrument = d;
                } else {
                    chain.add(settings(d));
                }
            }
            if (instrument == null) {
                return Optional.empty();
            }
            SynthSpec synth = new SynthSpec(settings(instrument), wavetable(instrument.wavetable, 0),
                    wavetable(instrument.wavetable, 1), unison(instrument.wavetable));
            return Optional.of(new Patch(source(track, tempo, recordSeconds), Optional.of(synth), chain));
        } catch (BadInputException e) {
            throw LiveError.other("cannot render track \"" + track.name + "\": " + e.getMessage());
        }
    }

    /** Display values of a device's catalog parameters, read from their LOM values. */
    static DeviceSettings settings(SimDevice d) {
        Map<String, Object> display = new LinkedHashMap<>();
        for (SimParameter p : d.parameters) {
            if (p.spec != null) {
                display.put(p.spec.name(), p.spec.fromLom(p.value));
            }
        }
        return d.spec.settings(display);
    }

    private static WavetableRef wavetable(WavetableState state, int oscillator) {
        String category = WavetableLibrary.CATEGORIES.get(state.category[oscillator]);
        List<String> names = WavetableLibrary.names(state.category[oscillator]);
        int index = state.index[oscillator];
        if (index < 0 || index >= names.size()) {
            throw new BadInputException("oscillator " + (oscillator + 1) + " has no table at index " + index + " of "
                    + category);
        }
        return new WavetableRef(category, names.get(index));
    }

    private static Unison unison(WavetableState state) {
        for (Unison.Mode mode : Unison.Mode.values()) {
            if (mode.liveIndex() == state.unisonMode) {
                return mode == Unison.Mode.NONE ? Unison.NONE : new Unison(mode, state.unisonVoices);
            }
        }
        throw new BadInputException("unison mode " + state.unisonMode + " is not rendered by the reference renderer");
    }

    private static SourceSpec source(SimTrack track, double tempo, double recordSeconds) {
        for (SimClip clip : track.clips) {
            if (clip == null) {
                continue;
            }
            List<SimNote> notes = clip.sortedNotes();
            if (notes.isEmpty()) {
                break;
            }
            SimNote n = notes.get(0);
            int velocity = (int) Math.max(1, Math.min(127, Math.round(n.velocity())));
            double gate = Math.min(SourceSpec.MAX_SECONDS, n.durationBeats() * 60 / tempo);
            return new SourceSpec(SourceKind.SYNTH, n.pitch(), velocity, gate, SourceSpec.DEFAULT_TAIL_SECONDS, 0);
        }
        return new SourceSpec(SourceKind.SYNTH, DEFAULT_PITCH, DEFAULT_VELOCITY, recordSeconds,
                SourceSpec.DEFAULT_TAIL_SECONDS, 0);
    }
}
