package org.unmixer.audio;

import java.util.Arrays;

/**
 * Audio in memory: one {@code float[]} per channel, all the same length, at one sample rate.
 * Samples are nominally in [−1, 1] (0 dBFS) but may exceed it inside a chain.
 *
 * <p>Treated as immutable: nothing in the project writes into a buffer it did not create. The
 * constructor does not copy (renders are large); {@link #copy()} does.
 */
public record AudioBuffer(float[][] channels, int sampleRate) {

    public AudioBuffer {
        if (channels.length == 0) {
            throw new IllegalArgumentException("audio needs at least one channel");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        int n = channels[0].length;
        for (float[] c : channels) {
            if (c.length != n) {
                throw new IllegalArgumentException("channels differ in length: " + n + " vs " + c.length);
            }
        }
    }

    /** Silence. */
    public static AudioBuffer silence(int channelCount, int frames, int sampleRate) {
        return new AudioBuffer(new float[channelCount][frames], sampleRate);
    }

    /** One channel. */
    public static AudioBuffer mono(float[] samples, int sampleRate) {
        return new AudioBuffer(new float[][] {samples}, sampleRate);
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return channels[0].length;
    }

    public double seconds() {
        return frames() / (double) sampleRate;
    }

    public float[] channel(int i) {
        return channels[i];
    }

    /** Average of all channels, as a new array. */
    public float[] mixToMono() {
        int n = frames();
        float[] out = new float[n];
        for (float[] c : channels) {
            for (int i = 0; i < n; i++) {
                out[i] += c[i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** This audio with exactly {@code count} channels: mono is duplicated, more are mixed down. */
    public AudioBuffer withChannels(int count) {
        if (count == channels.length) {
            return this;
        }
        float[][] out = new float[count][];
        if (channels.length == 1) {
            for (int c = 0; c < count; c++) {
                out[c] = channels[0].clone();
            }
        } else if (count == 1) {
            out[0] = mixToMono();
        } else {
            for (int c = 0; c < count; c++) {
                out[c] = channels[Math.min(c, channels.length - 1)].clone();
            }
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** Largest absolute sample over all channels. */
    public float peak() {
        float p = 0;
        for (float[] c : channels) {
            for (float v : c) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return p;
    }

    /** True when every sample is finite. */
    public boolean isFinite() {
        for (float[] c : channels) {
            for (float v : c) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Deep copy. */
    public AudioBuffer copy() {
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = channels[c].clone();
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** This times {@code 10^(gainDb/20)}, as a new buffer. */
    public AudioBuffer withGainDb(double gainDb) {
        double gain = Math.pow(10, gainDb / 20);
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            float[] in = channels[c];
            out[c] = new float[in.length];
            for (int i = 0; i < in.length; i++) {
                out[c][i] = (float) (in[i] * gain);
            }
        }
        return new AudioBuffer(out, sampleRate);
    }

    /** The first {@code frames} frames, zero-padded if this is shorter. */
    public AudioBuffer withFrames(int frames) {
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = Arrays.copyOf(channels[c], frames);
        }
        return new AudioBuffer(out, sampleRate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioBuffer b && b.sampleRate == sampleRate && Arrays.deepEquals(b.channels, channels);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(channels) * 31 + sampleRate;
    }

    @Override
    public String toString() {
        return "AudioBuffer[" + channels.length + " ch, " + frames() + " frames, " + sampleRate + " Hz]";
    }
}
