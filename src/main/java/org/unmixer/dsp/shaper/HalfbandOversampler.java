package org.unmixer.dsp.shaper;

/**
 * 2× and 4× oversampling with linear-phase half-band FIR filters (a minimax design for stage 1,
 * a Kaiser-windowed sinc for stage 2), run zero-phase over a whole signal: the up- and down-sampled signals are time-aligned with the
 * input, so a nonlinearity sandwiched between {@link #up} and {@link #down} adds no latency and a
 * dry path needs no delay. This equals a causal linear-phase oversampler whose latency the host
 * compensates (Live's plugin delay compensation does so for Saturator's Hi-Quality mode).
 *
 * <p>A half-band filter has every even tap zero except the centre one (½), so each stage costs K
 * multiply-adds of symmetric pairs per output sample, and in polyphase form the up-sampler never
 * multiplies a zero tap and the down-sampler computes only the samples it keeps. Stage 1 (base ↔ 2×):
 * K = 7 (27 taps), a minimax design ({@link #STAGE1_TAPS}): within ±0.048 dB of unity up to 0.408·fs
 * (18 kHz at 44.1 kHz), so up then down stays within 0.097 dB; within 1.9·10⁻⁴ (0.0016 dB) up to
 * 0.113·fs (5 kHz); −1.45 dB at 0.454·fs (20 kHz; −2.9 dB up and down); stop band below −45.1 dB
 * above 0.592·fs (fs = base rate). The passband ripple and stop-band level of a half-band filter
 * are tied (H(f) + H(fs − f) = 1 at the 2× rate fs), so 0.05 dB of ripple means −45 dB of stop
 * band; that suffices because the aliasing of a hard-driven curve at 2× comes from harmonics above
 * the 2× Nyquist, which no decimation filter removes (SaturatorTest measures it). Stage 2 (2× ↔ 4×):
 * K = 6 (23 taps), Kaiser β = 8: below 0.001 dB up to 0.25 of its input rate, below −81 dB above
 * 0.75 of it (numbers from scipy.signal.freqz of these taps; stage 1's are checked against its
 * closed-form response in HalfbandOversamplerTest).
 * Edges are padded with zeros (the signal is taken as silent outside the buffer).
 */
public final class HalfbandOversampler {
    /**
     * Stage 1: the doubled odd taps 2h[1], 2h[3], …, 2h[13] of a 27-tap half-band low-pass whose
     * response at the 2× rate is H(f) = ½ + Σⱼ c[j]·cos(2π·f·(2j+1)/fs₂). Designed by linear
     * programming (scipy.optimize.linprog on a 1200-point grid): minimise max |H − 1| over
     * [0, 5 kHz] at 44.1 kHz subject to |H − 1| ≤ 10^(0.048/20) − 1 over [5, 18] kHz and H(0) = 1.
     * The optimum is 1.9·10⁻⁴ below 5 kHz, so a tone there passes up and down within 4·10⁻⁴.
     */
    static final double[] STAGE1_TAPS = {
        0.63060331983344042, -0.1962208029454629, 0.10178176427135184, -0.056709996010897108,
        0.033239812749757069, -0.018059431682137073, 0.0053653337839477504,
    };

    /** {@link #STAGE1_TAPS} rescaled so that Σ c = ½ holds to rounding (unit gain at DC). */
    private static final double[] STAGE1 = unitDcGain(STAGE1_TAPS);
    /** Stage 1 taps halved: the decimator's ½ folded in. */
    private static final double[] HALF_STAGE1 = scaled(STAGE1, 0.5);
    /** Stage 2 taps: K = 6, β = 8. */
    private static final double[] STAGE2 = halfband(6, 8.0);

    private HalfbandOversampler() {
    }

    /** Stage 1's doubled odd taps as used (unit DC gain): for the differentiable twin in {@code model.diff}. */
    public static double[] stage1Taps() {
        return STAGE1.clone();
    }

    /** Oversampling factors this class supports. */
    public static boolean isSupportedFactor(int factor) {
        return factor == 1 || factor == 2 || factor == 4;
    }

