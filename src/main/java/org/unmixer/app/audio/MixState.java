package org.unmixer.app.audio;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.audio.AudioBuffer;

/**
 * Everything the A/B mix needs to render its next frames, as an immutable value: one playhead
 * shared by both sounds (so switching source never moves it), each sound's gain ramp, earlier
 * rebuilds still fading out after {@link #withB}, and a master level that ramps on play and pause.
 * Transitions return a new state; {@link AbMixer#render} advances it.
 *
 * <p>The programme is {@code lengthFrames = max(A, B)} long; the shorter sound reads as silence past
 * its end. A state is "silent" when it is paused and its level has reached 0: then gains may jump
 * instead of ramping, since nothing is heard.
 *
 * @param positionFrames playhead, 0 ≤ position ≤ length (equal to length only until the next render
 *     wraps or stops)
 * @param lengthFrames frames in the programme, ≥ 1
 * @param a the original
 * @param b the current rebuild
 * @param retiring earlier rebuilds fading out after a swap (dropped when silent)
 * @param source which sound is (or is becoming) audible
 * @param level master gain 0..1, ramping towards 1 while playing and 0 while paused
 * @param playing whether the transport runs
 * @param looping whether the end wraps to the start instead of stopping
 * @param rewindWhenSilent rewind to 0 once the fade-out after {@link #stopped()} is over
 */
public record MixState(
        int positionFrames,
        int lengthFrames,
        Voice a,
        Voice b,
        List<Voice> retiring,
        AbSource source,
        double level,
        boolean playing,
        boolean looping,
        boolean rewindWhenSilent) {

    public MixState {
        retiring = List.copyOf(retiring);
        if (lengthFrames < 1) {
            throw new IllegalArgumentException("the programme needs at least one frame, got " + lengthFrames);
        }
        if (positionFrames < 0 || positionFrames > lengthFrames) {
            throw new IllegalArgumentException("position " + positionFrames + " outside [0, " + lengthFrames + "]");
        }
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("level must be in [0, 1], got " + level);
        }
    }

    /** Paused at the start, A selected, not looping. */
    public static MixState initial(AudioBuffer original, AudioBuffer rebuild) {
        return new MixState(0, length(original, rebuild), Voice.steady(original, 1), Voice.steady(rebuild, 0),
                List.of(), AbSource.A, 0, false, false, false);
    }

    /** Nothing is heard and nothing is about to be. */
    public boolean silent() {
        return !playing && level == 0;
    }

    /** Select a source: its gain ramps to 1 and the other's to 0 (jumps when silent), position kept. */
    public MixState withSource(AbSource s) {
        double ga = s == AbSource.A ? 1 : 0;
        Voice na = silent() ? Voice.steady(a.audio(), ga) : a.toward(ga);
        Voice nb = silent() ? Voice.steady(b.audio(), 1 - ga) : b.toward(1 - ga);
        return new MixState(positionFrames, lengthFrames, na, nb, retiring, s, level, playing, looping, rewindWhenSilent);
    }

    /**
     * Swap in another rebuild at the same position: if B is audible the old one fades out while the
     * new one fades in, so the swap is as click-free as an A/B switch.
     */
    public MixState withB(AudioBuffer rebuild) {
        double target = source == AbSource.B ? 1 : 0;
        List<Voice> r = new ArrayList<>(retiring);
        Voice nb;
        if (silent() || b.gain() == 0) {
            nb = Voice.steady(rebuild, silent() ? target : 0).toward(target);
        } else {
            r.add(b.toward(0));
            nb = new Voice(rebuild, 0, target);
        }
        int length = length(a.audio(), rebuild);
        int position = Math.min(positionFrames, length);
        return new MixState(position, length, a, nb, r, source, level, playing, looping, rewindWhenSilent);
    }

    /** Start (or resume) the transport; the level ramps up from where it is. */
    public MixState played() {
        return new MixState(positionFrames, lengthFrames, a, b, retiring, source, level, true, looping, false);
    }

    /** Pause: the level ramps down, then the playhead stays where the fade ended. */
    public MixState paused() {
        return new MixState(positionFrames, lengthFrames, a, b, retiring, source, level, false, looping, false);
    }

    /** Pause, then rewind to the start once the fade-out is over (at once if already silent). */
    public MixState stopped() {
        if (silent()) {
            return new MixState(0, lengthFrames, a, b, retiring, source, 0, false, looping, false);
        }
        return new MixState(positionFrames, lengthFrames, a, b, retiring, source, level, false, looping, true);
    }

    /** Silent at once, no fade (the output failed, so nothing can be heard anyway); gains settle on their targets. */
    public MixState silenced() {
        List<Voice> none = List.of();
        return new MixState(positionFrames, lengthFrames, Voice.steady(a.audio(), a.targetGain()),
                Voice.steady(b.audio(), b.targetGain()), none, source, 0, false, looping, false);
    }

    public MixState withLooping(boolean loop) {
        return new MixState(positionFrames, lengthFrames, a, b, retiring, source, level, playing, loop, rewindWhenSilent);
    }

    /**
     * Move the playhead; {@code frame} must lie in [0, length]. A jump while audible is not faded
     * (like clicking into a waveform in any editor); the A/B switch is what must not click.
     */
    public MixState seek(int frame) {
        if (frame < 0 || frame > lengthFrames) {
            throw new IllegalArgumentException("seek to " + frame + " outside [0, " + lengthFrames + "]");
        }
        return new MixState(frame, lengthFrames, a, b, retiring, source, level, playing, looping, false);
    }

    private static int length(AudioBuffer x, AudioBuffer y) {
        return Math.max(1, Math.max(x.frames(), y.frames()));
    }
}
