package org.unmixer.model.diff;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * ω_k = 2πk/N's trigonometry for the bins k = 0…N/2 (what a biquad's response needs), and the FFT
 * plan of length N, shared by the plain-Java adjoints: ITF makes adjoints per patch and the lengths
 * are a handful of powers of two. JTransforms writes a plan's fields only in its constructor, so
 * threads can share one.
 */
final class FftGrid {
    private static final ConcurrentMap<Integer, FftGrid> GRIDS = new ConcurrentHashMap<>();

    static {
        // JTransforms splits a long FFT over its own threads and waits for them catching
        // InterruptedException, which clears the interrupt that cancels ITF (a server timeout, a new
        // drop in the window). The adjoints parallelise over channels themselves, so it gets one.
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    final int n;
    final DoubleFFT_1D fft;
    final double[] cos1;
    final double[] sin1;
    final double[] cos2;
    final double[] sin2;

    private FftGrid(int n) {
        this.n = n;
        this.fft = new DoubleFFT_1D(n);
        int half = n / 2 + 1;
        cos1 = new double[half];
        sin1 = new double[half];
        cos2 = new double[half];
        sin2 = new double[half];
        for (int k = 0; k < half; k++) {
            double w = 2 * Math.PI * k / n;
            cos1[k] = Math.cos(w);
            sin1[k] = Math.sin(w);
            cos2[k] = Math.cos(2 * w);
            sin2[k] = Math.sin(2 * w);
        }
    }

    /** The grid of length {@code n}, made once. */
    static FftGrid of(int n) {
        return GRIDS.computeIfAbsent(n, FftGrid::new);
    }
}
