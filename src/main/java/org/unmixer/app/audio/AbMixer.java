package org.unmixer.app.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * The A/B mix as a pure function: state in, the next frames and the next state out. No threads, no
 * device; {@link AbPlayer} feeds its output to the sound card.
 *
 * <p>Per frame: {@code out[c] = level · Σ gainᵥ · xᵥ[c][position]} over A, B and retiring rebuilds,
 * then every gain and the level move by {@code 1/fadeFrames} towards their targets (a linear ramp),
 * then the playhead advances. A linear rather than equal-power crossfade because A and B are meant
 * to be nearly the same sound, so they are correlated and a linear fade keeps their sum at constant
 * amplitude (equal power would bump it by up to 3 dB mid-fade); over 5 ms the shapes sound alike.
 *
 * <p>At the end of the programme the playhead wraps to 0 when looping (the seam is not faded: it is
 * the sound's own end meeting its start), otherwise the transport stops, the level drops to 0 and
 * the playhead rewinds to 0; the rest of the block is silence. While silent the playhead holds.
 */
public final class AbMixer {
    /** Default crossfade, 5 ms: long enough to hide the step, short enough to feel instant. */
    public static final double DEFAULT_FADE_SECONDS = 0.005;

    private AbMixer() {}

    /** The rendered frames ({@code [channels][frames]}) and the state after them. */
    public record Block(float[][] samples, MixState next) {
        public int frames() {
            return samples[0].length;
        }
    }

    /**
     * Render {@code frames} frames of {@code channels} channels.
     *
     * @param fadeFrames length of every ramp (source switch, B swap, play/pause), ≥ 1
     */
    public static Block render(MixState state, int frames, int channels, int fadeFrames) {
        if (frames < 0 || channels < 1 || fadeFrames < 1) {
            throw new IllegalArgumentException("frames " + frames + ", channels " + channels + ", fadeFrames " + fadeFrames);
        }
        List<Voice> voices = new ArrayList<>();
        voices.add(state.a());
        voices.add(state.b());
        voices.addAll(state.retiring());
        int n = voices.size();
        double[] gain = new double[n];
        double[] target = new double[n];
        for (int v = 0; v < n; v++) {
            gain[v] = voices.get(v).gain();
            target[v] = voices.get(v).targetGain();
        }
        double step = 1.0 / fadeFrames;
        double level = state.level();
        boolean playing = state.playing();
        boolean rewind = state.rewindWhenSilent();
        int position = state.positionFrames();
        int length = state.lengthFrames();
        float[][] out = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            if (!playing && level == 0) {
                break;
            }
            if (position >= length) {
                if (state.looping()) {
                    position = 0;
                } else {
                    playing = false;
                    level = 0;
                    position = 0;
                    rewind = false;
                    break;
                }
            }
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int v = 0; v < n; v++) {
                    if (gain[v] != 0) {
                        sum += gain[v] * voices.get(v).sample(c, position);
                    }
                }
                out[c][i] = (float) (level * sum);
            }
            for (int v = 0; v < n; v++) {
                gain[v] = approach(gain[v], target[v], step);
            }
            level = approach(level, playing ? 1 : 0, step);
            position++;
            if (rewind && !playing && level == 0) {
                position = 0;
                rewind = false;
            }
        }
        Voice a = new Voice(state.a().audio(), gain[0], target[0]);
        Voice b = new Voice(state.b().audio(), gain[1], target[1]);
        List<Voice> retiring = new ArrayList<>();
        for (int v = 2; v < n; v++) {
            Voice r = new Voice(voices.get(v).audio(), gain[v], target[v]);
            if (!r.silent()) {
                retiring.add(r);
            }
        }
        MixState next = new MixState(position, length, a, b, retiring, state.source(), level, playing,
                state.looping(), rewind);
        return new Block(out, next);
    }

    /** Frames in a fade of {@code seconds} at {@code sampleRate}, at least 1. */
    public static int fadeFrames(double seconds, int sampleRate) {
        return Math.max(1, (int) Math.round(seconds * sampleRate));
    }

    /** One ramp step towards {@code goal}; lands exactly on it when within a step (so a fade is exactly fadeFrames long). */
    private static double approach(double x, double goal, double step) {
        if (Math.abs(goal - x) <= step * (1 + 1e-9)) {
            return goal;
        }
        if (x < goal) {
            return Math.min(goal, x + step);
        }
        return Math.max(goal, x - step);
    }
}
