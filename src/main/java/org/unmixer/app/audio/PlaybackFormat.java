package org.unmixer.app.audio;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;

/**
 * The one format both sounds are played in, so A and B share a playhead frame for frame.
 *
 * @param sampleRate frames per second; default 44.1 kHz, the rate of Live's default set and CD audio
 * @param channels output channels; default 2 (mono sources are duplicated)
 */
public record PlaybackFormat(int sampleRate, int channels) {
    /** 44.1 kHz stereo. */
    public static final PlaybackFormat DEFAULT = new PlaybackFormat(44_100, 2);

    public PlaybackFormat {
        if (sampleRate <= 0 || channels < 1) {
            throw new IllegalArgumentException("bad playback format: " + sampleRate + " Hz, " + channels + " channels");
        }
    }

    /**
     * {@code audio} resampled and re-channelled to this format (the same buffer when it already is).
     * Resampling a long file takes a moment: call it off the FX thread.
     */
    public AudioBuffer convert(AudioBuffer audio) {
        AudioBuffer r = audio.sampleRate() == sampleRate ? audio : Resampler.resample(audio, sampleRate);
        return r.withChannels(channels);
    }

    /** Frames for {@code seconds}, rounded. */
    public int frames(double seconds) {
        return (int) Math.round(seconds * sampleRate);
    }

    public double seconds(long frames) {
        return frames / (double) sampleRate;
    }
}
