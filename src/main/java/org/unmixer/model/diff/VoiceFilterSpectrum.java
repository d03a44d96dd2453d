package org.unmixer.model.diff;

import org.jtransforms.fft.DoubleFFT_1D;
import org.unmixer.dsp.filter.Svf;
import org.unmixer.dsp.source.VoiceFilter;
import org.unmixer.dsp.source.WavetableControls;

/**
 * Filter 1 of the voice in plain Java, as {@link DiffWavetableVoice} applies it: one or two SVF
 * sections as bilinear biquads, their product H on the bins 0…N/2 of an N-point FFT, and linear
 * filtering y = irfft(rfft(x)·H)[:frames] (the same as DiffBiquads.filter's analytic-signal form,
 * since H is real at DC and only Re H counts at Nyquist). Everything here that does not depend on
 * Freq and Res is made once.
 *
 * <p>The biquad of a section is the bilinear transform of H(s) = m0 + (m1·s + m2)/(s² + k·s + 1)
 * with s = (1/g)(1 − z⁻¹)/(1 + z⁻¹), which on the unit circle is s = jΩ, Ω = tan(ω/2)/g. So the
 * response and its derivatives are evaluated in that form, the same values as the coefficients'
 * B(e^{jω})/A(e^{jω}) up to rounding and cheaper: one complex division per section and bin, with
 * tan(ω/2) made once. With D = 1 − Ω² + jkΩ and Q = (m2 + j·m1·Ω)/D,
 *
 * <pre>
 * ∂H/∂Ω = (j·m1 − Q·(−2Ω + jk))/D,   ∂Ω/∂g = −Ω/g,   ∂H/∂k = jΩ·(∂m1/∂k − Q)/D.
 * </pre>
 *
 * <p>Spectra use JTransforms' packed layout of {@code realForward}: a[0] = Re X₀, a[1] = Re X_{N/2},
 * a[2k], a[2k+1] = Re X_k, Im X_k. For an upstream gradient v of y,
 * L = Σ v·y = (1/N)·Σ_k w_k·Re(X_k·H_k·conj(V_k)) with w = 1 at DC and Nyquist and 2 between, so
 * ∂L/∂x = irfft(conj(H)·V)[:frames] (filtering with the conjugate response) and
 * ∂L/∂p = Σ_k (w_k/N)·Re(X_k·conj(V_k)·∂H_k/∂p).
 */
final class VoiceFilterSpectrum {
    private static final int FILTER_TAIL = 4_096;

    private final WavetableControls.Filter filter;
    private final double fs;
    final int fftSize;
    /** tan(ω/2) = tan(πk/N) at the bins 0…N/2 (very large, not infinite, at Nyquist). */
    private final double[] warped;

    VoiceFilterSpectrum(WavetableControls.Filter filter, int sampleRate, int frames) {
        this.filter = filter;
        this.fs = sampleRate;
        this.fftSize = DiffBiquads.fftSize(frames, FILTER_TAIL);
        warped = new double[fftSize / 2 + 1];
        for (int k = 0; k < warped.length; k++) {
            warped[k] = Math.tan(Math.PI * k / fftSize);
        }
    }

    /** The shared plan of this length ({@link FftGrid}): JTransforms only reads a plan after constructing it. */
    DoubleFFT_1D newFft() {
        return FftGrid.of(fftSize).fft;
    }

    /**
     * The filter at these display values of Freq (Hz) and Res (0…125), with the chain factors
     * dg/dFreq and dk/dRes; Freq is limited to the SVF's range (no gradient outside it, as the clip).
     */
    Design design(double hz, double resDisplay) {
        double lowest = Svf.MIN_CUTOFF_HZ;
        double highest = Svf.MAX_CUTOFF_FRACTION * fs;
        double g = Math.tan(Math.min(Math.max(hz, lowest), highest) * (Math.PI / fs));
        double gPerHz = hz >= lowest && hz <= highest ? Math.PI / fs * (1 + g * g) : 0;
        double r = resDisplay / 125;
        double[] k;
        double qHigh;
        if (filter.poles() == 2) {
            qHigh = VoiceFilter.Q_12DB;
            k = new double[] {resonanceK(r, qHigh)};
        } else {
            qHigh = VoiceFilter.Q_24DB_HIGH;
            k = new double[] {1 / VoiceFilter.Q_24DB_LOW, resonanceK(r, qHigh)};
        }
        // k = 1/Q with Q = q0·(Q_MAX/q0)^r, so dk/dRes = −k·ln(Q_MAX/q0)/125.
        double kPerRes = -resonanceK(r, qHigh) * Math.log(VoiceFilter.MAX_Q / qHigh) / 125;
        return new Design(g, k, gPerHz, kPerRes);
    }

