package org.unmixer.dsp.source;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A morphing wavetable: 1…256 single-cycle frames of {@link #FRAME_SIZE} samples (Live's user
 * wavetable format, dsp-reference §1.1), prepared as band-limited mip-maps so the raw oscillator is
 * alias-free (dsp-reference §1.2).
 *
 * <p>Preparation, per frame: real FFT (JTransforms) of the 1024 samples; DC and the Nyquist bin are
 * dropped (Live's import clean-up is undocumented; DC removal is our choice); each frame is scaled
 * so that its full-band waveform peaks at 1. Level {@code m} keeps harmonics 1…{@code 512 >> m}
 * (levels 0…9) and is resynthesised by inverse FFT, zero-padded to {@link #TABLE_SIZE} samples per
 * cycle (2× oversampled, so linear interpolation between table samples stays accurate), with one
 * guard sample for the interpolator. A note at f0 reads the level with the most harmonics H such
 * that H·f0 ≤ {@link #BAND_LIMIT}·fs: every partial then lies below 0.45·fs, and at most the upper
 * octave below that limit is lost.
 *
 * <p>Immutable once built; tables are shared read-only between renders and threads.
 */
public final class Wavetable {
    /** Samples per frame, as Live's user wavetables. */
    public static final int FRAME_SIZE = 1024;
    /** Samples per cycle of a prepared table (zero-padded spectrum, 2× oversampled). */
    public static final int TABLE_SIZE = 2048;
    /** Most frames a table may have (Live reads up to 256). */
    public static final int MAX_FRAMES = 256;
    /** Highest partial, as a fraction of the sample rate, that the oscillator lets through. */
    public static final double BAND_LIMIT = 0.45;
    /** Number of mip-map levels: harmonics 512, 256, …, 1. */
    public static final int LEVELS = 10;

    private final String category;
    private final String name;
    private final double[][] frames;
    /** levels[m][frame] = TABLE_SIZE + 1 samples (last = first). */
    private final float[][][] levels;

    private Wavetable(String category, String name, double[][] frames, float[][][] levels) {
        this.category = category;
        this.name = name;
        this.frames = frames;
        this.levels = levels;
    }

    /**
     * Builds a table from time-domain frames of {@link #FRAME_SIZE} samples each (1 … 256 frames).
     * Frames that are silent after DC removal stay silent.
     */
    public static Wavetable fromFrames(String category, String name, double[][] frames) {
        if (frames.length < 1 || frames.length > MAX_FRAMES) {
            throw new IllegalArgumentException(name + ": a wavetable has 1.." + MAX_FRAMES + " frames, got " + frames.length);
        }
        DoubleFFT_1D forward = new DoubleFFT_1D(FRAME_SIZE);
        DoubleFFT_1D inverse = new DoubleFFT_1D(TABLE_SIZE);
        double[][] cleaned = new double[frames.length][];
        float[][][] levels = new float[LEVELS][frames.length][];
        for (int f = 0; f < frames.length; f++) {
            if (frames[f].length != FRAME_SIZE) {
                throw new IllegalArgumentException(name + ": frame " + f + " has " + frames[f].length
                        + " samples, expected " + FRAME_SIZE);
            }
            double[] spectrum = frames[f].clone();
            forward.realForward(spectrum);
            spectrum[0] = 0; // DC
            spectrum[1] = 0; // Nyquist (packed into [1] by JTransforms)
            double[] full = resynthesise(spectrum, FRAME_SIZE / 2 - 1, inverse);
            double peak = 0;
            for (double v : full) {
                peak = Math.max(peak, Math.abs(v));
            }
            double scale = peak > 0 ? 1 / peak : 0;
            for (int i = 2; i < spectrum.length; i++) {
                spectrum[i] *= scale;
            }
            double[] frame = new double[FRAME_SIZE];
            for (int i = 0; i < FRAME_SIZE; i++) {
                frame[i] = full[2 * i] * scale; // the 2× table at even indices is the frame itself
            }
            cleaned[f] = frame;
            for (int m = 0; m < LEVELS; m++) {
                double[] table = resynthesise(spectrum, harmonicsAt(m), inverse);
                float[] out = new float[TABLE_SIZE + 1];
                for (int i = 0; i < TABLE_SIZE; i++) {
                    out[i] = (float) table[i];
                }
                out[TABLE_SIZE] = out[0];
                levels[m][f] = out;
            }
        }
        return new Wavetable(category, name, cleaned, levels);
    }

    /**
     * Inverse FFT of a JTransforms-packed 1024-point spectrum keeping harmonics 1..maxHarmonic, into
     * a TABLE_SIZE-sample cycle with the same waveform amplitude.
     */
    private static double[] resynthesise(double[] packed, int maxHarmonic, DoubleFFT_1D inverse) {
        double[] a = new double[TABLE_SIZE];
        double gain = TABLE_SIZE / (double) FRAME_SIZE;
        for (int h = 1; h <= maxHarmonic && h < FRAME_SIZE / 2; h++) {
            a[2 * h] = packed[2 * h] * gain;
            a[2 * h + 1] = packed[2 * h + 1] * gain;
        }
        inverse.realInverse(a, true);
        return a;
    }

    /** Harmonics kept by mip-map level m: 512 &gt;&gt; m (level 0 keeps 1…511, bin 512 is Nyquist). */
    public static int harmonicsAt(int level) {
        return (FRAME_SIZE / 2) >> level;
    }

    /**
     * The level a fundamental of {@code f0Hz} reads at {@code sampleRate}: most harmonics H with
     * H·f0 ≤ {@link #BAND_LIMIT}·fs; −1 when even the fundamental is above that (the oscillator is
     * then silent rather than aliased).
     */
    public static int levelFor(double f0Hz, double sampleRate) {
        double maxHarmonics = BAND_LIMIT * sampleRate / Math.abs(f0Hz);
        for (int m = 0; m < LEVELS; m++) {
            if (harmonicsAt(m) <= maxHarmonics) {
                return m;
            }
        }
        return -1;
    }

    public String category() {
        return category;
    }

    public String name() {
        return name;
    }

    public int frameCount() {
        return frames.length;
    }

    /** A copy of frame {@code i} as prepared (DC removed, peak 1), {@link #FRAME_SIZE} samples. */
    public double[] frame(int i) {
        return frames[i].clone();
    }

    /**
     * One cycle at mip level {@code level} for wave position {@code position} ∈ [0, 1]: linear
     * crossfade of frames ⌊p⌋ and ⌊p⌋+1 with p = position·(frames − 1) (dsp-reference §1.2; a
     * crossfade of band-limited frames stays band-limited). {@link #TABLE_SIZE} + 1 samples, the
     * last equal to the first, for a linear-interpolating reader.
     */
    public double[] cycle(int level, double position) {
        if (!(position >= 0 && position <= 1)) {
            throw new IllegalArgumentException("wave position " + position + " outside [0, 1]");
        }
        double p = position * (frames.length - 1);
        int i0 = Math.min((int) Math.floor(p), frames.length - 1);
        int i1 = Math.min(i0 + 1, frames.length - 1);
        double w = p - i0;
        float[] a = levels[level][i0];
        float[] b = levels[level][i1];
        double[] out = new double[TABLE_SIZE + 1];
        for (int i = 0; i <= TABLE_SIZE; i++) {
            out[i] = (1 - w) * a[i] + w * b[i];
        }
        return out;
    }

    /**
     * ∂{@link #cycle}/∂position at {@code position}: (frames − 1)·(frame ⌊p⌋+1 − frame ⌊p⌋), the
     * slope of the crossfade's segment (the left one at position 1); zeros for a one-frame table.
     * The cycle is piecewise linear in the position, so this is exact inside each segment.
     */
    public double[] cycleSlope(int level, double position) {
        if (!(position >= 0 && position <= 1)) {
            throw new IllegalArgumentException("wave position " + position + " outside [0, 1]");
        }
        double[] out = new double[TABLE_SIZE + 1];
        int n = frames.length;
        if (n < 2) {
            return out;
        }
        int i0 = Math.min((int) Math.floor(position * (n - 1)), n - 2);
        float[] a = levels[level][i0];
        float[] b = levels[level][i0 + 1];
        for (int i = 0; i <= TABLE_SIZE; i++) {
            out[i] = (n - 1) * ((double) b[i] - a[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Wavetable[" + category + " / " + name + ", " + frames.length + " frames]";
    }

    /** For tests: the spectrum magnitude of a prepared frame's full-band waveform, harmonics 0..511. */
    double[] harmonicMagnitudes(int frame) {
        double[] a = Arrays.copyOf(frames[frame], FRAME_SIZE);
        new DoubleFFT_1D(FRAME_SIZE).realForward(a);
        double[] mags = new double[FRAME_SIZE / 2];
        for (int h = 1; h < FRAME_SIZE / 2; h++) {
            mags[h] = Math.hypot(a[2 * h], a[2 * h + 1]) * 2 / FRAME_SIZE;
        }
        return mags;
    }
}
