package org.unmixer.audio.spectral;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform magnitudes (JTransforms real FFT, double precision).
 *
 * <p>Conventions (those of {@code torch.stft(..., center=True, pad_mode="constant")}, so the NDArray
 * twin in {@code model} can match): frame t covers samples {@code [t·hop − fft/2, t·hop + fft/2)}
 * when centred (zero padding outside the signal; reflect padding is not used because it is undefined
 * for signals shorter than half a frame), or {@code [t·hop, t·hop + fft)} when not centred.
 * Centred: {@code 1 + n / hop} frames. Not centred: {@code 1 + (n − fft) / hop} frames (a trailing
 * partial frame is dropped; a signal shorter than one frame is zero-padded to one frame).
 * Magnitudes are {@code |Σ w[m]·x[m]·e^{−2πikm/N}|}, unnormalised: a full-scale sine on a bin reads
 * {@code N/4} through a Hann window and {@code N/2} through a rectangular one. Bins are 0 … N/2.
 *
 * <p>Immutable and thread-safe: each call creates its own FFT plan and buffers. FFT sizes up to
 * 4096 always run on the calling thread (JTransforms only spawns threads from 8192 points on).
 */
public final class Stft {
    /** Analysis windows. */
    public enum Window {
        /** Periodic Hann: {@code 0.5 − 0.5·cos(2πm/N)} (as {@code torch.hann_window(N, periodic=True)}). */
        HANN,
        /** All ones; for hand-computed tests. */
        RECTANGULAR;

        double[] coefficients(int n) {
            double[] w = new double[n];
            for (int m = 0; m < n; m++) {
                w[m] = this == HANN ? 0.5 - 0.5 * Math.cos(2 * Math.PI * m / n) : 1.0;
            }
            return w;
        }
    }

    private final int fftSize;
    private final int hop;
    private final Window window;
    private final boolean center;
    private final double[] windowCoefficients;

    /**
     * @param fftSize frame and FFT length, even, ≥ 2 (a power of two is fastest)
     * @param hop frame advance in samples, ≥ 1
     * @param window analysis window
     * @param center pad fft/2 zeros each side so frame t is centred on sample t·hop
     */
    public Stft(int fftSize, int hop, Window window, boolean center) {
        if (fftSize < 2 || fftSize % 2 != 0) {
            throw new IllegalArgumentException("fftSize must be even and ≥ 2, got " + fftSize);
        }
        if (hop < 1) {
            throw new IllegalArgumentException("hop must be ≥ 1, got " + hop);
        }
        this.fftSize = fftSize;
        this.hop = hop;
        this.window = window;
        this.center = center;
        this.windowCoefficients = window.coefficients(fftSize);
    }

    /** Centred Hann STFT. */
    public static Stft hann(int fftSize, int hop) {
        return new Stft(fftSize, hop, Window.HANN, true);
    }

    public int fftSize() {
        return fftSize;
    }

    public int hop() {
        return hop;
    }

    public Window window() {
        return window;
    }

    public boolean center() {
        return center;
    }

    /** Bins per frame: {@code fftSize/2 + 1}. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    /** Frames for a signal of {@code length} samples. */
    public int frames(int length) {
        if (center) {
            return 1 + length / hop;
        }
        return length < fftSize ? 1 : 1 + (length - fftSize) / hop;
    }

    /** Magnitudes, shape {@code [frames(n)][bins()]}. */
    public float[][] magnitude(float[] signal) {
        Work work = new Work();
        int frames = frames(signal.length);
        float[][] out = new float[frames][bins()];
        double[] mag = new double[bins()];
        for (int t = 0; t < frames; t++) {
            frameMagnitude(signal, t, work, mag);
            for (int k = 0; k < mag.length; k++) {
                out[t][k] = (float) mag[k];
            }
        }
        return out;
    }

    /** Per-call FFT plan and buffer. */
    final class Work {
        final DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        final double[] buffer = new double[fftSize];
    }

    Work newWork() {
        return new Work();
    }

    /** Magnitudes of frame {@code t} into {@code out[0 … bins−1]}. */
    void frameMagnitude(float[] signal, int t, Work work, double[] out) {
        double[] a = work.buffer;
        int start = center ? t * hop - fftSize / 2 : t * hop;
        int n = signal.length;
        if (start >= 0 && start + fftSize <= n) {
            for (int m = 0; m < fftSize; m++) {
                a[m] = windowCoefficients[m] * signal[start + m];
            }
        } else {
            for (int m = 0; m < fftSize; m++) {
                int i = start + m;
                a[m] = i >= 0 && i < n ? windowCoefficients[m] * signal[i] : 0.0;
            }
        }
        work.fft.realForward(a);
        out[0] = Math.abs(a[0]);
        out[fftSize / 2] = Math.abs(a[1]);
        for (int k = 1; k < fftSize / 2; k++) {
            double re = a[2 * k];
            double im = a[2 * k + 1];
            out[k] = Math.sqrt(re * re + im * im);
        }
    }
}
