package org.unmixer.model.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.source.Note;
import org.unmixer.dsp.source.OscillatorBasis;
import org.unmixer.dsp.source.Unison;
import org.unmixer.dsp.source.Wavetable;
import org.unmixer.dsp.source.WavetableControls;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * What the differentiable voice ({@link DiffWavetableVoice}) and its plain-Java adjoint
 * ({@link VoiceAdjoint}) share, so that the two cannot drift apart: which parameters form θ, the
 * settings θ stands for, and the oscillator basis, rebuilt whenever the oscillators' settings at
 * the current θ differ from the last call's. No DJL here.
 */
final class VoiceLayout {
    final DeviceSettings fixed;
    final WavetableControls controls;
    final List<ParamSpec> parameters;
    final Note note;
    final int sampleRate;
    final int frames;
    private final Wavetable table1;
    private final Wavetable table2;
    private final Unison unison;
    private double[] basisKey;
    private OscillatorBasis basis;

    VoiceLayout(SynthSpec synth, SourceSpec source, int sampleRate) {
        this.fixed = synth.settings();
        this.controls = WavetableControls.from(fixed);
        this.sampleRate = sampleRate;
        this.frames = Math.max(1, (int) Math.round(source.totalSeconds() * sampleRate));
        this.note = new Note(source.note(), source.velocity(), source.seconds());
        this.table1 = Wavetables.find(synth.oscillator1().category(), synth.oscillator1().name());
        this.table2 = Wavetables.find(synth.oscillator2().category(), synth.oscillator2().name());
        this.unison = synth.unison();
        OscillatorBasis sounding = basis(controls);
        List<String> names = new ArrayList<>();
        names.add("Volume");
        if (sounding.osc1() != null && table1.frameCount() > 1) {
            names.add("Osc 1 Pos");
        }
        if (sounding.osc2() != null) {
            if (table2.frameCount() > 1) {
                names.add("Osc 2 Pos");
            }
            names.addAll(List.of("Osc 2 Detune", "Osc 2 Gain"));
        }
        if (sounding.subSine() != null) {
            names.addAll(List.of("Sub Gain", "Sub Tone"));
        }
        if (controls.filter().on()) {
            names.addAll(List.of("Filter 1 Freq", "Filter 1 Res"));
        }
        names.addAll(List.of("Amp Attack", "Amp Decay", "Amp Sustain", "Amp Release"));
        this.parameters = names.stream().map(n -> fixed.device().param(n)).toList();
    }

    /** Where the named parameter sits in θ, or −1 when it is not part of θ. */
    int index(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The voice's controls at θ (each value clamped to [0, 1]). */
    WavetableControls controlsAt(double[] theta) {
        DeviceSettings current = fixed;
        for (int i = 0; i < theta.length; i++) {
            current = current.withNormalized(parameters.get(i).name(), Math.min(1, Math.max(0, theta[i])));
        }
        return WavetableControls.from(current);
    }

    /** The oscillator basis at these controls, reused while the oscillators' settings stay. */
    OscillatorBasis basis(WavetableControls c) {
        double[] key = {c.osc1().position(), c.osc1().semitones(), c.osc2().position(), c.osc2().semitones(),
            c.transposeSemitones(), c.unisonAmount(), c.sub().octave(), c.osc1().on() ? 1 : 0, c.osc2().on() ? 1 : 0, c.sub().on() ? 1 : 0};
        if (basis == null || !Arrays.equals(key, basisKey)) {
            basis = OscillatorBasis.of(c, table1, table2, note, frames / (double) sampleRate, sampleRate, unison);
            basisKey = key;
        }
        return basis;
    }
}
