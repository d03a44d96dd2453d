package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.unmixer.model.Scalars;

/**
 * Second-order sections as differentiable NDArray functions: {@link org.unmixer.dsp.filter.Biquads}'
 * designs, their frequency responses H(e^{jω}), and linear filtering by FFT with enough length for
 * the impulse response to decay. Shared by the analytic EQ Eight and Saturator. All in float64.
 */
final class DiffBiquads {
    private DiffBiquads() {
    }

    /**
     * ω = 2πk/N for the bins k = 0…N/2 of an N-point FFT of a real signal (the rest is the conjugate
     * mirror), with the trigonometry a response needs.
     */
    static Trig grid(NDManager m, int fftSize) {
        double[] w = new double[fftSize / 2 + 1];
        for (int k = 0; k < w.length; k++) {
            w[k] = 2 * Math.PI * k / fftSize;
        }
        NDArray omega = m.create(w);
        return new Trig(omega.cos(), omega.sin(), Scalars.mul(omega, 2).cos(), Scalars.mul(omega, 2).sin());
    }

    /** H = 1 at every bin of the {@link #grid}. */
    static Complex unit(NDManager m, int fftSize) {
        Shape shape = new Shape(fftSize / 2 + 1);
        return new Complex(m.ones(shape, DataType.FLOAT64), m.zeros(shape, DataType.FLOAT64));
    }

    /** The FFT length that holds {@code samples} plus {@code tail}: the next power of two. */
    static int fftSize(long samples, int tail) {
        return Integer.highestOneBit((int) (samples + tail) - 1) << 1;
    }

    /**
     * {@code audio} [..., samples] filtered by the response {@code h} on the {@link #grid} (bins
     * 0…N/2), float64, same shape. The real output is Re(ifft(Z)) of the one-sided spectrum Z_k =
     * w_k·X_k·H_k with w = 1 at DC and Nyquist, 2 between, and zeros above N/2 (the analytic-signal
     * identity), so the response is only computed on half the bins. Not irfft: the PyTorch build's
     * irfft backward fails in MKL, and DJL's complex() has no gradient, while products with complex
     * constants, fft and ifft do.
     */
    static NDArray filter(NDArray audio, Complex h, int fftSize) {
        NDManager m = audio.getManager();
        long samples = audio.getShape().get(audio.getShape().dimension() - 1);
        int half = fftSize / 2 + 1;
        double[] weights = new double[half];
        java.util.Arrays.fill(weights, 2.0);
        weights[0] = 1;
        weights[half - 1] = 1;
        NDArray w = m.create(weights);
        NDArray one = m.create(new double[] {1, 0}).complex();
        NDArray i = m.create(new double[] {0, 1}).complex();
        NDArray hc = h.re().mul(w).mul(one).add(h.im().mul(w).mul(i));
        NDArray spectrum = toFloat64(audio).fft(fftSize, -1).get(new NDIndex("..., :{}", half));
        NDArray y = spectrum.mul(hc).ifft(fftSize, -1).real().get(new NDIndex("..., 0"));
        return y.get(new NDIndex("..., :{}", samples));
    }

    /**
     * A float64 view that keeps the gradient: DJL's {@code toType} detaches, while PyTorch's type
     * promotion in a product with a float64 one does not.
     */
    static NDArray toFloat64(NDArray a) {
        if (a.getDataType() == DataType.FLOAT64) {
            return a;
        }
        return a.mul(a.getManager().ones(new Shape(1), DataType.FLOAT64));
    }

    record Trig(NDArray cos1, NDArray sin1, NDArray cos2, NDArray sin2) {
    }

    record Complex(NDArray re, NDArray im) {
        Complex times(Complex o) {
            return new Complex(re.mul(o.re).sub(im.mul(o.im)), re.mul(o.im).add(im.mul(o.re)));
        }
    }

    /** b0..b2 / a0..a2 of one second-order section, as scalar NDArrays. */
    record Coefficients(NDArray b0, NDArray b1, NDArray b2, NDArray a0, NDArray a1, NDArray a2) {
        /** H(e^{jω}) = (b0 + b1 e^{−jω} + b2 e^{−2jω}) / (a0 + a1 e^{−jω} + a2 e^{−2jω}). */
        Complex response(Trig z) {
            NDArray nr = z.cos1.mul(b1).add(z.cos2.mul(b2)).add(b0);
            NDArray ni = z.sin1.mul(b1).add(z.sin2.mul(b2)).neg();
            NDArray dr = z.cos1.mul(a1).add(z.cos2.mul(a2)).add(a0);
            NDArray di = z.sin1.mul(a1).add(z.sin2.mul(a2)).neg();
            NDArray den = dr.mul(dr).add(di.mul(di));
            return new Complex(nr.mul(dr).add(ni.mul(di)).div(den), ni.mul(dr).sub(nr.mul(di)).div(den));
        }
    }

