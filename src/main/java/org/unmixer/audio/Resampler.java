package org.unmixer.audio;

/**
 * Band-limited sample-rate conversion at any integer rate ratio: a Kaiser-windowed sinc evaluated
 * at the exact fractional position of every output sample (J. O. Smith, "Digital Audio
 * Resampling", CCRMA; Kaiser window design per Oppenheim &amp; Schafer §7.6).
 *
 * <p>Design: passband flat to {@value #PASSBAND_EDGE} × the lower of the two rates, stopband from
 * {@value #STOPBAND_EDGE} × the lower rate (its Nyquist) with {@value #STOPBAND_DB} dB attenuation,
 * so aliases (downsampling) and images (upsampling) fall at least that far down. The filter is
 * zero-phase: output sample i sits at time i / targetRate, no delay. Outside the input is silence.
 * The output has {@code ceil(frames × target / source)} frames.
 *
 * <p>Two kernels, same filter: when the reduced ratio L/M has L ≤ {@value #MAX_EXACT_PHASES}
 * (44.1k↔48k: 147/160, 8k→44.1k: 441/80) every phase's taps are tabulated exactly (polyphase);
 * otherwise taps are linearly interpolated from a finely sampled kernel (error below −110 dB).
 */
public final class Resampler {
    /** Fraction of the lower rate kept flat (0.45 × 44.1 kHz ≈ 19.8 kHz). */
    public static final double PASSBAND_EDGE = 0.45;
    /** Fraction of the lower rate where the stopband starts: that rate's Nyquist. */
    public static final double STOPBAND_EDGE = 0.50;
    /** Kaiser design attenuation; the spec asks ≥ 80 dB, the rest is margin. */
    public static final double STOPBAND_DB = 95;
    static final int MAX_EXACT_PHASES = 1024;
    /** Kernel samples per zero-crossing spacing of the interpolated kernel (error ∝ 1/OVERSAMPLE²). */
    private static final int OVERSAMPLE = 4096;

    private Resampler() {}

    /** Every channel converted to {@code targetRate}; the same buffer when the rate already matches. */
    public static AudioBuffer resample(AudioBuffer input, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target rate must be positive, got " + targetRate);
        }
        if (targetRate == input.sampleRate()) {
            return input;
        }
        Kernel kernel = Kernel.design(input.sampleRate(), targetRate);
        float[][] out = new float[input.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = kernel.apply(input.channel(c));
        }
        return new AudioBuffer(out, targetRate);
    }

    /** One channel from {@code sourceRate} to {@code targetRate}. */
    public static float[] resample(float[] input, int sourceRate, int targetRate) {
        return resample(AudioBuffer.mono(input, sourceRate), targetRate).channel(0);
    }

    /** Output length for {@code frames} input frames: {@code ceil(frames × target / source)}. */
    public static int outputFrames(int frames, int sourceRate, int targetRate) {
        long g = gcd(sourceRate, targetRate);
        long l = targetRate / g;
        long m = sourceRate / g;
        return (int) ((frames * l + m - 1) / m);
    }

    /** The designed filter for one rate pair. */
    private record Kernel(long up, long down, int halfTaps, double[][] rows, double[] fine, int oversample) {

        static Kernel design(int sourceRate, int targetRate) {
            long g = gcd(sourceRate, targetRate);
            long up = targetRate / g;
            long down = sourceRate / g;
            double lowerOverSource = Math.min(sourceRate, targetRate) / (double) sourceRate;
            // cut-off and transition width in cycles per INPUT sample
            double cutoff = 0.5 * (PASSBAND_EDGE + STOPBAND_EDGE) * lowerOverSource;
            double transition = (STOPBAND_EDGE - PASSBAND_EDGE) * lowerOverSource;
            double beta = 0.1102 * (STOPBAND_DB - 8.7);
            int taps = (int) Math.ceil((STOPBAND_DB - 7.95) / (2.285 * 2 * Math.PI * transition)) + 1;
            int half = taps / 2 + 1;
            if (up <= MAX_EXACT_PHASES) {
                double[][] rows = new double[(int) up][2 * half];
                for (int p = 0; p < up; p++) {
                    double phi = p / (double) up;
                    for (int j = 0; j < 2 * half; j++) {
                        rows[p][j] = tap(j - half + 1 - phi, cutoff, half, beta);
                    }
                }
                return new Kernel(up, down, half, rows, null, 0);
            }
            int over = (int) Math.max(64, Math.ceil(OVERSAMPLE * 2 * cutoff));
            double[] fine = new double[2 * half * over + 2];
            for (int u = 0; u < fine.length; u++) {
                fine[u] = tap(u / (double) over - half, cutoff, half, beta);
            }
            return new Kernel(up, down, half, null, fine, over);
        }

        /** Windowed sinc at {@code t} input samples from the output instant. */
        static double tap(double t, double cutoff, int half, double beta) {
            double r = t / half;
            if (Math.abs(r) >= 1) {
                return 0;
            }
            double x = 2 * cutoff * t;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
        }

        float[] apply(float[] x) {
            int n = x.length;
            int outN = (int) ((n * up + down - 1) / down);
            int width = 2 * halfTaps;
            double[] padded = new double[n + width + 1];
            for (int i = 0; i < n; i++) {
                padded[halfTaps + i] = x[i];
            }
            float[] out = new float[outN];
            for (int i = 0; i < outN; i++) {
                long pos = i * down;
                int k = (int) (pos / up);
                int phase = (int) (pos % up);
                int base = k + 1; // padded index of input sample k − half + 1
                double acc = 0;
                if (rows != null) {
                    double[] h = rows[phase];
                    for (int j = 0; j < width; j++) {
                        acc += h[j] * padded[base + j];
                    }
                } else {
                    double u = (1 - phase / (double) up) * oversample;
                    int ib = (int) u;
                    double w = u - ib;
                    for (int j = 0, idx = ib; j < width; j++, idx += oversample) {
                        double h = fine[idx] + w * (fine[idx + 1] - fine[idx]);
                        acc += h * padded[base + j];
                    }
                }
                out[i] = (float) acc;
            }
            return out;
        }
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
