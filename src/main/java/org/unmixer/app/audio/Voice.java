package org.unmixer.app.audio;

import org.unmixer.audio.AudioBuffer;

/**
 * One sound in the mix with its current gain and the gain it is ramping towards (both 0..1).
 * Reading past the end of {@code audio} gives silence, which is how a rebuild shorter than the
 * original is padded.
 */
public record Voice(AudioBuffer audio, double gain, double targetGain) {
    public Voice {
        if (!(gain >= 0 && gain <= 1) || !(targetGain >= 0 && targetGain <= 1)) {
            throw new IllegalArgumentException("voice gains must be in [0, 1], got " + gain + " → " + targetGain);
        }
    }

    /** A voice whose gain is already where it is going. */
    static Voice steady(AudioBuffer audio, double gain) {
        return new Voice(audio, gain, gain);
    }

    Voice toward(double target) {
        return new Voice(audio, gain, target);
    }

    /** Silent and staying silent: a retired voice in this state can be dropped. */
    boolean silent() {
        return gain == 0 && targetGain == 0;
    }

    /** Sample of channel {@code c} (the last channel repeats if the voice has fewer) at {@code frame}, 0 past the end. */
    float sample(int c, int frame) {
        float[][] ch = audio.channels();
        float[] x = ch[Math.min(c, ch.length - 1)];
        return frame < x.length ? x[frame] : 0f;
    }
}
