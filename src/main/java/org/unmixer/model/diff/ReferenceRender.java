package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.params.DeviceSettings;

/** The reference renderer's device applied to NDArray audio: [channels, samples] float64 in and out, no gradient. */
final class ReferenceRender {
    private ReferenceRender() {
    }

    static NDArray render(Effect effect, NDArray audio, DeviceSettings settings, double sampleRate) {
        int channels = (int) audio.getShape().get(0);
        int n = (int) audio.getShape().get(1);
        double[] flat = audio.toDoubleArray();
        float[][] in = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                in[c][i] = (float) flat[c * n + i];
            }
        }
        AudioBuffer out = effect.render(new AudioBuffer(in, (int) Math.round(sampleRate)), settings);
        double[] result = new double[channels * n];
        for (int c = 0; c < channels; c++) {
            float[] ch = out.channel(c);
            for (int i = 0; i < n; i++) {
                result[c * n + i] = ch[i];
            }
        }
        return audio.getManager().create(result).reshape(channels, n);
    }
}