    /** {@code x[0..n)} at {@code factor}× the rate, as a new array of n·factor samples. */
    public static double[] up(double[] x, int n, int factor) {
        return switch (factor) {
            case 1 -> java.util.Arrays.copyOf(x, n);
            case 2 -> upsample2(x, n, STAGE1);
            case 4 -> upsample2(upsample2(x, n, STAGE1), 2 * n, STAGE2);
            default -> throw new IllegalArgumentException("oversampling factor " + factor + " (1, 2 or 4)");
        };
    }

    /** Inverse of {@link #up}: {@code y[0..n·factor)} back to n samples at the base rate. */
    public static double[] down(double[] y, int n, int factor) {
        return switch (factor) {
            case 1 -> java.util.Arrays.copyOf(y, n);
            case 2 -> downsample2(y, n, STAGE1);
            case 4 -> downsample2(downsample2(y, 2 * n, STAGE2), n, STAGE1);
            default -> throw new IllegalArgumentException("oversampling factor " + factor + " (1, 2 or 4)");
        };
    }

    /** A memoryless curve applied in place to {@code buf[from..to)}. */
    @FunctionalInterface
    public interface ArrayShaper {
        void apply(double[] buf, int from, int to);
    }

    /**
     * Applies {@code shaper} to {@code x[0..n)} at {@code factor}× the rate and returns the n
     * base-rate samples (a new array; {@code x} is untouched). Same as
     * {@code down(shape(up(x)))}; see {@link #shapeInPlace}.
     */
    public static double[] shaped(double[] x, int n, int factor, ArrayShaper shaper) {
        double[] y = java.util.Arrays.copyOf(x, n);
        shapeInPlace(y, n, factor, shaper);
        return y;
    }

    /**
     * Replaces {@code x[0..n)} by {@code down(shape(up(x)))}: {@code shaper} applied at
     * {@code factor}× the rate, back at the base rate. Factor 2 runs in polyphase form without
     * interleaving, block by block through small scratch arrays: the even phase is x itself, the
     * odd phase the half-band interpolation; both are shaped, and the decimator combines them
     * (the x samples a later block still needs are kept in the scratch block before they are
     * overwritten).
     */
    public static void shapeInPlace(double[] x, int n, int factor, ArrayShaper shaper) {
        if (factor == 2) {
            shape2((from, dst, at, count) -> System.arraycopy(x, from, dst, at, count), n, shaper,
                    (from, y, count) -> System.arraycopy(y, 0, x, from, count));
            return;
        }
        double[] up = up(x, n, factor);
        shaper.apply(up, 0, up.length);
        System.arraycopy(down(up, n, factor), 0, x, 0, n);
    }

    /** Supplies base-rate input to {@link #shape2}: dst[at + i] = x[from + i] for i in [0, count). */
    @FunctionalInterface
    public interface SampleSource {
        void read(int from, double[] dst, int at, int count);
    }

    /** Receives base-rate output of {@link #shape2}: y[from + i] = block[i] for i in [0, count). */
    @FunctionalInterface
    public interface SampleSink {
        void write(int from, double[] block, int count);
    }

    /** Frames per block of {@link #shape2}: its four scratch arrays (≈ 33 kB) stay in L1/L2 cache. */
    private static final int BLOCK = 1024;

