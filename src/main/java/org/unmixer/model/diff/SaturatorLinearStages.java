package org.unmixer.model.diff;

import org.jtransforms.fft.DoubleFFT_1D;
import org.unmixer.dsp.effects.Saturator;

/**
 * The FFT filtering of {@link DiffBiquads#filter} and its adjoint in plain Java, for
 * {@link SaturatorAdjoint}: the trigonometry of the bins 0…N/2 of one FFT length, second-order
 * sections' responses there, filtering a zero-padded signal through a response, and the gradient of
 * a section's coefficients from the gradient of its response.
 *
 * <p>Spectra are in JTransforms' packed real layout: a[0] = Re X₀, a[1] = Re X_{N/2}, a[2k] and
 * a[2k+1] = Re and Im X_k for 0 &lt; k &lt; N/2. Keeping only the real parts at DC and Nyquist is
 * exactly what the NDArray version's Re(ifft(one-sided spectrum)) does, so y = irfft(H·rfft(x)) is
 * its filter, and as that is a real circular convolution its transpose is the correlation
 * irfft(conj(H)·rfft(·)).
 *
 * <p>Immutable after construction; the FFT plan of a power of two is read-only once made, so one
 * instance serves several threads.
 */
final class SaturatorLinearStages {
    final int fftSize;
    final int half;
    final double sampleRate;
    private final double[] cos1;
    private final double[] sin1;
    private final double[] cos2;
    private final double[] sin2;
    private final DoubleFFT_1D fft;
    /** The Pre-DC high-pass's response: fixed by the rate, so made once. */
    private final Response dcHighPass;

    SaturatorLinearStages(int fftSize, double sampleRate) {
        this.fftSize = fftSize;
        this.half = fftSize / 2 + 1;
        this.sampleRate = sampleRate;
        FftGrid grid = FftGrid.of(fftSize);
        cos1 = grid.cos1;
        sin1 = grid.sin1;
        cos2 = grid.cos2;
        sin2 = grid.sin2;
        fft = grid.fft;
        // DiffBiquads.onePoleHighPass: first order, bilinear, pre-warped
        double k = Math.tan(Math.PI * Math.min(Saturator.DC_FILTER_HZ, 0.499 * sampleRate) / sampleRate);
        dcHighPass = response(new Section(1, -1, 0, 1 + k, k - 1, 0));
    }

    /** {@link Saturator}'s Pre-DC high-pass on the bins. */
    Response dcHighPass() {
        return dcHighPass;
    }

    /** A complex response on the bins 0…N/2. */
    record Response(double[] re, double[] im) {
        /** This times {@code o}, bin by bin. */
        Response times(Response o) {
            double[] r = new double[re.length];
            double[] i = new double[re.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = re[k] * o.re[k] - im[k] * o.im[k];
                i[k] = re[k] * o.im[k] + im[k] * o.re[k];
            }
            return new Response(r, i);
        }

        /** g·conj(this), bin by bin: the gradient of one factor of a product from the product's. */
        Response timesConjugateOf(Response g) {
            double[] r = new double[re.length];
            double[] i = new double[re.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = g.re[k] * re[k] + g.im[k] * im[k];
                i[k] = g.im[k] * re[k] - g.re[k] * im[k];
            }
            return new Response(r, i);
        }
    }

    /** b0..b2 / a0..a2 of one second-order section. */
    record Section(double b0, double b1, double b2, double a0, double a1, double a2) {
    }

    /** H(e^{jω}) = (b0 + b1 e^{−jω} + b2 e^{−2jω}) / (a0 + a1 e^{−jω} + a2 e^{−2jω}) on the bins. */
    Response response(Section s) {
        return responses(s, false)[0];
    }

    /**
     * H of {@link #response} and, when {@code inverse}, 1/H as well (the section with numerator
     * and denominator swapped, as {@link DiffBiquads#inverse}), from one evaluation of both
     * polynomials.
     */
    Response[] responses(Section s, boolean inverse) {
        double[] re = new double[half];
        double[] im = new double[half];
        double[] invRe = inverse ? new double[half] : null;
        double[] invIm = inverse ? new double[half] : null;
        for (int k = 0; k < half; k++) {
            double nr = s.b0 + s.b1 * cos1[k] + s.b2 * cos2[k];
            double ni = -(s.b1 * sin1[k] + s.b2 * sin2[k]);
            double dr = s.a0 + s.a1 * cos1[k] + s.a2 * cos2[k];
            double di = -(s.a1 * sin1[k] + s.a2 * sin2[k]);
            double den = dr * dr + di * di;
            re[k] = (nr * dr + ni * di) / den;
            im[k] = (ni * dr - nr * di) / den;
            if (inverse) {
                double num = nr * nr + ni * ni;
                invRe[k] = (dr * nr + di * ni) / num;
                invIm[k] = (di * nr - dr * ni) / num;
            }
        }
        return new Response[] {new Response(re, im), inverse ? new Response(invRe, invIm) : null};
    }

    /** H = 1 on every bin. */
    Response unit() {
        double[] re = new double[half];
        java.util.Arrays.fill(re, 1.0);
        return new Response(re, new double[half]);
    }

