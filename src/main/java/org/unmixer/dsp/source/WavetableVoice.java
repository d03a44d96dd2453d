package org.unmixer.dsp.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.filter.Svf;
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
        double noteHz = Note.midiToHz(note.midiNote() + c.transposeSemitones());
        List<TableReader> readers = new ArrayList<>(3);
        SplittableRandom phases = new SplittableRandom(UNISON_SEED + note.midiNote());
        addOscillator(c.osc1(), table1, noteHz, sampleRate, unison, c.unisonAmount(), phases, readers);
        addOscillator(c.osc2(), table2, noteHz, sampleRate, unison, c.unisonAmount(), phases, readers);
        if (c.sub().on() && c.sub().gain() > 0) {
            double subHz = noteHz * Math.pow(2, c.sub().octave());
            double[] cycle = subCycle(c.sub().tone(), subHz, sampleRate);
            if (cycle != null) {
                readers.add(new TableReader(cycle, subHz / sampleRate * Wavetable.TABLE_SIZE, 0, c.sub().gain(),
                        c.sub().gain()));
            }
        }
        boolean mono = readers.stream().allMatch(r -> r.leftGain == r.rightGain);
        StereoSvf filter = c.filter().on() ? new StereoSvf(VoiceFilter.sections(c.filter(), sampleRate)) : null;

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
            if (filter != null) {
                filter.process(left, right, n);
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

    /** Frequency of an oscillator for a note at {@code noteHz}: noteHz·2^(semitones/12). */
    public static double oscillatorHz(WavetableControls.Oscillator o, double noteHz) {
        return noteHz * Math.pow(2, o.semitones() / 12);
    }

    private static void addOscillator(WavetableControls.Oscillator o, Wavetable table, double noteHz, int sampleRate,
            Unison unison, double unisonAmount, SplittableRandom phases, List<TableReader> readers) {
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
            readers.add(new TableReader(cycle, hz / sampleRate * Wavetable.TABLE_SIZE, startPhase, left, right));
        }
    }

    /**
     * Periodic read of one cycle (TABLE_SIZE + 1 samples, last = first) at {@code inc} table samples
     * per output sample, from a start phase in table samples, with linear interpolation. Holds its
     * phase across blocks.
     */
    private static final class TableReader {
        private final double[] cycle;
        private final double inc;
        private final double leftGain;
        private final double rightGain;
        private double phase;

        TableReader(double[] cycle, double inc, double startPhase, double leftGain, double rightGain) {
            this.cycle = cycle;
            this.inc = inc;
            this.phase = startPhase;
            this.leftGain = leftGain;
            this.rightGain = rightGain;
        }

        /** Adds the next n samples into left/right (the same array when the voice is mono). */
        void add(double[] left, double[] right, int n) {
            final double[] c = cycle;
            final double size = Wavetable.TABLE_SIZE;
            double p = phase;
            if (left == right) {
                for (int i = 0; i < n; i++) {
                    int idx = (int) p;
                    double a = c[idx];
                    left[i] += leftGain * (a + (p - idx) * (c[idx + 1] - a));
                    p += inc;
                    if (p >= size) {
                        p -= size;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    int idx = (int) p;
                    double a = c[idx];
                    double v = a + (p - idx) * (c[idx + 1] - a);
                    left[i] += leftGain * v;
                    right[i] += rightGain * v;
                    p += inc;
                    if (p >= size) {
                        p -= size;
                    }
                }
            }
            phase = p;
        }
    }

    /**
     * One or two SVF sections on one or two channels, fused in one loop. The trapezoidal SVF
     * (dsp-reference §1.3) is run in its equivalent state-space form on the same states
     * (ic1eq, ic2eq): with v3 = v0 − ic2eq, v1 = a1·ic1eq + a2·v3, v2 = ic2eq + a2·ic1eq + a3·v3,
     * <pre>
     * ic1eq' = (2a1 − 1)·ic1eq − 2a2·ic2eq + 2a2·v0
     * ic2eq' = 2a2·ic1eq + (1 − 2a3)·ic2eq + 2a3·v0
     * y      = (m1·a1 + m2·a2)·ic1eq + (m2·(1 − a3) − m1·a2)·ic2eq + (m0 + m1·a2 + m2·a3)·v0
     * </pre>
     * which shortens the loop-carried dependency chain (one multiply and two adds per state).
     * {@code WavetableVoiceTest} checks the result against the analytic response.
     */
    private static final class StereoSvf {
        private final double[][] k; // per section: a11, a12, b1, a21, a22, b2, c1, c2, d
        private final double[][] stateLeft;
        private final double[][] stateRight;

        StereoSvf(Svf[] sections) {
            k = new double[sections.length][];
            for (int s = 0; s < sections.length; s++) {
                Svf c = sections[s];
                k[s] = new double[] {
                    2 * c.a1() - 1, -2 * c.a2(), 2 * c.a2(),
                    2 * c.a2(), 1 - 2 * c.a3(), 2 * c.a3(),
                    c.m1() * c.a1() + c.m2() * c.a2(), c.m2() * (1 - c.a3()) - c.m1() * c.a2(),
                    c.m0() + c.m1() * c.a2() + c.m2() * c.a3()};
            }
            stateLeft = new double[sections.length][2];
            stateRight = new double[sections.length][2];
        }

        void process(double[] l, double[] r, int n) {
            if (k.length == 1) {
                run1(k[0], stateLeft[0], l, n);
                if (r != l) {
                    run1(k[0], stateRight[0], r, n);
                }
            } else {
                run2(k[0], k[1], stateLeft[0], stateLeft[1], l, n);
                if (r != l) {
                    run2(k[0], k[1], stateRight[0], stateRight[1], r, n);
                }
            }
        }

        private static void run1(double[] k, double[] st, double[] x, int n) {
            final double a11 = k[0], a12 = k[1], b1 = k[2], a21 = k[3], a22 = k[4], b2 = k[5];
            final double c1 = k[6], c2 = k[7], d = k[8];
            double s1 = st[0];
            double s2 = st[1];
            for (int i = 0; i < n; i++) {
                double v0 = x[i];
                x[i] = c1 * s1 + c2 * s2 + d * v0;
                double n1 = a11 * s1 + (a12 * s2 + b1 * v0);
                s2 = a21 * s1 + (a22 * s2 + b2 * v0);
                s1 = n1;
            }
            st[0] = s1;
            st[1] = s2;
        }

        private static void run2(double[] k, double[] q, double[] st, double[] su, double[] x, int n) {
            final double a11 = k[0], a12 = k[1], b1 = k[2], a21 = k[3], a22 = k[4], b2 = k[5];
            final double c1 = k[6], c2 = k[7], d = k[8];
            final double e11 = q[0], e12 = q[1], f1 = q[2], e21 = q[3], e22 = q[4], f2 = q[5];
            final double g1 = q[6], g2 = q[7], h = q[8];
            double s1 = st[0];
            double s2 = st[1];
            double u1 = su[0];
            double u2 = su[1];
            for (int i = 0; i < n; i++) {
                double v0 = x[i];
                double y = c1 * s1 + c2 * s2 + d * v0;
                double n1 = a11 * s1 + (a12 * s2 + b1 * v0);
                s2 = a21 * s1 + (a22 * s2 + b2 * v0);
                s1 = n1;
                x[i] = g1 * u1 + g2 * u2 + h * y;
                double w1 = e11 * u1 + (e12 * u2 + f1 * y);
                u2 = e21 * u1 + (e22 * u2 + f2 * y);
                u1 = w1;
            }
            st[0] = s1;
            st[1] = s2;
            su[0] = u1;
            su[1] = u2;
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