    /**
     * One Freq and Res: g, each section's damping k (only the last one's follows Res), and how g
     * and that k move with Freq and Res.
     */
    record Design(double g, double[] k, double gPerHz, double kPerRes) {
    }

    /** The number of bins, 0…N/2. */
    int bins() {
        return fftSize / 2 + 1;
    }

    Response newResponse() {
        return new Response(new double[fftSize], new double[fftSize], new double[fftSize]);
    }

    /** H, ∂H/∂Freq and ∂H/∂Res of the design on the bins [from, to), into {@code out} (packed). */
    void fill(Design d, int from, int to, Response out) {
        int sections = d.k().length;
        double[][] mix = new double[sections][3];
        double[] m1PerK = new double[sections];
        for (int s = 0; s < sections; s++) {
            m1PerK[s] = mix(d.k()[s], mix[s]);
        }
        double perHz = d.gPerHz() / d.g();
        for (int b = from; b < to; b++) {
            double w = warped[b] / d.g();
            // H = Π H_s, so ∂H/∂Ω = Σ_s ∂H_s/∂Ω·Π_{t≠s} H_t; only the last section's k moves with Res.
            double hr = 1;
            double hi = 0;
            double wr = 0;
            double wi = 0;
            double kr = 0;
            double ki = 0;
            for (int s = 0; s < sections; s++) {
                double k = d.k()[s];
                double[] m = mix[s];
                // D = 1 − Ω² + jkΩ; Q = (m2 + j·m1·Ω)/D; H_s = m0 + Q
                double dr = 1 - w * w;
                double di = k * w;
                double inv = 1 / (dr * dr + di * di);
                double nr = m[2];
                double ni = m[1] * w;
                double qr = (nr * dr + ni * di) * inv;
                double qi = (ni * dr - nr * di) * inv;
                // ∂H_s/∂Ω = (j·m1 − Q·(−2Ω + jk))/D
                double pr = 2 * w * qr + k * qi;
                double pi = m[1] - (qr * k - 2 * w * qi);
                double sr = (pr * dr + pi * di) * inv;
                double si = (pi * dr - pr * di) * inv;
                double h0 = m[0] + qr;
                // ∂(P·H_s) = ∂P·H_s + P·∂H_s for the product P of the sections before
                double nwr = wr * h0 - wi * qi + hr * sr - hi * si;
                double nwi = wr * qi + wi * h0 + hr * si + hi * sr;
                if (s == sections - 1) {
                    // ∂H_s/∂k = jΩ·(∂m1/∂k − Q)/D
                    double tr = w * qi;
                    double ti = w * (m1PerK[s] - qr);
                    double ur = (tr * dr + ti * di) * inv;
                    double ui = (ti * dr - tr * di) * inv;
                    kr = hr * ur - hi * ui;
                    ki = hr * ui + hi * ur;
                }
                wr = nwr;
                wi = nwi;
                double pr2 = hr * h0 - hi * qi;
                hi = hr * qi + hi * h0;
                hr = pr2;
            }
            // ∂Ω/∂Freq = −Ω/g·dg/dFreq
            double omegaPerHz = -w * perHz;
            put(out.h(), b, hr, hi);
            put(out.perHz(), b, wr * omegaPerHz, wi * omegaPerHz);
            put(out.perRes(), b, kr * d.kPerRes(), ki * d.kPerRes());
        }
    }

