package org.unmixer.dsp.reverb;

/**
 * Measurements on impulse responses for the reverb tests: RT60 by Schroeder backward integration
 * (ISO 3382-1: fit the energy decay curve between −5 and −35 dB, extrapolate to −60 dB, "T30") and
 * the kurtosis of a stretch of samples (3 for a Gaussian, large for a few sparse echoes).
 */
public final class DecayMeasures {
    private DecayMeasures() {
    }

    /**
     * RT60 (s) of an impulse response given per channel: the energies of all channels are summed,
     * integrated backwards (Schroeder 1965), and a least-squares line is fitted to the energy decay
     * curve between −5 dB and −35 dB.
     */
    public static double rt60Seconds(double sampleRate, float[]... channels) {
        int n = channels[0].length;
        double[] edc = new double[n];
        double sum = 0;
        for (int t = n - 1; t >= 0; t--) {
            for (float[] c : channels) {
                sum += (double) c[t] * c[t];
            }
            edc[t] = sum;
        }
        double total = edc[0];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int t = 0; t < n; t++) {
            double db = 10 * Math.log10(edc[t] / total);
            if (db <= -5 && db >= -35) {
                double x = t / sampleRate;
                sx += x;
                sy += db;
                sxx += x * x;
                sxy += x * db;
                count++;
            }
        }
        if (count < 2) {
            throw new IllegalStateException("energy decay curve never spans −5..−35 dB");
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx); // dB per second
        return -60 / slope;
    }

    /** Kurtosis E[(x−μ)⁴]/σ⁴ of {@code x[from..to)}. */
    public static double kurtosis(float[] x, int from, int to) {
        double mean = 0;
        for (int t = from; t < to; t++) {
            mean += x[t];
        }
        mean /= to - from;
        double m2 = 0;
        double m4 = 0;
        for (int t = from; t < to; t++) {
            double d = x[t] - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= to - from;
        m4 /= to - from;
        return m4 / (m2 * m2);
    }

    /** Mean energy per sample of {@code x[from..to)} in dB. */
    public static double energyDb(float[] x, int from, int to) {
        double e = 0;
        for (int t = from; t < to; t++) {
            e += (double) x[t] * x[t];
        }
        return 10 * Math.log10(e / (to - from));
    }
}
