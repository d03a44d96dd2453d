package org.unmixer.model.diff;

import org.unmixer.audio.AudioBuffer;

/** Conversions between the renderer's float buffers and the adjoints' float64 arrays. */
final class AudioArrays {
    private AudioArrays() {
    }

    static double[][] toDouble(AudioBuffer audio) {
        double[][] out = new double[audio.channelCount()][audio.frames()];
        for (int c = 0; c < out.length; c++) {
            float[] ch = audio.channel(c);
            for (int i = 0; i < ch.length; i++) {
                out[c][i] = ch[i];
            }
        }
        return out;
    }

    static AudioBuffer toBuffer(double[][] audio, double sampleRate) {
        float[][] out = new float[audio.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new float[audio[c].length];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = (float) audio[c][i];
            }
        }
        return new AudioBuffer(out, (int) Math.round(sampleRate));
    }

    /** Σ over channels and samples of a·b. */
    static double dot(double[][] a, double[][] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                sum += a[c][i] * b[c][i];
            }
        }
        return sum;
    }
}
