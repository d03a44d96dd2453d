package org.unmixer.dsp.source;

import java.util.SplittableRandom;
import org.unmixer.audio.AudioBuffer;

/**
 * Known broadband sources for "known-source mode" (DESIGN.md §4, {@code source.kind} noise, chirp,
 * impulse): a known signal through the chain makes the chain identifiable. All are stereo.
 */
public final class TestSignals {
    private TestSignals() {
    }

    /**
     * White noise, uniformly distributed in [−peak, peak] (so RMS = peak/√3), independent on the two
     * channels (left from {@code seed}, right from {@code seed + 1}, each a {@link SplittableRandom}).
     * The same seed always gives the same samples.
     */
    public static AudioBuffer whiteNoise(int frames, int sampleRate, double peak, long seed) {
        checkLength(frames);
        float[][] ch = new float[2][frames];
        for (int c = 0; c < 2; c++) {
            SplittableRandom random = new SplittableRandom(seed + c);
            for (int i = 0; i < frames; i++) {
                ch[c][i] = (float) (peak * (2 * random.nextDouble() - 1));
            }
        }
        return new AudioBuffer(ch, sampleRate);
    }

    /** RMS of {@link #whiteNoise} for a given peak: peak/√3 (uniform distribution). */
    public static double uniformNoiseRms(double peak) {
        return peak / Math.sqrt(3);
    }

    /**
     * Exponential sine sweep (Farina 2000): x(t) = A·sin(2π·f1·L·(e^{t/L} − 1)), L = T/ln(f2/f1), for
     * 0 ≤ t &lt; T; silence after T up to {@code frames}. Instantaneous frequency f1·e^{t/L}, from f1
     * at t = 0 to f2 at t = T. Same on both channels.
     *
     * @param sweepSeconds T, the time the sweep takes from f1 to f2
     * @param frames total length (≥ 1); the sweep is cut if it is shorter than T
     */
    public static AudioBuffer exponentialSweep(double startHz, double endHz, double sweepSeconds, double amplitude,
            int frames, int sampleRate) {
        checkLength(frames);
        if (!(startHz > 0 && endHz > startHz && sweepSeconds > 0)) {
            throw new IllegalArgumentException("sweep needs 0 < f1 < f2 and T > 0, got f1=" + startHz
                    + ", f2=" + endHz + ", T=" + sweepSeconds);
        }
        double rate = sweepLogRate(startHz, endHz, sweepSeconds);
        int sweepFrames = (int) Math.min(frames, Math.floor(sweepSeconds * sampleRate));
        float[] x = new float[frames];
        for (int i = 0; i < sweepFrames; i++) {
            double t = i / (double) sampleRate;
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * startHz * rate * Math.expm1(t / rate)));
        }
        return new AudioBuffer(new float[][] {x, x.clone()}, sampleRate);
    }

    /** L = T/ln(f2/f1), the sweep's time per neper of frequency. */
    public static double sweepLogRate(double startHz, double endHz, double sweepSeconds) {
        return sweepSeconds / Math.log(endHz / startHz);
    }

    /** Instantaneous frequency of {@link #exponentialSweep} at time t: f1·e^{t/L}. */
    public static double sweepFrequencyAt(double startHz, double endHz, double sweepSeconds, double seconds) {
        return startHz * Math.exp(seconds / sweepLogRate(startHz, endHz, sweepSeconds));
    }

    /** A unit impulse: 1.0 at frame {@code offset} on both channels, zero elsewhere. */
    public static AudioBuffer impulse(int offset, int frames, int sampleRate) {
        checkLength(frames);
        if (offset < 0 || offset >= frames) {
            throw new IllegalArgumentException("impulse offset " + offset + " outside 0.." + (frames - 1));
        }
        float[][] ch = new float[2][frames];
        ch[0][offset] = 1f;
        ch[1][offset] = 1f;
        return new AudioBuffer(ch, sampleRate);
    }

    private static void checkLength(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a test signal needs at least one frame, got " + frames);
        }
    }
}
