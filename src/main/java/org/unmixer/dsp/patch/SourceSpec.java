package org.unmixer.dsp.patch;

import org.unmixer.params.BadInputException;

/**
 * The patch's source: for {@link SourceKind#SYNTH} a note held for {@code seconds} (the gate), for
 * the known-source kinds a signal lasting {@code seconds}. {@code tailSeconds} of room follow, so
 * release and reverb tails are heard. {@code seed} makes noise and any randomness repeatable.
 */
public record SourceSpec(SourceKind kind, int note, int velocity, double seconds, double tailSeconds, long seed) {
    public static final double DEFAULT_TAIL_SECONDS = 1.0;
    /** Longest render the renderer accepts, so a typo cannot ask for an hour of audio. */
    public static final double MAX_SECONDS = 60;

    public SourceSpec {
        if (note < 0 || note > 127) {
            throw new BadInputException("source.note " + note + " is out of range 0..127");
        }
        if (velocity < 1 || velocity > 127) {
            throw new BadInputException("source.velocity " + velocity + " is out of range 1..127");
        }
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new BadInputException("source.seconds " + seconds + " is out of range (0, " + (int) MAX_SECONDS + "]");
        }
        if (!(tailSeconds >= 0) || tailSeconds > MAX_SECONDS) {
            throw new BadInputException("source.tail " + tailSeconds + " is out of range 0.." + (int) MAX_SECONDS);
        }
    }

    /** A synth note with the default tail. */
    public static SourceSpec synth(int note, int velocity, double seconds) {
        return new SourceSpec(SourceKind.SYNTH, note, velocity, seconds, DEFAULT_TAIL_SECONDS, 0);
    }

    /** Total length of the render: gate (or signal) plus tail. */
    public double totalSeconds() {
        return seconds + tailSeconds;
    }
}
