package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.LogMel;

/**
 * The model's input features. The log-mel is computed in Java (double-precision FFT, the same code
 * as the dataset's {@code features.npy}), never on the device, so a CPU and a GPU run see
 * bit-identical features; only the network runs on the device.
 */
public final class Features {
    private Features() {
    }

    /** The log-mel settings of a model. */
    public static LogMel.Config melConfig(ModelConfig c) {
        LogMel.Config d = LogMel.Config.DEFAULT;
        return new LogMel.Config(c.sampleRate(), d.fftSize(), d.hop(), c.mels(), d.fMinHz(), d.fMaxHz(), d.epsilon());
    }

    /** Samples of one input at the model rate. */
    public static int inputSamples(ModelConfig c) {
        return (int) Math.round(c.seconds() * c.sampleRate());
    }

    /**
     * Log-mel frames [frames · mels] (frame-major, as in features.npy) of audio at the model rate:
     * mixed to mono, zero-padded or cut to the model's input length first.
     */
    public static float[] logMel(AudioBuffer audio, ModelConfig c) {
        if (audio.sampleRate() != c.sampleRate()) {
            throw new IllegalArgumentException("audio at " + audio.sampleRate() + " Hz; the model takes " + c.sampleRate() + " Hz");
        }
        float[] mono = Arrays.copyOf(audio.mixToMono(), inputSamples(c));
        float[][] m = new LogMel(melConfig(c)).compute(mono);
        if (m.length != c.frames()) {
            throw new IllegalStateException("log-mel has " + m.length + " frames, the model takes " + c.frames());
        }
        float[] flat = new float[c.frames() * c.mels()];
        for (int t = 0; t < m.length; t++) {
            System.arraycopy(m[t], 0, flat, t * c.mels(), c.mels());
        }
        return flat;
    }

    /**
     * A batch of flat log-mel rows ([B · frames · mels], frame-major) → the network input
     * [B, mels + 1, frames]: standardised with the training statistics, mel bands as channels, and
     * a last channel ramping 0 → 1 over time (see {@link Encoder}).
     */
    public static NDArray batch(NDManager manager, float[] rows, int batch, ModelConfig c) {
        int t = c.frames();
        int m = c.mels();
        if (rows.length != batch * t * m) {
            throw new IllegalArgumentException("feature rows hold " + rows.length + " values, expected " + batch * t * m);
        }
        float[] out = new float[batch * (m + 1) * t];
        for (int b = 0; b < batch; b++) {
            int in = b * t * m;
            int o = b * (m + 1) * t;
            for (int f = 0; f < t; f++) {
                for (int k = 0; k < m; k++) {
                    out[o + k * t + f] = (rows[in + f * m + k] - c.featureMean()) / c.featureStd();
                }
                out[o + m * t + f] = t == 1 ? 0 : f / (float) (t - 1);
            }
        }
        return manager.create(out, new Shape(batch, m + 1, t));
    }
}
