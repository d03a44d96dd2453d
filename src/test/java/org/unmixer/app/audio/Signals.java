package org.unmixer.app.audio;

import org.unmixer.audio.AudioBuffer;

/** Test signals whose every sample is known. */
final class Signals {
    static final int RATE = 44_100;

    private Signals() {}

    static AudioBuffer dc(float value, int frames) {
        float[] x = new float[frames];
        java.util.Arrays.fill(x, value);
        return AudioBuffer.mono(x, RATE);
    }

    /** x[i] = scale · i: the sample tells which frame it came from. */
    static AudioBuffer ramp(float scale, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = scale * i;
        }
        return AudioBuffer.mono(x, RATE);
    }

    static AudioBuffer sine(double hz, float amplitude, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return AudioBuffer.mono(x, RATE);
    }

    /** Largest |x[i+1] − x[i]|. */
    static double maxStep(float[] x) {
        double m = 0;
        for (int i = 1; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - x[i - 1]));
        }
        return m;
    }
}