    // Biquads' designs (RBJ cookbook) written with NDArray operations.

    static NDArray omega(NDArray hz, double fs) {
        return Scalars.mul(hz.clip(1e-3, 0.4999 * fs), 2 * Math.PI / fs);
    }

    static Coefficients lowPass(NDArray hz, NDArray q, double fs) {
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(Scalars.mul(q, 2));
        NDArray oneMinusCos = cos.neg().add(1);
        return new Coefficients(Scalars.div(oneMinusCos, 2), oneMinusCos, Scalars.div(oneMinusCos, 2), alpha.add(1), Scalars.mul(cos, -2), alpha.neg().add(1));
    }

    static Coefficients highPass(NDArray hz, NDArray q, double fs) {
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(Scalars.mul(q, 2));
        NDArray onePlusCos = cos.add(1);
        return new Coefficients(Scalars.div(onePlusCos, 2), onePlusCos.neg(), Scalars.div(onePlusCos, 2), alpha.add(1), Scalars.mul(cos, -2), alpha.neg().add(1));
    }

    static Coefficients notch(NDArray hz, NDArray q, double fs) {
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(Scalars.mul(q, 2));
        NDArray one = cos.onesLike();
        return new Coefficients(one, Scalars.mul(cos, -2), one, alpha.add(1), Scalars.mul(cos, -2), alpha.neg().add(1));
    }

    static Coefficients peak(NDArray gainDb, NDArray hz, NDArray q, double fs) {
        NDArray a = Scalars.mul(gainDb, Math.log(10) / 40).exp();
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(Scalars.mul(q, 2));
        return new Coefficients(alpha.mul(a).add(1), Scalars.mul(cos, -2), alpha.mul(a).neg().add(1),
                alpha.div(a).add(1), Scalars.mul(cos, -2), alpha.div(a).neg().add(1));
    }

    static Coefficients shelf(NDArray gainDb, NDArray hz, NDArray q, double fs, boolean high) {
        NDArray a = Scalars.mul(gainDb, Math.log(10) / 40).exp();
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(Scalars.mul(q, 2));
        NDArray s = Scalars.mul(a.sqrt().mul(alpha), 2);
        NDArray ap1 = a.add(1);
        NDArray am1 = a.sub(1);
        if (!high) {
            return new Coefficients(
                    a.mul(ap1.sub(am1.mul(cos)).add(s)),
                    Scalars.mul(a.mul(am1.sub(ap1.mul(cos))), 2),
                    a.mul(ap1.sub(am1.mul(cos)).sub(s)),
                    ap1.add(am1.mul(cos)).add(s),
                    Scalars.mul(am1.add(ap1.mul(cos)), -2),
                    ap1.add(am1.mul(cos)).sub(s));
        }
        return new Coefficients(
                a.mul(ap1.add(am1.mul(cos)).add(s)),
                Scalars.mul(a.mul(am1.add(ap1.mul(cos))), -2),
                a.mul(ap1.add(am1.mul(cos)).sub(s)),
                ap1.sub(am1.mul(cos)).add(s),
                Scalars.mul(am1.sub(ap1.mul(cos)), 2),
                ap1.sub(am1.mul(cos)).sub(s));
    }

    /** First-order high-pass (bilinear, pre-warped) at a fixed corner, as {@link org.unmixer.dsp.filter.Biquads#onePoleHighPass}. */
    static Coefficients onePoleHighPass(NDManager m, double hz, double fs) {
        double k = Math.tan(Math.PI * Math.min(hz, 0.499 * fs) / fs);
        return new Coefficients(m.create(1.0), m.create(-1.0), m.create(0.0), m.create(1 + k), m.create(k - 1), m.create(0.0));
    }

    /** 1/H: the exact inverse section (numerator and denominator swapped). */
    static Coefficients inverse(Coefficients c) {
        return new Coefficients(c.a0(), c.a1(), c.a2(), c.b0(), c.b1(), c.b2());
    }
}
