package org.unmixer.app.spectrogram;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;
import org.unmixer.audio.spectral.Stft;

/**
 * A log-magnitude spectrogram on a {@link LogFrequencyAxis}, the data behind the window's pictures.
 *
 * <p>Analysis: the mono mix resampled to {@value #SAMPLE_RATE} Hz (so two sounds at different rates
 * get the same frames and rows), centred Hann STFT of {@value #FFT_SIZE} points with a hop of
 * {@value #HOP} (46 ms frames, 11.6 ms steps: fine enough in time for attacks, 21.5 Hz bins). Each
 * row takes the largest bin magnitude whose centre lies inside it, which keeps a single partial at
 * full height in the wide treble rows; rows narrower than a bin (below ≈ 500 Hz) interpolate linearly
 * between the two bins around their centre.
 *
 * <p>Level: dB relative to a full-scale sine ({@code 20·log10(|X| / (N/4))}, since
 * {@link Stft} reads {@code N/4} for a full-scale sine on a bin through a Hann window), floored at
 * {@value #FLOOR_DB} dB so silence is a finite number.
 *
 * @param db level per frame and row, {@code [frames][rows]}, row 0 = lowest frequency
 * @param axis the rows' frequencies
 * @param hopSeconds time between frames
 */
public record Spectrogram(float[][] db, LogFrequencyAxis axis, double hopSeconds) {
    public static final int SAMPLE_RATE = 44_100;
    public static final int FFT_SIZE = 2048;
    public static final int HOP = 512;
    /** Level given to silence: below anything a 24-bit file can hold, so never confused with sound. */
    public static final float FLOOR_DB = -120f;

    public Spectrogram {
        if (db.length == 0) {
            throw new IllegalArgumentException("a spectrogram needs at least one frame");
        }
        for (float[] frame : db) {
            if (frame.length != axis.rows()) {
                throw new IllegalArgumentException("frame has " + frame.length + " rows, axis has " + axis.rows());
            }
        }
    }

    /** The spectrogram of {@code audio} on the {@link LogFrequencyAxis#AUDIBLE} axis. */
    public static Spectrogram of(AudioBuffer audio) {
        return of(audio, LogFrequencyAxis.AUDIBLE);
    }

    public static Spectrogram of(AudioBuffer audio, LogFrequencyAxis axis) {
        AudioBuffer mono = AudioBuffer.mono(audio.mixToMono(), audio.sampleRate());
        AudioBuffer at = mono.sampleRate() == SAMPLE_RATE ? mono : Resampler.resample(mono, SAMPLE_RATE);
        float[][] mag = Stft.hann(FFT_SIZE, HOP).magnitude(at.channel(0));
        double binHz = SAMPLE_RATE / (double) FFT_SIZE;
        int bins = FFT_SIZE / 2 + 1;
        double ref = FFT_SIZE / 4.0;
        float[][] db = new float[mag.length][axis.rows()];
        for (int r = 0; r < axis.rows(); r++) {
            int first = (int) Math.ceil(axis.edgeHz(r) / binHz);
            int last = Math.min(bins - 1, (int) Math.ceil(axis.edgeHz(r + 1) / binHz) - 1);
            double centreBin = axis.centreHz(r) / binHz;
            for (int t = 0; t < mag.length; t++) {
                double m;
                if (first >= bins) {
                    m = 0;
                } else if (first <= last) {
                    m = 0;
                    for (int k = first; k <= last; k++) {
                        m = Math.max(m, mag[t][k]);
                    }
                } else {
                    int k0 = (int) Math.floor(centreBin);
                    double w = centreBin - k0;
                    m = (1 - w) * mag[t][k0] + w * mag[t][Math.min(bins - 1, k0 + 1)];
                }
                db[t][r] = toDb(m / ref);
            }
        }
        return new Spectrogram(db, axis, HOP / (double) SAMPLE_RATE);
    }

    public int frames() {
        return db.length;
    }

    public int rows() {
        return axis.rows();
    }

    /** Loudest cell in dB (the top of a {@link DbScale}). */
    public float maxDb() {
        float m = FLOOR_DB;
        for (float[] frame : db) {
            for (float v : frame) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Level at {@code frame} and {@code row}; frames past the end read as {@link #FLOOR_DB} (silence). */
    public float db(int frame, int row) {
        return frame < db.length ? db[frame][row] : FLOOR_DB;
    }

    static float toDb(double amplitude) {
        return (float) Math.max(FLOOR_DB, 20 * Math.log10(Math.max(amplitude, 1e-30)));
    }
}
