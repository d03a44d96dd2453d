package org.unmixer.audio.spectral;

import org.unmixer.audio.AudioBuffer;

/**
 * Log-mel spectrogram: {@code ln(ε + M·|STFT|²)} with a Slaney mel filterbank (the Auditory Toolbox
 * scale: linear below 1 kHz, logarithmic above; each triangle scaled to unit area,
 * {@code 2 / (f_right − f_left)}), i.e. librosa's {@code melspectrogram(power=2, htk=False,
 * norm="slaney")} on a centred, zero-padded, periodic-Hann {@link Stft} with unnormalised magnitudes.
 */
public final class LogMel {
    /**
     * Feature settings.
     *
     * @param sampleRate expected rate of the audio, Hz
     * @param fftSize STFT length in samples
     * @param hop frame advance in samples
     * @param nMels mel bands
     * @param fMinHz lower edge of the lowest band, Hz
     * @param fMaxHz upper edge of the highest band, Hz (≤ sampleRate / 2)
     * @param epsilon added before the log so silence stays finite: ln(1e-5) ≈ −11.5
     */
    public record Config(int sampleRate, int fftSize, int hop, int nMels, double fMinHz, double fMaxHz,
            double epsilon) {
        /**
         * Encoder defaults: 44.1 kHz, 2048-point FFT (46 ms), hop 512 (11.6 ms, 86 frames/s), 128 mels
         * from 20 Hz to 16 kHz (little of a synth's character lies above 16 kHz), ε = 1e-5.
         */
        public static final Config DEFAULT = new Config(44_100, 2048, 512, 128, 20, 16_000, 1e-5);

        public Config {
            if (sampleRate <= 0 || fftSize < 2 || fftSize % 2 != 0 || hop < 1 || nMels < 1) {
                throw new IllegalArgumentException("bad log-mel config: rate " + sampleRate + ", fft " + fftSize
                        + ", hop " + hop + ", mels " + nMels);
            }
            if (!(fMinHz >= 0 && fMinHz < fMaxHz && fMaxHz <= sampleRate / 2.0)) {
                throw new IllegalArgumentException("mel range must satisfy 0 ≤ fMin < fMax ≤ rate/2, got " + fMinHz
                        + "–" + fMaxHz + " Hz at " + sampleRate + " Hz");
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
            }
        }
    }

    private final Config config;
    private final Stft stft;
    private final float[][] filters;
    /** Per band, the first and one-past-last bin with a non-zero weight (the triangles are sparse). */
    private final int[] firstBin;
    private final int[] endBin;

    public LogMel(Config config) {
        this.config = config;
        this.stft = Stft.hann(config.fftSize(), config.hop());
        this.filters = filterbank(config);
        this.firstBin = new int[filters.length];
        this.endBin = new int[filters.length];
        for (int m = 0; m < filters.length; m++) {
            int k = 0;
            while (k < filters[m].length && filters[m][k] == 0) {
                k++;
            }
            int e = filters[m].length;
            while (e > k && filters[m][e - 1] == 0) {
                e--;
            }
            firstBin[m] = k;
            endBin[m] = e;
        }
    }

    public Config config() {
        return config;
    }

    /** Log-mel frames of a mono signal at {@code config.sampleRate()}: shape {@code [frames][nMels]}. */
    public float[][] compute(float[] mono) {
        Stft.Work work = stft.newWork();
        int frames = stft.frames(mono.length);
        int bins = stft.bins();
        double[] mag = new double[bins];
        double[] power = new double[bins];
        float[][] out = new float[frames][config.nMels()];
        for (int t = 0; t < frames; t++) {
            stft.frameMagnitude(mono, t, work, mag);
            for (int k = 0; k < bins; k++) {
                power[k] = mag[k] * mag[k];
            }
            for (int m = 0; m < filters.length; m++) {
                float[] f = filters[m];
                double s = 0;
                for (int k = firstBin[m]; k < endBin[m]; k++) {
                    s += f[k] * power[k];
                }
                out[t][m] = (float) Math.log(config.epsilon() + s);
            }
        }
        return out;
    }

    /** Log-mel of the channels' average; the rate must equal {@code config.sampleRate()}. */
    public float[][] compute(AudioBuffer audio) {
        if (audio.sampleRate() != config.sampleRate()) {
            throw new IllegalArgumentException("log-mel expects " + config.sampleRate() + " Hz audio, got "
                    + audio.sampleRate() + " Hz; resample first");
        }
        return compute(audio.mixToMono());
    }

    /** The filterbank, shape {@code [nMels][fftSize/2 + 1]} (a copy). */
    public float[][] filterbank() {
        float[][] copy = new float[filters.length][];
        for (int m = 0; m < filters.length; m++) {
            copy[m] = filters[m].clone();
        }
        return copy;
    }

    static float[][] filterbank(Config c) {
        int bins = c.fftSize() / 2 + 1;
        double melMin = hzToMel(c.fMinHz());
        double melMax = hzToMel(c.fMaxHz());
        double[] edges = new double[c.nMels() + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(melMin + (melMax - melMin) * i / (c.nMels() + 1));
        }
        float[][] f = new float[c.nMels()][bins];
        for (int m = 0; m < c.nMels(); m++) {
            double left = edges[m];
            double mid = edges[m + 1];
            double right = edges[m + 2];
            double norm = 2.0 / (right - left);
            for (int k = 0; k < bins; k++) {
                double hz = k * (double) c.sampleRate() / c.fftSize();
                double w = Math.min((hz - left) / (mid - left), (right - hz) / (right - mid));
                f[m][k] = (float) (Math.max(0, w) * norm);
            }
        }
        return f;
    }

    /** Slaney mel: {@code 3f/200} below 1 kHz, {@code 15 + 27·ln(f/1000)/ln 6.4} above. */
    public static double hzToMel(double hz) {
        return hz < 1000 ? 3 * hz / 200 : 15 + 27 * Math.log(hz / 1000) / Math.log(6.4);
    }

    /** Inverse of {@link #hzToMel}. */
    public static double melToHz(double mel) {
        return mel < 15 ? 200 * mel / 3 : 1000 * Math.exp((mel - 15) * Math.log(6.4) / 27);
    }
}
