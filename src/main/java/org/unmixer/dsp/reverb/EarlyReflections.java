package org.unmixer.dsp.reverb;

/**
 * Early reflections as a tapped delay line (Moorer 1979; dsp-reference.md §6.2): each tap reads
 * one input channel at its delay, scales it and adds it to the same output channel; taps alternate
 * between left (even taps) and right (odd taps). With Spin the tap delays move sinusoidally
 * (tap k at phase 2πk/taps), read with linear interpolation at a delay held for each block of
 * {@link FeedbackDelayNetwork#BLOCK} samples.
 *
 * <p>The arrays are shared, not copied: do not modify them.
 *
 * @param delays tap delays (samples, ≥ 0), tap k feeds channel k % 2
 * @param gains tap gains
 * @param spinExcursion peak extra delay of the modulation (samples), 0 for none; a spun tap's delay
 *     runs from {@code delay} to {@code delay + 2·excursion}
 * @param spinRateHz modulation rate (Hz)
 */
public record EarlyReflections(int[] delays, double[] gains, double spinExcursion, double spinRateHz) {
    /** Samples processed per pass over the taps; a multiple of the spin block, fits in L1/L2. */
    private static final int CACHE_BLOCK = 32 * FeedbackDelayNetwork.BLOCK;

    public EarlyReflections {
        if (delays.length != gains.length) {
            throw new IllegalArgumentException("taps need one gain each");
        }
        for (int d : delays) {
            if (d < 0) {
                throw new IllegalArgumentException("tap delay must be ≥ 0, got " + d);
            }
        }
        if (!(spinExcursion >= 0)) {
            throw new IllegalArgumentException("spin excursion must be ≥ 0, got " + spinExcursion);
        }
    }

    /** Longest delay any tap reads (samples), modulation included. */
    public int maxDelay() {
        int m = 0;
        for (int d : delays) {
            m = Math.max(m, d);
        }
        return m + (int) Math.ceil(2 * spinExcursion) + 1;
    }

    /**
     * Adds the reflections of {@code in[c]} to {@code out[c]} for c ∈ {0, 1}. Input sample t sits
     * at {@code in[c][pad + t]}; the {@code pad} samples before it must be zeros,
     * {@code pad ≥ maxDelay()} and the arrays hold {@code pad + frames} samples or more, so no read
     * needs a bounds check. Output has {@code frames} samples.
     */
    public void addTo(double[][] in, int pad, int frames, double sampleRate, double[][] out) {
        if (pad < maxDelay()) {
            throw new IllegalArgumentException("pad " + pad + " shorter than the longest tap " + maxDelay());
        }
        final int taps = delays.length;
        final int block = FeedbackDelayNetwork.BLOCK;
        // sin/cos of each tap's modulation phase at the current block's centre (rotating phasor)
        double phaseStep = 2 * Math.PI * spinRateHz / sampleRate;
        double rotCos = Math.cos(phaseStep * block);
        double rotSin = Math.sin(phaseStep * block);
        double[] sin = new double[taps];
        double[] cos = new double[taps];
        for (int k = 0; k < taps; k++) {
            double phase = 2 * Math.PI * k / taps + phaseStep * 0.5 * block;
            sin[k] = Math.sin(phase);
            cos[k] = Math.cos(phase);
        }
        // time blocks outside, taps inside: the output block and the input window stay in cache
        for (int outer = 0; outer < frames; outer += CACHE_BLOCK) {
            int outerEnd = Math.min(frames, outer + CACHE_BLOCK);
            for (int k = 0; k < taps; k++) {
                double[] x = in[k % 2];
                double[] y = out[k % 2];
                double a = gains[k];
                if (spinExcursion == 0) {
                    int o = pad - delays[k];
                    for (int t = outer; t < outerEnd; t++) {
                        y[t] += a * x[o + t];
                    }
                    continue;
                }
                for (int start = outer; start < outerEnd; start += block) {
                    int end = Math.min(outerEnd, start + block);
                    // the delay at the block's centre holds for the block: Spin moves it by well
                    // under a sample per block (2π·1.3 Hz·55·32/44100 ≈ 0.3 at the extremes)
                    double d = delays[k] + spinExcursion * (1 + sin[k]);
                    double next = sin[k] * rotCos + cos[k] * rotSin;
                    cos[k] = cos[k] * rotCos - sin[k] * rotSin;
                    sin[k] = next;
                    int whole = (int) Math.ceil(d);
                    double fr = whole - d; // weight of the newer sample
                    double older = a * (1 - fr);
                    double newer = a * fr;
                    int o = pad - whole;
                    for (int t = start; t < end; t++) {
                        y[t] += older * x[o + t] + newer * x[o + t + 1];
                    }
                }
            }
        }
    }
}
