package org.unmixer.dsp.source;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.filter.Svf;
import org.unmixer.dsp.filter.SvfFilter;
import org.unmixer.params.DeviceSettings;

/**
 * One note of a Wavetable-style synth voice (Live 12 manual §28.13; dsp-reference §1): two
 * wavetable oscillators and a sub oscillator, summed, through Filter 1 (Clean: Cytomic SVF, see
 * {@link VoiceFilter}), then the amp envelope, velocity and Volume. Stereo out.
 *
 * <p>Choices, all [UNV] against Live: oscillators and sub start at phase 0 on every note (so a
 * render is deterministic without a seed); the oscillator reads its band-limited mip level
 * ({@link Wavetable}) by linear interpolation; the amp envelope is evaluated in closed form every
 * {@link #CONTROL_BLOCK} samples and ramped linearly in between, as Live's modulation runs at a
 * 32-sample control rate with Hi-Quality off (dsp-reference §0); velocity scales the amplitude
 * linearly by velocity/127. Nothing in the voice is modulated at audio rate, so filter coefficients
 * and pitches are fixed for the note.
 *
 * <p>Pure: a function of its arguments, no fields, safe to call from several threads.
 */
public final class WavetableVoice {
    /** Samples per control block (Live's modulation rate with Hi-Quality off). */
    public static final int CONTROL_BLOCK = 32;
    /** Odd harmonics the sub's Tone adds, each at amplitude tone/h [UNV]. */
    private static final int[] SUB_TONE_HARMONICS = {3, 5, 7};

    private WavetableVoice() {
    }

    /**
     * Renders one note of the "Wavetable" device.
     *
     * @param synth settings of the "Wavetable" device (display units)
     * @param table1 wavetable of oscillator 1
     * @param table2 wavetable of oscillator 2
     * @param note the note; the amp release starts at its gate time and continues to the end
     * @param totalSeconds length of the output (the release is cut there)
     * @param sampleRate output rate
     * @return stereo audio of round(totalSeconds·sampleRate) frames
     */
    public static AudioBuffer render(DeviceSettings synth, Wavetable table1, Wavetable table2, Note note,
            double totalSeconds, int sampleRate) {
        if (!synth.device().name().equals("Wavetable")) {
            throw new IllegalArgumentException("WavetableVoice renders the Wavetable device, got " + synth.device().name());
        }
        return render(WavetableControls.from(synth), table1, table2, note, totalSeconds, sampleRate);
    }