    /**
     * {@code down(shape(up(x)))} at 2×, with x of n samples read through {@code source} and the
     * result handed to {@code sink} block by block in increasing order, so a caller can fuse its
     * input gain and output mix into the passes this makes anyway. Polyphase form without
     * interleaving: the even phase is x itself, the odd phase the half-band interpolation; both are
     * shaped, and the decimator combines them. The sink receives [s, s + len) only after the source
     * has supplied everything the result needs (up to s + len + 14), so both may use one array
     * (in place). Outside [0, n) the signal is taken as zero, as in {@link #up}.
     */
    public static void shape2(SampleSource source, int n, ArrayShaper shaper, SampleSink sink) {
        double[] c = STAGE1;
        int k = c.length;
        double[] xb = new double[BLOCK + 4 * k]; // x[s − 2k, s + len + 2k)
        double[] ob = new double[BLOCK + 2 * k]; // odd phase (x at m + ½) for m in [s − k, s + len + k)
        double[] eb = new double[BLOCK]; // shaped even phase, x[s, s + len)
        double[] yb = new double[BLOCK]; // result, y[s, s + len)
        loadPadded(source, n, -2 * k, xb, 0, 4 * k);
        for (int s = 0; s < n; s += BLOCK) {
            int len = Math.min(BLOCK, n - s);
            loadPadded(source, n, s + 2 * k, xb, 4 * k, len);
            symmetricFir(xb, k, k + 1, c, ob, 0, len + 2 * k);
            shaper.apply(ob, 0, len + 2 * k);
            // the odd phase beyond the ends is zero, as up() leaves it
            for (int i = 0; i < k - s; i++) {
                ob[i] = 0;
            }
            for (int i = Math.max(0, n - s + k); i < len + 2 * k; i++) {
                ob[i] = 0;
            }
            System.arraycopy(xb, 2 * k, eb, 0, len);
            shaper.apply(eb, 0, len);
            pairs7(ob, 0, HALF_STAGE1, yb, 0, len); // y[s+i] = ½·Σⱼ c[j]·(o[k+i−j−1] + o[k+i+j]) …
            for (int i = 0; i < len; i++) {
                yb[i] += 0.5 * eb[i]; // … + ½·(shaped even phase): the centre tap
            }
            sink.write(s, yb, len);
            System.arraycopy(xb, len, xb, 0, 4 * k); // x[s + len − 2k, s + len + 2k) for the next block
        }
    }

    /** dst[at + i] = x[from + i] for i in [0, count), zero where from + i lies outside [0, n). */
    private static void loadPadded(SampleSource x, int n, int from, double[] dst, int at, int count) {
        int lo = Math.max(from, 0);
        int hi = Math.min(from + count, n);
        java.util.Arrays.fill(dst, at, at + count, 0.0);
        if (hi > lo) {
            x.read(lo, dst, at + lo - from, hi - lo);
        }
    }

    /**
     * Doubles the rate: out[2m] = x[m], out[2m+1] = Σₖ c[k]·(x[m−k] + x[m+1+k]), with c the doubled
     * odd taps (the interpolator's gain of 2 folded in).
     */
    static double[] upsample2(double[] x, int n, double[] c) {
        int k = c.length;
        double[] xp = new double[n + 2 * k];
        System.arraycopy(x, 0, xp, k, n);
        double[] odd = new double[n];
        symmetricFir(xp, k, k + 1, c, odd, 0, n);
        double[] out = new double[2 * n];
        for (int m = 0; m < n; m++) {
            out[2 * m] = x[m];
            out[2 * m + 1] = odd[m];
        }
        return out;
    }

    /**
     * Halves the rate: y[m] = ½·z[2m] + Σₖ (c[k]/2)·(z[2m−2k−1] + z[2m+2k+1]), n outputs. The odd
     * phase o[m] = z[2m+1] is split off first, so the sum reads o[m−k−1] + o[m+k] contiguously.
     */
    static double[] downsample2(double[] z, int n, double[] c) {
        int k = c.length;
        double[] op = new double[n + 2 * k];
        for (int m = 0; m < n; m++) {
            op[k + m] = z[2 * m + 1];
        }
        double[] out = new double[n];
        symmetricFir(op, k - 1, k, c, out, 0, n);
        for (int m = 0; m < n; m++) {
            out[m] = 0.5 * (z[2 * m] + out[m]);
        }
        return out;
    }

