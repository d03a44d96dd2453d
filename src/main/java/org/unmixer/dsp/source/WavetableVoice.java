package org.unmixer.dsp.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.filter.Svf;
import org.unmixer.dsp.filter.SvfCascade;
import org.unmixer.params.DeviceSettings;

/**
 * One note of a Wavetable-style synth voice (Live 12 manual §28.13; dsp-reference §1): two
 * wavetable oscillators and a sub oscillator, summed, through Filter 1 (Clean: Cytomic SVF, see
 * {@link VoiceFilter}), then the amp envelope, velocity and Volume. Stereo out.
 *
 * <p>Choices, all [UNV] against Live: oscillators and sub start at phase 0 on every note (so a
 * render is deterministic without a seed; {@link Unison} copies in Classic mode take seeded phases); the oscillator reads its band-limited mip level
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
    /** Seed of the Classic unison's start phases, offset by the MIDI note: same note, same phases. */
    private static final long UNISON_SEED = 0x5EEDL;
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
        return render(WavetableControls.from(synth), table1, table2, note, totalSeconds, sampleRate, Unison.NONE);
    }

    /** As {@link #render(DeviceSettings, Wavetable, Wavetable, Note, double, int)}, with a unison mode. */
    public static AudioBuffer render(DeviceSettings synth, Wavetable table1, Wavetable table2, Note note,
            double totalSeconds, int sampleRate, Unison unison) {
        if (!synth.device().name().equals("Wavetable")) {
            throw new IllegalArgumentException("WavetableVoice renders the Wavetable device, got " + synth.device().name());
        }
        return render(WavetableControls.from(synth), table1, table2, note, totalSeconds, sampleRate, unison);
    }

    /** As {@link #render(DeviceSettings, Wavetable, Wavetable, Note, double, int, Unison)}, from controls. */
    public static AudioBuffer render(WavetableControls c, Wavetable table1, Wavetable table2, Note note,
            double totalSeconds, int sampleRate, Unison unison) {
        int frames = (int) Math.round(totalSeconds * sampleRate);
        if (frames < 1 || sampleRate <= 0) {
            throw new IllegalArgumentException("render length " + totalSeconds + " s at " + sampleRate + " Hz has no samples");
        }
        List<TableReader> readers = readers(c, table1, table2, note, sampleRate, unison);
        boolean mono = readers.stream().allMatch(TableReader::isCentred);
        Svf[] sections = c.filter().on() ? VoiceFilter.sections(c.filter(), sampleRate) : null;
        SvfCascade filterLeft = sections == null ? null : new SvfCascade(sections);
        SvfCascade filterRight = sections == null || mono ? null : new SvfCascade(sections);

        float[] outLeft = new float[frames];
        float[] outRight = mono ? outLeft : new float[frames];
        double[] left = new double[CONTROL_BLOCK];
        double[] right = mono ? left : new double[CONTROL_BLOCK];
        AmpEnvelope env = c.envelope();
        double gate = note.gateSeconds();
        double gain = c.volumeGain() * note.velocity() / 127.0;
        double e0 = env.level(0, gate);
        for (int start = 0; start < frames; start += CONTROL_BLOCK) {
            int n = Math.min(CONTROL_BLOCK, frames - start);
            double e1 = env.level((start + CONTROL_BLOCK) / (double) sampleRate, gate);
            if (e0 == 0 && e1 == 0 && start >= gate * sampleRate) {
                break; // the release has ended: the rest stays silent
            }
            Arrays.fill(left, 0, n, 0);
            if (!mono) {
                Arrays.fill(right, 0, n, 0);
            }
            for (TableReader r : readers) {
                r.add(left, right, n);
            }
            if (filterLeft != null) {
                filterLeft.processInPlace(left, 0, n);
            }
            if (filterRight != null) {
                filterRight.processInPlace(right, 0, n);
            }
            double step = gain * (e1 - e0) / CONTROL_BLOCK;
            double g = gain * e0;
            for (int i = 0; i < n; i++) {
                outLeft[start + i] = (float) (left[i] * g);
                if (!mono) {
                    outRight[start + i] = (float) (right[i] * g);
                }
                g += step;
            }
            e0 = e1;
        }
        return new AudioBuffer(new float[][] {outLeft, mono ? outLeft.clone() : outRight}, sampleRate);
    }

    /**
     * The oscillators' and sub's sum before Filter 1, the amp envelope, velocity and Volume:
     * [left, right], the same samples twice when every oscillator is centred. The rest of the voice
     * is linear and time-invariant apart from the envelope's gain, which is what lets a
     * differentiable voice rebuild it exactly ({@code model.diff.DiffWavetableVoice}).
     */
    public static float[][] oscillatorSum(WavetableControls c, Wavetable table1, Wavetable table2, Note note, double totalSeconds,
            int sampleRate, Unison unison) {
        int frames = (int) Math.round(totalSeconds * sampleRate);
        List<TableReader> readers = readers(c, table1, table2, note, sampleRate, unison);
        boolean mono = readers.stream().allMatch(TableReader::isCentred);
        float[] outLeft = new float[frames];
        float[] outRight = mono ? outLeft : new float[frames];
        double[] left = new double[CONTROL_BLOCK];
        double[] right = mono ? left : new double[CONTROL_BLOCK];
        for (int start = 0; start < frames; start += CONTROL_BLOCK) {
            int n = Math.min(CONTROL_BLOCK, frames - start);
            Arrays.fill(left, 0, n, 0);
            if (!mono) {
                Arrays.fill(right, 0, n, 0);
            }
            for (TableReader r : readers) {
                r.add(left, right, n);
            }
            for (int i = 0; i < n; i++) {
                outLeft[start + i] = (float) left[i];
                if (!mono) {
                    outRight[start + i] = (float) right[i];
                }
            }
        }
        return new float[][] {outLeft, mono ? outLeft.clone() : outRight};
    }

    private static List<TableReader> readers(WavetableControls c, Wavetable table1, Wavetable table2, Note note, int sampleRate,
            Unison unison) {
        return copies(c, table1, table2, note, sampleRate, unison).stream()
                .map(k -> new TableReader(k.cycle(), k.inc(), k.startPhase(), k.left(), k.right()))
                .toList();
    }

    /**
     * Every table read the voice sums: each wavetable oscillator's unison copies, then the sub. The
     * render reads them with {@link TableReader}; {@link OscillatorBasis} reads the same copies for
     * the sum's derivatives.
     */
    static List<OscillatorCopy> copies(WavetableControls c, Wavetable table1, Wavetable table2, Note note, int sampleRate,
            Unison unison) {
        double noteHz = Note.midiToHz(note.midiNote() + c.transposeSemitones());
        List<OscillatorCopy> copies = new ArrayList<>(3);
        SplittableRandom phases = new SplittableRandom(UNISON_SEED + note.midiNote());
        addOscillator(OscillatorCopy.Part.OSC1, c.osc1(), table1, noteHz, sampleRate, unison, c.unisonAmount(), phases, copies);
        addOscillator(OscillatorCopy.Part.OSC2, c.osc2(), table2, noteHz, sampleRate, unison, c.unisonAmount(), phases, copies);
        if (c.sub().on() && c.sub().gain() > 0) {
            double subHz = noteHz * Math.pow(2, c.sub().octave());
            double[] cycle = subCycle(c.sub().tone(), subHz, sampleRate);
            if (cycle != null) {
                copies.add(new OscillatorCopy(OscillatorCopy.Part.SUB, null, -1, 0, subHz, cycle,
                        subHz / sampleRate * Wavetable.TABLE_SIZE, 0, c.sub().gain(), c.sub().gain()));
            }
        }
        return copies;
    }

    /** Frequency of an oscillator for a note at {@code noteHz}: noteHz·2^(semitones/12). */
    public static double oscillatorHz(WavetableControls.Oscillator o, double noteHz) {
        return noteHz * Math.pow(2, o.semitones() / 12);
    }

    private static void addOscillator(OscillatorCopy.Part part, WavetableControls.Oscillator o, Wavetable table, double noteHz,
            int sampleRate, Unison unison, double unisonAmount, SplittableRandom phases, List<OscillatorCopy> copies) {
        if (!o.on() || (o.leftGain() == 0 && o.rightGain() == 0)) {
            return;
        }
        int n = unison.voices();
        double copyGain = 1 / Math.sqrt(n);
        Map<Integer, double[]> cycles = new HashMap<>();
        for (int j = 0; j < n; j++) {
            double hz = oscillatorHz(o, noteHz) * Math.pow(2, Unison.detuneCents(j, n, unisonAmount) / 1200);
            int level = Wavetable.levelFor(hz, sampleRate);
            if (level < 0) {
                continue; // even the fundamental would lie above 0.45·fs: band-limited means silent
            }
            double[] cycle = cycles.computeIfAbsent(level, m -> table.cycle(m, o.position()));
            double left = o.leftGain() * copyGain;
            double right = o.rightGain() * copyGain;
            double startPhase = 0;
            if (n > 1) {
                double pan = (j % 2 == 0 ? -1 : 1) * Unison.PAN;
                left *= WavetableControls.balanceLeft(pan);
                right *= WavetableControls.balanceRight(pan);
                startPhase = unison.mode() == Unison.Mode.CLASSIC ? phases.nextDouble() * Wavetable.TABLE_SIZE : 0;
            }
            copies.add(new OscillatorCopy(part, table, level, o.position(), hz, cycle, hz / sampleRate * Wavetable.TABLE_SIZE,
                    startPhase, left, right));
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

    /** The envelope exactly as the render applies it (control-rate points, linear ramps), for tests. */
    static double renderedEnvelopeAt(AmpEnvelope env, double gateSeconds, int sampleRate, int frame) {
        int start = frame / CONTROL_BLOCK * CONTROL_BLOCK;
        double e0 = env.level(start / (double) sampleRate, gateSeconds);
        double e1 = env.level((start + CONTROL_BLOCK) / (double) sampleRate, gateSeconds);
        return e0 + (e1 - e0) * (frame - start) / CONTROL_BLOCK;
    }
}