    /** Stores bin k of a packed spectrum (only the real part at DC and Nyquist). */
    private void put(double[] packed, int k, double re, double im) {
        if (k == 0) {
            packed[0] = re;
        } else if (k == fftSize / 2) {
            packed[1] = re;
        } else {
            packed[2 * k] = re;
            packed[2 * k + 1] = im;
        }
    }

    private static double resonanceK(double r, double q0) {
        return 1 / (q0 * Math.exp(r * Math.log(VoiceFilter.MAX_Q / q0)));
    }

    /** The mode's mix (m0, m1, m2) into {@code m} (VoiceFilter's laws); returns ∂m1/∂k. */
    private double mix(double k, double[] m) {
        double[][] corners = {{0, 0, 1}, {0, 1, 0}, {1, -k, -1}, {1, -k, 0}, {0, 0, 1}};
        double[] perK = {0, 0, -1, -1, 0};
        int i;
        double w = 0;
        switch (filter.type()) {
            case LOWPASS -> i = 0;
            case BANDPASS -> i = 1;
            case HIGHPASS -> i = 2;
            case NOTCH -> i = 3;
            case MORPH -> {
                double x = filter.morph() * 4;
                i = Math.min((int) Math.floor(x), 3);
                w = x - i;
            }
            default -> throw new IllegalStateException(filter.type().toString());
        }
        if (w == 0) {
            System.arraycopy(corners[i], 0, m, 0, 3);
            return perK[i];
        }
        for (int j = 0; j < 3; j++) {
            m[j] = corners[i][j] * (1 - w) + corners[i + 1][j] * w;
        }
        return perK[i] * (1 - w) + perK[i + 1] * w;
    }

    /**
     * H, ∂H/∂Freq and ∂H/∂Res, packed like a spectrum.
     */
    record Response(double[] h, double[] perHz, double[] perRes) {
    }

    /** spectrum ← spectrum·H, or ·conj(H); both packed. */
    static void multiply(double[] spectrum, double[] h, boolean conjugate) {
        spectrum[0] *= h[0];
        spectrum[1] *= h[1];
        double sign = conjugate ? -1 : 1;
        for (int j = 2; j < spectrum.length; j += 2) {
            double xr = spectrum[j];
            double xi = spectrum[j + 1];
            double hr = h[j];
            double hi = sign * h[j + 1];
            spectrum[j] = xr * hr - xi * hi;
            spectrum[j + 1] = xr * hi + xi * hr;
        }
    }

    /**
     * Adds Σ_k (w_k/N)·Re(C_k·∂H_k/∂Freq) and likewise for Res over the bins [from, to) into out[0]
     * and out[1], with C = Σ_c X_c·conj(V_c) the cross spectrum of the channels' oscillator sums X
     * and upstream gradients V (packed): the filter's part of ∂L/∂Freq and ∂L/∂Res.
     */
    void gradient(double[][] x, double[][] v, Response r, int from, int to, double[] out) {
        double[] dHz = r.perHz();
        double[] dRes = r.perRes();
        double hz = 0;
        double res = 0;
        for (int k = from; k < to; k++) {
            if (k == 0 || k == fftSize / 2) {
                int j = k == 0 ? 0 : 1;
                double c = x[0][j] * v[0][j] + x[1][j] * v[1][j];
                hz += c * dHz[j];
                res += c * dRes[j];
                continue;
            }
            int j = 2 * k;
            double cr = x[0][j] * v[0][j] + x[0][j + 1] * v[0][j + 1] + x[1][j] * v[1][j] + x[1][j + 1] * v[1][j + 1];
            double ci = x[0][j + 1] * v[0][j] - x[0][j] * v[0][j + 1] + x[1][j + 1] * v[1][j] - x[1][j] * v[1][j + 1];
            hz += 2 * (cr * dHz[j] - ci * dHz[j + 1]);
            res += 2 * (cr * dRes[j] - ci * dRes[j + 1]);
        }
        out[0] += hz / fftSize;
        out[1] += res / fftSize;
    }
}
