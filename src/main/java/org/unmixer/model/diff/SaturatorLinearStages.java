package org.unmixer.model.diff;

import org.jtransforms.fft.DoubleFFT_1D;

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

    SaturatorLinearStages(int fftSize, double sampleRate) {
        this.fftSize = fftSize;
        this.half = fftSize / 2 + 1;
        this.sampleRate = sampleRate;
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
        fft = new DoubleFFT_1D(fftSize);
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
        /** 1/H: numerator and denominator swapped, as {@link DiffBiquads#inverse}. */
        Section inverse() {
            return new Section(a0, a1, a2, b0, b1, b2);
        }
    }

    /** H(e^{jω}) = (b0 + b1 e^{−jω} + b2 e^{−2jω}) / (a0 + a1 e^{−jω} + a2 e^{−2jω}) on the bins. */
    Response response(Section s) {
        double[] re = new double[half];
        double[] im = new double[half];
        for (int k = 0; k < half; k++) {
            double nr = s.b0 + s.b1 * cos1[k] + s.b2 * cos2[k];
            double ni = -(s.b1 * sin1[k] + s.b2 * sin2[k]);
            double dr = s.a0 + s.a1 * cos1[k] + s.a2 * cos2[k];
            double di = -(s.a1 * sin1[k] + s.a2 * sin2[k]);
            double den = dr * dr + di * di;
            re[k] = (nr * dr + ni * di) / den;
            im[k] = (ni * dr - nr * di) / den;
        }
        return new Response(re, im);
    }

    /** H = 1 on every bin. */
    Response unit() {
        double[] re = new double[half];
        java.util.Arrays.fill(re, 1.0);
        return new Response(re, new double[half]);
    }

    /**
     * ∂L/∂(b0, b1, b2, a0, a1, a2) of section {@code s} (response {@code h}) from g = ∂L/∂Re H +
     * i·∂L/∂Im H per bin: ∂L/∂p = Σ_k Re(conj(g_k)·∂H_k/∂p) with ∂H/∂b_i = e^{−ijω}/D and
     * ∂H/∂a_i = −H·e^{−ijω}/D.
     */
    double[] coefficientGradient(Section s, Response h, Response g) {
        double gb0 = 0;
        double gb1 = 0;
        double gb2 = 0;
        double ga0 = 0;
        double ga1 = 0;
        double ga2 = 0;
        for (int k = 0; k < half; k++) {
            double dr = s.a0 + s.a1 * cos1[k] + s.a2 * cos2[k];
            double di = -(s.a1 * sin1[k] + s.a2 * sin2[k]);
            double den = dr * dr + di * di;
            double gr = g.re[k];
            double gi = g.im[k];
            // q = conj(g)/D
            double qr = (gr * dr - gi * di) / den;
            double qi = -(gr * di + gi * dr) / den;
            // r = q·H
            double rr = qr * h.re[k] - qi * h.im[k];
            double ri = qr * h.im[k] + qi * h.re[k];
            gb0 += qr;
            gb1 += qr * cos1[k] + qi * sin1[k];
            gb2 += qr * cos2[k] + qi * sin2[k];
            ga0 -= rr;
            ga1 -= rr * cos1[k] + ri * sin1[k];
            ga2 -= rr * cos2[k] + ri * sin2[k];
        }
        return new double[] {gb0, gb1, gb2, ga0, ga1, ga2};
    }

    /** rfft of x[0..n)·gain zero-padded to N, packed, in a new array. */
    double[] spectrum(double[] x, int n, double gain) {
        double[] a = new double[fftSize];
        for (int t = 0; t < n; t++) {
            a[t] = x[t] * gain;
        }
        fft.realForward(a);
        return a;
    }

    /**
     * The first n samples of irfft(H·X) (or irfft(conj(H)·X) when {@code adjoint}), X a packed
     * spectrum (not modified), into {@code out[at..at + n)}.
     */
    void filtered(double[] spectrum, Response h, boolean adjoint, double[] out, int at, int n) {
        double[] a = new double[fftSize];
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
