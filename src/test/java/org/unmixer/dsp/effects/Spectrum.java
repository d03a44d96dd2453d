package org.unmixer.dsp.effects;

/** Test maths: the DFT of a (finite) impulse response at single frequencies. */
public final class Spectrum {
    private Spectrum() {
    }

    /** 20·log10 |Σ h[n] e^{−jωn}| at {@code hz}, by a rotating phasor (no per-sample trig). */
    public static double magnitudeDb(float[] h, double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double cr = Math.cos(w);
        double ci = -Math.sin(w);
        double pr = 1;
        double pi = 0;
        double re = 0;
        double im = 0;
        for (int n = 0; n < h.length; n++) {
            re += h[n] * pr;
            im += h[n] * pi;
            double t = pr * cr - pi * ci;
            pi = pr * ci + pi * cr;
            pr = t;
            if ((n & 1023) == 1023) { // renormalise the phasor against rounding drift
                double m = Math.hypot(pr, pi);
                pr /= m;
                pi /= m;
            }
        }
        return 10 * Math.log10(re * re + im * im);
    }

    /** {@code count} frequencies spaced evenly in log frequency from {@code lowHz} to {@code highHz}. */
    public static double[] logGrid(double lowHz, double highHz, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = lowHz * Math.pow(highHz / lowHz, i / (count - 1.0));
        }
        return f;
    }

    /** A unit impulse of {@code frames} samples in every channel. */
    public static float[][] impulse(int channels, int frames) {
        float[][] x = new float[channels][frames];
        for (float[] c : x) {
            c[0] = 1;
        }
        return x;
    }
}
