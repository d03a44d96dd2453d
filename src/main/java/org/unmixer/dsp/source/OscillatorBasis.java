package org.unmixer.dsp.source;

import java.util.List;

/**
 * The voice's oscillator sum ({@link WavetableVoice#oscillatorSum}) taken apart so that a
 * differentiable voice can move the oscillators' settings: the sum is linear in each oscillator's
 * gain and in Sub Tone, and its first derivatives with respect to wave position and pitch are read
 * from the same table reads the render makes:
 *
 * <pre>
 * sum = g₁·osc1.unit + g₂·osc2.unit + g_sub·(subSine + tone·subHarmonics)
 * ∂sum/∂position_k = g_k·osck.perPosition      ∂sum/∂semitones_k = g_k·osck.perSemitone
 * </pre>
 *
 * where g are the oscillators' linear gains. A wavetable cycle is a linear crossfade of two frames,
 * so {@code perPosition} is exact inside a crossfade segment; the read phase of sample i is
 * φ₀ + i·inc with inc ∝ 2^(semitones/12), so ∂/∂semitones = c′(phase)·i·inc·ln2/12 with c′ the
 * slope of the linear interpolation — exact except where the pitch crosses a mip-level boundary,
 * where the render itself jumps. All arrays are [left, right] of the render's length, in double.
 *
 * @param osc1 oscillator 1 at unit gain, or null when it is silent
 * @param osc2 oscillator 2 at unit gain, or null when it is silent
 * @param subSine the sub's sine at unit gain, or null when the sub is silent
 * @param subHarmonics the sub's Tone harmonics (at Tone 100 %) at unit gain, or null
 */
public record OscillatorBasis(Part osc1, Part osc2, double[][] subSine, double[][] subHarmonics) {

    /**
     * @param unit the oscillator's render at gain 1 (0 dB), its pan and unison kept
     * @param perPosition ∂unit/∂position, position 0 … 1
     * @param perSemitone ∂unit/∂semitones of the oscillator's pitch
     */
    public record Part(double[][] unit, double[][] perPosition, double[][] perSemitone) {
    }

    /** The parts of the sum {@link WavetableVoice#oscillatorSum} renders with the same arguments. */
    public static OscillatorBasis of(WavetableControls c, Wavetable table1, Wavetable table2, Note note, double totalSeconds,
            int sampleRate, Unison unison) {
        int frames = (int) Math.round(totalSeconds * sampleRate);
        List<OscillatorCopy> copies = WavetableVoice.copies(c, table1, table2, note, sampleRate, unison);
        return new OscillatorBasis(part(copies, OscillatorCopy.Part.OSC1, c.osc1(), frames),
                part(copies, OscillatorCopy.Part.OSC2, c.osc2(), frames),
                sub(copies, frames, sampleRate, false), sub(copies, frames, sampleRate, true));
    }

    private static Part part(List<OscillatorCopy> copies, OscillatorCopy.Part which, WavetableControls.Oscillator o, int frames) {
        // The balance law keeps the louder side at unity, so the oscillator's gain is the larger side.
        double gain = Math.max(o.leftGain(), o.rightGain());
        double[][] unit = new double[2][frames];
        double[][] perPosition = new double[2][frames];
        double[][] perSemitone = new double[2][frames];
        boolean any = false;
        for (OscillatorCopy k : copies) {
            if (k.part() != which) {
                continue;
            }
            any = true;
            double[] slope = k.table().cycleSlope(k.level(), k.position());
            read(k, k.cycle(), slope, k.left() / gain, k.right() / gain, unit, perPosition, perSemitone);
        }
        return any ? new Part(unit, perPosition, perSemitone) : null;
    }

    private static double[][] sub(List<OscillatorCopy> copies, int frames, int sampleRate, boolean harmonics) {
        for (OscillatorCopy k : copies) {
            if (k.part() == OscillatorCopy.Part.SUB) {
                double[] sine = WavetableVoice.subCycle(0, k.hz(), sampleRate);
                double[] cycle = sine;
                if (harmonics) {
                    double[] full = WavetableVoice.subCycle(1, k.hz(), sampleRate);
                    cycle = new double[full.length];
                    for (int i = 0; i < full.length; i++) {
                        cycle[i] = full[i] - sine[i];
                    }
                }
                double[][] out = new double[2][frames];
                read(k, cycle, null, 1, 1, out, null, null);
                return out;
            }
        }
        return null;
    }

    /** Adds one copy's read (the phases exactly as {@link TableReader} steps them) and its derivatives. */
    private static void read(OscillatorCopy k, double[] c, double[] slope, double left, double right, double[][] unit,
            double[][] perPosition, double[][] perSemitone) {
        double size = Wavetable.TABLE_SIZE;
        double inc = k.inc();
        double perSemitoneInc = inc * Math.log(2) / 12;
        double p = k.startPhase();
        int frames = unit[0].length;
        for (int i = 0; i < frames; i++) {
            int idx = (int) p;
            double frac = p - idx;
            double a = c[idx];
            double dc = c[idx + 1] - a;
            double v = a + frac * dc;
            unit[0][i] += left * v;
            unit[1][i] += right * v;
            if (slope != null) {
                double s = slope[idx] + frac * (slope[idx + 1] - slope[idx]);
                perPosition[0][i] += left * s;
                perPosition[1][i] += right * s;
                double d = dc * i * perSemitoneInc;
                perSemitone[0][i] += left * d;
                perSemitone[1][i] += right * d;
            }
            p += inc;
            if (p >= size) {
                p -= size;
            }
        }
    }
}
