package org.unmixer.audio;

import java.util.Locale;

/**
 * A detected pitch.
 *
 * @param hz fundamental frequency
 * @param midiNote nearest MIDI note (A4 = 440 Hz = 69)
 * @param cents deviation of {@code hz} from {@code midiNote}, −50 … +50
 * @param confidence share of the sounding frames that agree with {@code hz} (0 … 1)
 */
public record Pitch(double hz, int midiNote, double cents, double confidence) {
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    /** The pitch nearest {@code hz}, with its cents offset. */
    public static Pitch of(double hz, double confidence) {
        double midi = hzToMidi(hz);
        int note = (int) Math.round(midi);
        return new Pitch(hz, note, 100 * (midi - note), confidence);
    }

    /** Fractional MIDI note: {@code 69 + 12·log2(hz / 440)}. */
    public static double hzToMidi(double hz) {
        return 69 + 12 * Math.log(hz / 440) / Math.log(2);
    }

    /** {@code 440 · 2^((midi − 69)/12)}. */
    public static double midiToHz(double midi) {
        return 440 * Math.pow(2, (midi - 69) / 12);
    }

    /**
     * Note name as Ableton Live shows it: MIDI 60 is "C3" (octave = midi / 12 − 2, so MIDI 0 is "C-2"
     * and A 440 Hz, MIDI 69, is "A3"). Sharps, no flats.
     */
    public static String noteName(int midi) {
        if (midi < 0 || midi > 127) {
            throw new IllegalArgumentException("MIDI note must be 0–127, got " + midi);
        }
        return NAMES[midi % 12] + (midi / 12 - 2);
    }

    /** Live's name of {@link #midiNote()}. */
    public String noteName() {
        return noteName(midiNote);
    }

    /** E.g. {@code "C3 +4 cents (261.9 Hz)"}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %+.0f cents (%.1f Hz)", noteName(), cents, hz);
    }
}