    /** As {@link #render(DeviceSettings, Wavetable, Wavetable, Note, double, int)}, from controls. */
    public static AudioBuffer render(WavetableControls c, Wavetable table1, Wavetable table2, Note note,
            double totalSeconds, int sampleRate) {
        int frames = (int) Math.round(totalSeconds * sampleRate);
        if (frames < 1 || sampleRate <= 0) {
            throw new IllegalArgumentException("render length " + totalSeconds + " s at " + sampleRate + " Hz has no samples");
        }
        double noteHz = Note.midiToHz(note.midiNote() + c.transposeSemitones());
        var o1 = c.osc1();
        var o2 = c.osc2();
        boolean mono = (!o1.on() || o1.leftGain() == o1.rightGain()) && (!o2.on() || o2.leftGain() == o2.rightGain());
        double[] left = new double[frames];
        double[] right = mono ? left : new double[frames];

        addOscillator(o1, table1, noteHz, sampleRate, left, right);
        addOscillator(o2, table2, noteHz, sampleRate, left, right);
        if (c.sub().on()) {
            double subHz = noteHz * Math.pow(2, c.sub().octave());
            double[] cycle = subCycle(c.sub().tone(), subHz, sampleRate);
            if (cycle != null) {
                addCycle(cycle, subHz / sampleRate * Wavetable.TABLE_SIZE, c.sub().gain(), c.sub().gain(), left, right);
            }
        }
        if (c.filter().on()) {
            for (Svf section : VoiceFilter.sections(c.filter(), sampleRate)) {
                new SvfFilter(section).processInPlace(left, 0, frames);
                if (!mono) {
                    new SvfFilter(section).processInPlace(right, 0, frames);
                }
            }
        }
        double gain = c.volumeGain() * note.velocity() / 127.0;
        applyEnvelope(c.envelope(), note.gateSeconds(), gain, sampleRate, left);
        if (!mono) {
            applyEnvelope(c.envelope(), note.gateSeconds(), gain, sampleRate, right);
        }
        float[][] out = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            out[0][i] = (float) left[i];
            out[1][i] = (float) right[i];
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** Frequency of an oscillator for a note at {@code noteHz}: noteHz·2^(semitones/12). */
    public static double oscillatorHz(WavetableControls.Oscillator o, double noteHz) {
        return noteHz * Math.pow(2, o.semitones() / 12);
    }

    private static void addOscillator(WavetableControls.Oscillator o, Wavetable table, double noteHz, int sampleRate,
            double[] left, double[] right) {
        if (!o.on() || (o.leftGain() == 0 && o.rightGain() == 0)) {
            return;
        }
        double hz = oscillatorHz(o, noteHz);
        int level = Wavetable.levelFor(hz, sampleRate);
        if (level < 0) {
            return; // even the fundamental would lie above 0.45·fs: band-limited means silent
        }
        double[] cycle = table.cycle(level, o.position());
        addCycle(cycle, hz / sampleRate * Wavetable.TABLE_SIZE, o.leftGain(), o.rightGain(), left, right);
    }

    /**
     * Adds a periodic read of {@code cycle} (TABLE_SIZE + 1 samples, last = first) at {@code inc}
     * table samples per output sample, starting at phase 0, with linear interpolation.
     */
    static void addCycle(double[] cycle, double inc, double leftGain, double rightGain, double[] left, double[] right) {
        final int size = Wavetable.TABLE_SIZE;
        final int n = left.length;
        double phase = 0;
        if (left == right) {
            for (int i = 0; i < n; i++) {
                int idx = (int) phase;
                double a = cycle[idx];
                left[i] += leftGain * (a + (phase - idx) * (cycle[idx + 1] - a));
                phase += inc;
                if (phase >= size) {
                    phase -= size;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                int idx = (int) phase;
                double a = cycle[idx];
                double v = a + (phase - idx) * (cycle[idx + 1] - a);
                left[i] += leftGain * v;
                right[i] += rightGain * v;
                phase += inc;
                if (phase >= size) {
                    phase -= size;
                }
            }
        }
    }

    /**
     * One cycle of the sub: sin φ + tone·Σ sin(hφ)/h over h ∈ {3, 5, 7}, each harmonic kept only
     * while h·f ≤ 0.45·fs; null when the fundamental itself is above that.
     */
    static double[] subCycle(double tone, double subHz, int sampleRate) {
        double limit = Wavetable.BAND_LIMIT * sampleRate;
        if (subHz > limit) {
            return null;
        }
        int size = Wavetable.TABLE_SIZE;
        double[] cycle = new double[size + 1];
        for (int i = 0; i <= size; i++) {
            double phi = 2 * Math.PI * i / size;
            double v = Math.sin(phi);
            if (tone > 0) {
                for (int h : SUB_TONE_HARMONICS) {
                    if (h * subHz <= limit) {
                        v += tone * Math.sin(h * phi) / h;
                    }
                }
            }
            cycle[i] = v;
        }
        cycle[size] = cycle[0];
        return cycle;
    }

    /** Multiplies by gain × envelope, the envelope taken every CONTROL_BLOCK samples and ramped linearly. */
    private static void applyEnvelope(AmpEnvelope env, double gateSeconds, double gain, int sampleRate, double[] x) {
        int n = x.length;
        double e0 = env.level(0, gateSeconds);
        for (int start = 0; start < n; start += CONTROL_BLOCK) {
            double e1 = env.level((start + CONTROL_BLOCK) / (double) sampleRate, gateSeconds);
            double step = (e1 - e0) / CONTROL_BLOCK;
            int end = Math.min(n, start + CONTROL_BLOCK);
            double e = e0;
            for (int i = start; i < end; i++) {
                x[i] *= gain * e;
                e += step;
            }
            e0 = e1;
        }
    }

    /** The envelope exactly as the render applies it (control-rate points, linear ramps), for tests. */
    static double renderedEnvelopeAt(AmpEnvelope env, double gateSeconds, int sampleRate, int frame) {
        int start = frame / CONTROL_BLOCK * CONTROL_BLOCK;
        double e0 = env.level(start / (double) sampleRate, gateSeconds);
        double e1 = env.level((start + CONTROL_BLOCK) / (double) sampleRate, gateSeconds);
        return e0 + (e1 - e0) * (frame - start) / CONTROL_BLOCK;
    }
}
