package org.unmixer.dsp.reverb;

/**
 * Early reflections as a tapped delay line (Moorer 1979; dsp-reference.md §6.2): each tap reads
 * one input channel at its delay, scales it and adds it to the same output channel; taps alternate
 * between left (even taps) and right (odd taps). With Spin the tap delays move sinusoidally
 * (tap k at phase 2πk/taps), read with linear interpolation at a delay held for each block of
 * {@link #holdBlock} samples (32 at the fastest, deepest Spin, longer for gentler settings).
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
    /**
     * Largest jump (samples) of a held tap delay from one hold block to the next: what Spin's
     * extremes gave with 32-sample blocks, 2π·1.3 Hz·55·32/44100 ≈ 0.33 samples.
     */
    static final double MAX_HOLD_STEP = 0.33;
    /** Longest hold block (samples); also the pass length over the taps, so it stays in L1. */
    static final int MAX_HOLD = 1024;

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
        final boolean spin = spinExcursion > 0;
        final int block = spin ? holdBlock(spinExcursion, spinRateHz, sampleRate) : MAX_HOLD;
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
        // time blocks outside, taps inside; each channel's block is summed in acc[c] and each
        // tap's input window staged in seg, so every loop indexes its arrays alike (the form
        // HotSpot's C2 vectorises)
        double[][] acc = new double[2][block];
        double[] seg = new double[block];
        double[] seg1 = new double[block];
        for (int start = 0; start < frames; start += block) {
            int count = Math.min(block, frames - start);
            System.arraycopy(out[0], start, acc[0], 0, count);
            System.arraycopy(out[1], start, acc[1], 0, count);
            for (int k = 0; k < taps; k++) {
                double[] x = in[k % 2];
                double[] y = acc[k % 2];
                if (!spin) {
                    double a = gains[k];
                    System.arraycopy(x, pad - delays[k] + start, seg, 0, count);
                    for (int t = 0; t < count; t++) {
                        y[t] += a * seg[t];
                    }
                    continue;
                }
                // the delay at the block's centre holds for the block (see holdBlock)
                double d = delays[k] + spinExcursion * (1 + sin[k]);
                double next = sin[k] * rotCos + cos[k] * rotSin;
                cos[k] = cos[k] * rotCos - sin[k] * rotSin;
                sin[k] = next;
                int whole = (int) Math.ceil(d);
                double fr = whole - d; // weight of the newer sample
                double older = gains[k] * (1 - fr);
                double newer = gains[k] * fr;
                System.arraycopy(x, pad - whole + start, seg, 0, count);
                System.arraycopy(x, pad - whole + start + 1, seg1, 0, count);
                for (int t = 0; t < count; t++) {
                    y[t] += older * seg[t] + newer * seg1[t];
                }
            }
            System.arraycopy(acc[0], 0, out[0], start, count);
            System.arraycopy(acc[1], 0, out[1], start, count);
        }
    }

    /**
     * Samples for which a spun tap's delay is held: the longest power of two from
     * {@link FeedbackDelayNetwork#BLOCK} up to {@link #MAX_HOLD} over which the delay, whose
     * slope is at most 2π·rate·excursion/fs samples per sample, moves by at most
     * {@link #MAX_HOLD_STEP}. At Spin's extremes that is 32 samples; at the defaults
     * (17.5 samples, 0.3 Hz) 256. Longer holds are cheaper: the taps' loops run longer.
     */
    static int holdBlock(double excursion, double rateHz, double sampleRate) {
        double slope = 2 * Math.PI * rateHz * excursion / sampleRate;
        int block = FeedbackDelayNetwork.BLOCK;
        while (block < MAX_HOLD && 2 * block * slope <= MAX_HOLD_STEP) {
            block *= 2;
        }
        return block;
    }
}
