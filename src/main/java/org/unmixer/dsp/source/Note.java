package org.unmixer.dsp.source;

/**
 * One note played on a synth voice.
 *
 * @param midiNote 0 … 127 (69 = A4 = 440 Hz)
 * @param velocity 1 … 127
 * @param gateSeconds how long the key is held (≥ 0); the release starts then
 */
public record Note(int midiNote, int velocity, double gateSeconds) {
    public Note {
        if (midiNote < 0 || midiNote > 127) {
            throw new IllegalArgumentException("MIDI note " + midiNote + " outside 0..127");
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity " + velocity + " outside 1..127");
        }
        if (!(gateSeconds >= 0) || Double.isInfinite(gateSeconds)) {
            throw new IllegalArgumentException("gate time must be ≥ 0 s, got " + gateSeconds);
        }
    }

    /** Equal-tempered frequency of a (fractional) MIDI note number, A4 = 440 Hz. */
    public static double midiToHz(double midi) {
        return 440 * Math.pow(2, (midi - 69) / 12);
    }
}
