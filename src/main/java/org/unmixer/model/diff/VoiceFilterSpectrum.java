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
    private final double[] cos1;
    private final double[] sin1;
    private final double[] cos2;
    private final double[] sin2;

    VoiceFilterSpectrum(WavetableControls.Filter filter, int sampleRate, int frames) {
        this.filter = filter;
        this.fs = sampleRate;
        this.fftSize = DiffBiquads.fftSize(frames, FILTER_TAIL);
        int half = fftSize / 2 + 1;
        cos1 = new double[half];
        sin1 = new double[half];
        cos2 = new double[half];
        sin2 = new double[half];
        for (int k = 0; k < half; k++) {
            double w = 2 * Math.PI * k / fftSize;
            cos1[k] = Math.cos(w);
            sin1[k] = Math.sin(w);
            cos2[k] = Math.cos(2 * w);
            sin2[k] = Math.sin(2 * w);
        }
    }

    /** One FFT plan per caller thread: JTransforms' plans are only read, but one each costs little. */
    DoubleFFT_1D newFft() {
        return new DoubleFFT_1D(fftSize);
    }

    /**
     * The sections at these display values of Freq (Hz) and Res (0…125), with the chain factors
     * dg/dFreq and dk/dRes; Freq is limited to the SVF's range (no gradient outside it, as the clip).
     */
    Design design(double hz, double resDisplay) {
        double lowest = Svf.MIN_CUTOFF_HZ;
        double highest = Svf.MAX_CUTOFF_FRACTION * fs;
        double g = Math.tan(Math.min(Math.max(hz, lowest), highest) * (Math.PI / fs));
        double gPerHz = hz >= lowest && hz <= highest ? Math.PI / fs * (1 + g * g) : 0;
        double r = resDisplay / 125;
        Section[] sections;
        double qHigh;
        if (filter.poles() == 2) {
            qHigh = VoiceFilter.Q_12DB;
            sections = new Section[] {section(g, resonanceK(r, qHigh))};
        } else {
            qHigh = VoiceFilter.Q_24DB_HIGH;
            sections = new Section[] {section(g, 1 / VoiceFilter.Q_24DB_LOW), section(g, resonanceK(r, qHigh))};
        }
        // k = 1/Q with Q = q0·(Q_MAX/q0)^r, so dk/dRes = −k·ln(Q_MAX/q0)/125.
        double kPerRes = -resonanceK(r, qHigh) * Math.log(VoiceFilter.MAX_Q / qHigh) / 125;
        return new Design(sections, gPerHz, kPerRes);
    }

    /** The sections of one Freq and Res, and how g and the last section's k move with them. */
    record Design(Section[] sections, double gPerHz, double kPerRes) {
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
        Section[] sections = d.sections();
        double[] hs = new double[6];
        for (int k = from; k < to; k++) {
            // H = Π H_s, so ∂H/∂g = Σ_s ∂H_s/∂g·Π_{t≠s} H_t; only the last section's k moves with Res.
            double hr = 1;
            double hi = 0;
            double gr = 0;
            double gi = 0;
            double kr = 0;
            double ki = 0;
            for (int s = 0; s < sections.length; s++) {
                boolean last = s == sections.length - 1;
                sections[s].at(this, k, hs, last);
                // ∂(P·H_s) = ∂P·H_s + P·∂H_s for the product P of the sections before
                double ngr = gr * hs[0] - gi * hs[1] + hr * hs[2] - hi * hs[3];
                double ngi = gr * hs[1] + gi * hs[0] + hr * hs[3] + hi * hs[2];
                if (last) {
                    kr = hr * hs[4] - hi * hs[5];
                    ki = hr * hs[5] + hi * hs[4];
                }
                gr = ngr;
                gi = ngi;
                double pr = hr * hs[0] - hi * hs[1];
                hi = hr * hs[1] + hi * hs[0];
                hr = pr;
            }
            put(out.h(), k, hr, hi);
            put(out.perHz(), k, gr * d.gPerHz(), gi * d.gPerHz());
            put(out.perRes(), k, kr * d.kPerRes(), ki * d.kPerRes());
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

    /**
     * One SVF section as a biquad (see DiffWavetableVoice.section): a0 = 1 + kg + g², a1 = 2g² − 2,
     * a2 = 1 − kg + g², b = m0·a + m1·g·(1, 0, −1) + m2·g²·(1, 2, 1), with the mode's mix (m0, m1, m2)
     * where only m1 depends on k. Coefficients and their derivatives in g and k.
     */
    private Section section(double g, double k) {
        double[] m = new double[3];
        double dm1 = mix(k, m);
        double g2 = g * g;
        double[] a = {1 + k * g + g2, 2 * g2 - 2, 1 - k * g + g2};
        double[] b = {m[0] * a[0] + m[1] * g + m[2] * g2, m[0] * a[1] + 2 * m[2] * g2, m[0] * a[2] - m[1] * g + m[2] * g2};
        double[] ag = {2 * g + k, 4 * g, 2 * g - k};
        double[] bg = {m[0] * ag[0] + m[1] + 2 * m[2] * g, m[0] * ag[1] + 4 * m[2] * g, m[0] * ag[2] - m[1] + 2 * m[2] * g};
        double[] ak = {g, 0, -g};
        double[] bk = {m[0] * g + dm1 * g, 0, -m[0] * g - dm1 * g};
        return new Section(b, a, bg, ag, bk, ak);
    }

    /** The mode's mix (m0, m1, m2) into {@code m} (VoiceFilter's laws); returns dm1/dk. */
    private double mix(double k, double[] m) {
        double[][] corners = {{0, 0, 1}, {0, 1, 0}, {1, -k, -1}, {1, -k, 0}, {0, 0, 1}};
        double[] perK = {0, 0, -1, -1, 0};
        switch (filter.type()) {
            case LOWPASS -> set(m, corners[0]);
            case BANDPASS -> set(m, corners[1]);
            case HIGHPASS -> set(m, corners[2]);
            case NOTCH -> set(m, corners[3]);
            case MORPH -> {
                double x = filter.morph() * 4;
                int i = Math.min((int) Math.floor(x), 3);
                double w = x - i;
                for (int j = 0; j < 3; j++) {
                    m[j] = corners[i][j] * (1 - w) + corners[i + 1][j] * w;
                }
                return perK[i] * (1 - w) + perK[i + 1] * w;
            }
            default -> throw new IllegalStateException(filter.type().toString());
        }
        return filter.type() == WavetableControls.FilterType.HIGHPASS || filter.type() == WavetableControls.FilterType.NOTCH ? -1 : 0;
    }

    private static void set(double[] m, double[] corner) {
        System.arraycopy(corner, 0, m, 0, 3);
    }

    /** b and a (index 0…2) of one section, and their derivatives in g and in k. */
    record Section(double[] b, double[] a, double[] bg, double[] ag, double[] bk, double[] ak) {
        /**
         * At bin k, into out: H_s, ∂H_s/∂g and (when {@code withK}) ∂H_s/∂k as (Re, Im) pairs, with
         * H_s = B/A and ∂H_s = (∂B − H_s·∂A)/A.
         */
        void at(VoiceFilterSpectrum grid, int k, double[] out, boolean withK) {
            double br = grid.re(b, k);
            double bi = grid.im(b, k);
            double ar = grid.re(a, k);
            double ai = grid.im(a, k);
            double inv = 1 / (ar * ar + ai * ai);
            double hr = (br * ar + bi * ai) * inv;
            double hi = (bi * ar - br * ai) * inv;
            out[0] = hr;
            out[1] = hi;
            derivative(grid, k, bg, ag, hr, hi, ar, ai, inv, out, 2);
            if (withK) {
                derivative(grid, k, bk, ak, hr, hi, ar, ai, inv, out, 4);
            }
        }

        private static void derivative(VoiceFilterSpectrum grid, int k, double[] db, double[] da, double hr, double hi,
                double ar, double ai, double inv, double[] out, int at) {
            double dar = grid.re(da, k);
            double dai = grid.im(da, k);
            double nr = grid.re(db, k) - (hr * dar - hi * dai);
            double ni = grid.im(db, k) - (hr * dai + hi * dar);
            out[at] = (nr * ar + ni * ai) * inv;
            out[at + 1] = (ni * ar - nr * ai) * inv;
        }
    }

    /** Re of p0 + p1·e^{−jω} + p2·e^{−2jω} at bin k. */
    private double re(double[] p, int k) {
        return p[0] + p[1] * cos1[k] + p[2] * cos2[k];
    }

    /** Im of p0 + p1·e^{−jω} + p2·e^{−2jω} at bin k. */
    private double im(double[] p, int k) {
        return -(p[1] * sin1[k] + p[2] * sin2[k]);
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