    /**
     * out[at + m] = Σⱼ c[j]·(p[lo − j + m] + p[hi + j + m]) for m in [0, n): the symmetric-pair
     * sum of a half-band branch, four outputs per pass so the four accumulations overlap. Public for
     * the Saturator's adjoint, whose transposed branches are the same sums.
     */
    public static void symmetricFir(double[] p, int lo, int hi, double[] c, double[] out, int at, int n) {
        if (c.length == 7 && hi == lo + 1) {
            pairs7(p, lo - 6, c, out, at, n);
            return;
        }
        int k = c.length;
        int m = 0;
        for (; m + 3 < n; m += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < k; j++) {
                double cj = c[j];
                int a = lo - j + m;
                int b = hi + j + m;
                s0 += cj * (p[a] + p[b]);
                s1 += cj * (p[a + 1] + p[b + 1]);
                s2 += cj * (p[a + 2] + p[b + 2]);
                s3 += cj * (p[a + 3] + p[b + 3]);
            }
            out[at + m] = s0;
            out[at + m + 1] = s1;
            out[at + m + 2] = s2;
            out[at + m + 3] = s3;
        }
        for (; m < n; m++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += c[j] * (p[lo - j + m] + p[hi + j + m]);
            }
            out[at + m] = s;
        }
    }

    /**
     * out[at + i] = Σⱼ c[j]·(p[base + i + 6 − j] + p[base + i + 7 + j]), j = 0..6: the 7-pair
     * symmetric stencil of stage 1 over the window p[base + i .. base + i + 13]. Written out for
     * two outputs per pass, which share 13 of their 15 loads, with fused multiply-adds: about 1.7×
     * the throughput of the loop over taps (C2 in JDK 17 does not vectorise a stencil whose loads
     * differ in alignment, so this runs scalar).
     */
    private static void pairs7(double[] p, int base, double[] c, double[] out, int at, int n) {
        double c0 = c[0];
        double c1 = c[1];
        double c2 = c[2];
        double c3 = c[3];
        double c4 = c[4];
        double c5 = c[5];
        double c6 = c[6];
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int w = base + i;
            double x0 = p[w];
            double x1 = p[w + 1];
            double x2 = p[w + 2];
            double x3 = p[w + 3];
            double x4 = p[w + 4];
            double x5 = p[w + 5];
            double x6 = p[w + 6];
            double x7 = p[w + 7];
            double x8 = p[w + 8];
            double x9 = p[w + 9];
            double x10 = p[w + 10];
            double x11 = p[w + 11];
            double x12 = p[w + 12];
            double x13 = p[w + 13];
            double x14 = p[w + 14];
            double s = c0 * (x6 + x7);
            double t = c0 * (x7 + x8);
            s = Math.fma(c1, x5 + x8, s);
            t = Math.fma(c1, x6 + x9, t);
            s = Math.fma(c2, x4 + x9, s);
            t = Math.fma(c2, x5 + x10, t);
            s = Math.fma(c3, x3 + x10, s);
            t = Math.fma(c3, x4 + x11, t);
            s = Math.fma(c4, x2 + x11, s);
            t = Math.fma(c4, x3 + x12, t);
            s = Math.fma(c5, x1 + x12, s);
            t = Math.fma(c5, x2 + x13, t);
            out[at + i] = Math.fma(c6, x0 + x13, s);
            out[at + i + 1] = Math.fma(c6, x1 + x14, t);
        }
        for (; i < n; i++) {
            int w = base + i;
            double s = c0 * (p[w + 6] + p[w + 7]);
            for (int j = 1; j < 7; j++) {
                s = Math.fma(c[j], p[w + 6 - j] + p[w + 7 + j], s);
            }
            out[at + i] = s;
        }
    }

    private static double[] scaled(double[] c, double gain) {
        double[] out = c.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= gain;
        }
        return out;
    }

    /** The doubled odd taps c scaled so that Σ c = ½ (the full half-band filter then sums to 1). */
    static double[] unitDcGain(double[] c) {
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        double[] out = c.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= 0.5 / sum;
        }
        return out;
    }

    /**
     * The K odd-indexed taps h[1], h[3], …, h[2K−1] of a half-band low-pass of 4K−1 taps
     * (h[n] = ½·sinc(n/2)·kaiser(n, β)), scaled so the full filter has unit DC gain, then doubled.
     */
    static double[] halfband(int k, double beta) {
        int half = 2 * k - 1; // (taps − 1) / 2
        double[] c = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            int n = 2 * j + 1;
            double sinc = Math.sin(Math.PI * n / 2) / (Math.PI * n / 2);
            double r = (double) n / half;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
            c[j] = 0.5 * sinc * window;
            sum += 2 * c[j]; // taps at ±n
        }
        double scale = 0.5 / sum; // odd taps must sum to ½ so that ½ + Σodd = 1
        for (int j = 0; j < k; j++) {
            c[j] *= 2 * scale;
        }
        return c;
    }

    /** Modified Bessel function of the first kind, order 0 (power series, to 10⁻¹⁶ relative). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
