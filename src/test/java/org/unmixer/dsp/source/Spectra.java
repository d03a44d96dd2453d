package org.unmixer.dsp.source;

import org.jtransforms.fft.DoubleFFT_1D;

/** Spectral measurements for the source tests (Blackman-Harris windowed FFT / DTFT). */
final class Spectra {
    private Spectra() {
    }

    /** 4-term Blackman-Harris window (highest side lobe −92 dB, main lobe ±4 bins). */
    static double[] blackmanHarris(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * Math.PI * i / n;
            w[i] = 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
        }
        return w;
    }

    /**
     * Magnitude spectrum in dBFS of {@code x[from .. from+n)}: windowed FFT scaled so that a
     * full-scale (amplitude 1) sine on a bin centre reads 0 dB. Bins 0 … n/2.
     */
    static double[] dbfs(float[] x, int from, int n) {
        double[] w = blackmanHarris(n);
        double sum = 0;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[from + i] * w[i];
            sum += w[i];
        }
        new DoubleFFT_1D(n).realForward(a);
        double[] db = new double[n / 2 + 1];
        db[0] = 20 * Math.log10(Math.abs(a[0]) * 2 / sum + 1e-30);
        db[n / 2] = 20 * Math.log10(Math.abs(a[1]) * 2 / sum + 1e-30);
        for (int k = 1; k < n / 2; k++) {
            db[k] = 20 * Math.log10(Math.hypot(a[2 * k], a[2 * k + 1]) * 2 / sum + 1e-30);
        }
        return db;
    }

    /** Complex amplitude {re, im} at exactly {@code hz} of a Blackman-Harris windowed segment. */
    static double[] amplitudeAt(float[] x, int from, int n, double hz, double sampleRate) {
        double[] w = blackmanHarris(n);
        double re = 0;
        double im = 0;
        double sum = 0;
        double dphi = 2 * Math.PI * hz / sampleRate;
        for (int i = 0; i < n; i++) {
            double v = x[from + i] * w[i];
            re += v * Math.cos(dphi * i);
            im -= v * Math.sin(dphi * i);
            sum += w[i];
        }
        return new double[] {re * 2 / sum, im * 2 / sum};
    }

    /** Frequency from upward zero crossings (linearly interpolated) over {@code x[from .. to)}. */
    static double zeroCrossingHz(float[] x, int from, int to, double sampleRate) {
        double first = -1;
        double last = -1;
        int count = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = (i - 1) + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                count++;
            }
        }
        return (count - 1) * sampleRate / (last - first);
    }
}
