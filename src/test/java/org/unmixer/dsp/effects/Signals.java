package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;

/** Test signals and measurements with closed-form meaning. */
final class Signals {
    private Signals() {
    }

    /** A sine of {@code hz} and {@code amplitude}, {@code channels} identical channels. */
    static AudioBuffer sine(double hz, double amplitude, double seconds, int channels, int rate) {
        int n = (int) Math.round(seconds * rate);
        float[][] ch = new float[channels][n];
        for (int i = 0; i < n; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                ch[c][i] = v;
            }
        }
        return new AudioBuffer(ch, rate);
    }

    /**
     * Amplitude of the {@code hz} component of {@code x[from..from+count)} by projection on sin and
     * cos; exact for a steady sinusoid when the window holds a whole number of its cycles.
     */
    static double amplitude(float[] x, double hz, int rate, int from, int count) {
        double s = 0;
        double c = 0;
        for (int i = from; i < from + count; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            s += x[i] * Math.sin(w);
            c += x[i] * Math.cos(w);
        }
        return 2 * Math.hypot(s, c) / count;
    }

    /** Power |X[k]|² of bins 0..n/2 of the DFT of {@code x[from..from+n)} (naive, for small n). */
    static double[] powerSpectrum(float[] x, int from, int n) {
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                int idx = (int) ((long) k * i % n);
                re += x[from + i] * cos[idx];
                im -= x[from + i] * sin[idx];
            }
            p[k] = re * re + im * im;
        }
        return p;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