    /**
     * ∂L/∂(b0, b1, b2, a0, a1, a2) of section {@code s} from g = ∂L/∂Re H + i·∂L/∂Im H per bin and
     * g' the same for its inverse 1/H = D/N: ∂L/∂p = Σ_k Re(conj(g_k)·∂H_k/∂p + conj(g'_k)·∂(1/H_k)/∂p)
     * with ∂H/∂b_i = e^{−ijω}/D, ∂H/∂a_i = −(N/D²)·e^{−ijω}, ∂(1/H)/∂a_i = e^{−ijω}/N and
     * ∂(1/H)/∂b_i = −(D/N²)·e^{−ijω}.
     */
    double[] coefficientGradient(Section s, Response g, Response gInverse) {
        double gb0 = 0;
        double gb1 = 0;
        double gb2 = 0;
        double ga0 = 0;
        double ga1 = 0;
        double ga2 = 0;
        for (int k = 0; k < half; k++) {
            double nr = s.b0 + s.b1 * cos1[k] + s.b2 * cos2[k];
            double ni = -(s.b1 * sin1[k] + s.b2 * sin2[k]);
            double dr = s.a0 + s.a1 * cos1[k] + s.a2 * cos2[k];
            double di = -(s.a1 * sin1[k] + s.a2 * sin2[k]);
            double dd = dr * dr + di * di;
            double nn = nr * nr + ni * ni;
            // 1/D = conj(D)/|D|² and 1/N = conj(N)/|N|², from one division
            double both = 1 / (dd * nn);
            double idr = dr * nn * both;
            double idi = -di * nn * both;
            double inr = nr * dd * both;
            double ini = -ni * dd * both;
            // q = conj(g)/D, r = q·N/D; q' = conj(g')/N, r' = q'·D/N
            double gr = g.re[k];
            double gi = -g.im[k];
            double qr = gr * idr - gi * idi;
            double qi = gr * idi + gi * idr;
            double hr = nr * idr - ni * idi;
            double hi = nr * idi + ni * idr;
            double rr = qr * hr - qi * hi;
            double ri = qr * hi + qi * hr;
            double pr = gInverse.re[k];
            double pi = -gInverse.im[k];
            double qpr = pr * inr - pi * ini;
            double qpi = pr * ini + pi * inr;
            double jr = dr * inr - di * ini;
            double ji = dr * ini + di * inr;
            double rpr = qpr * jr - qpi * ji;
            double rpi = qpr * ji + qpi * jr;
            // ∂/∂b_i = Re((q − r')·e^{−ijω}), ∂/∂a_i = Re((q' − r)·e^{−ijω})
            double br = qr - rpr;
            double bi = qi - rpi;
            double ar = qpr - rr;
            double ai = qpi - ri;
            gb0 += br;
            gb1 += br * cos1[k] + bi * sin1[k];
            gb2 += br * cos2[k] + bi * sin2[k];
            ga0 += ar;
            ga1 += ar * cos1[k] + ai * sin1[k];
            ga2 += ar * cos2[k] + ai * sin2[k];
        }
        return new double[] {gb0, gb1, gb2, ga0, ga1, ga2};
    }

    /** rfft of x[0..n)·gain zero-padded to N, packed, into {@code a} (N long). */
    void spectrum(double[] x, int n, double gain, double[] a) {
        for (int t = 0; t < n; t++) {
            a[t] = x[t] * gain;
        }
        java.util.Arrays.fill(a, n, fftSize, 0.0);
        fft.realForward(a);
    }

    /**
     * The first n samples of irfft(H·X) (or irfft(conj(H)·X) when {@code adjoint}), X a packed
     * spectrum (not modified), into {@code out[at..at + n)}; {@code a} (N long) is scratch.
     */
    void filtered(double[] spectrum, Response h, boolean adjoint, double[] a, double[] out, int at, int n) {
        double sign = adjoint ? -1 : 1;
        double[] hr = h.re;
        double[] hi = h.im;
        a[0] = spectrum[0] * hr[0];
        a[1] = spectrum[1] * hr[half - 1];
        for (int k = 1; k < half - 1; k++) {
            double xr = spectrum[2 * k];
            double xi = spectrum[2 * k + 1];
            double i = sign * hi[k];
            a[2 * k] = xr * hr[k] - xi * i;
            a[2 * k + 1] = xr * i + xi * hr[k];
        }
        fft.realInverse(a, true);
        System.arraycopy(a, 0, out, at, n);
    }

    /**
     * Adds ∂L/∂H of y = irfft(H·X) into {@code g}, given X and G = rfft(∂L/∂y)/{@code gain}
     * (packed): as the NDArray version weights the one-sided spectrum by w_k (1 at DC and Nyquist,
     * 2 between) before Re(ifft), ∂L/∂H_k = w_k·G_k·conj(X_k)/N.
     */
    void addResponseGradient(double[] x, double[] gSpectrum, double gain, Response g) {
        double edge = gain / fftSize;
        double scale = 2 * edge;
        g.re[0] += edge * gSpectrum[0] * x[0];
        g.re[half - 1] += edge * gSpectrum[1] * x[1];
        for (int k = 1; k < half - 1; k++) {
            double xr = x[2 * k];
            double xi = x[2 * k + 1];
            double gr = gSpectrum[2 * k];
            double gi = gSpectrum[2 * k + 1];
            g.re[k] += scale * (gr * xr + gi * xi);
            g.im[k] += scale * (gi * xr - gr * xi);
        }
    }

    /** A zero response, to accumulate gradients in. */
    Response zero() {
        return new Response(new double[half], new double[half]);
    }
}
