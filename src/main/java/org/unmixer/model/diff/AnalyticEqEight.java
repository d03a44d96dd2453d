package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.dsp.effects.EqEight;
import org.unmixer.dsp.effects.EqEightFilterType;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * EQ Eight as an exactly differentiable function of its continuous parameters (Output Gain and each
 * band's Frequency, Gain and Resonance, as normalised θ): the product of the bands' frequency
 * responses, with the same RBJ designs, 48 dB Butterworth sections and adaptive-Q law as the
 * reference {@link EqEight}, applied to the input by FFT.
 *
 * <p>The switches (band on/off, filter types, Adaptive Q, Scale) are not differentiable and come
 * from a fixed {@link DeviceSettings}. The FFT length is at least the input plus {@code tail}
 * samples, so the recursive filters' impulse responses are cut only after they have decayed: the
 * result equals the reference's IIR output up to that truncation and float32 rounding.
 */
public final class AnalyticEqEight {
    private static final String[] BAND_PARAMS = {"Frequency A", "Gain A", "Resonance A"};

    private final DeviceSpec device;
    private final DeviceSettings fixed;
    private final List<ParamSpec> continuous;

    /** @param fixed the switches to use (band on/off, types, Adaptive Q, Scale); its continuous values are ignored */
    public AnalyticEqEight(DeviceSettings fixed) {
        this.device = Catalog.standard().device("EQ Eight");
        if (!fixed.device().name().equals(device.name())) {
            throw new IllegalArgumentException("not an EQ Eight setting: " + fixed.device().name());
        }
        this.fixed = fixed;
        List<ParamSpec> c = new ArrayList<>();
        c.add(device.param("Output Gain"));
        for (int n = 1; n <= EqEight.BANDS; n++) {
            for (String suffix : BAND_PARAMS) {
                c.add(device.param(n + " " + suffix));
            }
        }
        this.continuous = List.copyOf(c);
    }

    /** The differentiable parameters, in θ's order: Output Gain, then Frequency, Gain, Resonance of bands 1…8. */
    public List<ParamSpec> parameters() {
        return continuous;
    }

    /** θ of {@code settings}' continuous parameters, in {@link #parameters()} order. */
    public float[] theta(DeviceSettings settings) {
        float[] t = new float[continuous.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) settings.normalized(continuous.get(i).name());
        }
        return t;
    }

    /**
     * The complex response at every bin of an FFT of length {@code fftSize} (ω = 2πk/N, k = 0…N−1; the
     * upper half is the conjugate mirror of the lower): [N, 2] (real, imaginary).
     *
     * @param theta [parameters] normalised θ (may require gradients)
     */
    public NDArray response(NDArray theta, int fftSize, double sampleRate) {
        // float64 throughout: 1 − cos ω of a 30 Hz band is 2e-5, where float32 keeps two digits.
        theta = toFloat64(theta);
        NDManager m = theta.getManager();
        int bins = fftSize;
        double[] w = new double[bins];
        for (int k = 0; k < bins; k++) {
            w[k] = 2 * Math.PI * k / fftSize;
        }
        NDArray omega = m.create(w);
        Trig z = new Trig(omega.cos(), omega.sin(), omega.mul(2).cos(), omega.mul(2).sin());
        double scale = fixed.get("Scale") / 100;
        boolean adaptive = fixed.isOn("Adaptive Q");
        NDArray outputDb = DiffTaper.toDisplay(theta.get(0), continuous.get(0));
        NDArray gain = outputDb.mul(Math.log(10) / 20).exp();
        Shape shape = new Shape(bins);
        Complex h = new Complex(gain.mul(m.ones(shape, DataType.FLOAT64)), m.zeros(shape, DataType.FLOAT64));
        for (int n = 1; n <= EqEight.BANDS; n++) {
            if (!fixed.isOn(n + " Filter On A")) {
                continue;
            }
            EqEightFilterType type = EqEightFilterType.ofIndex(fixed.index(n + " Filter Type A"));
            int base = 1 + (n - 1) * 3;
            NDArray hz = DiffTaper.toDisplay(theta.get(base), continuous.get(base));
            NDArray gainDb = DiffTaper.toDisplay(theta.get(base + 1), continuous.get(base + 1)).mul(type.usesGain() ? scale : 0);
            NDArray q = DiffTaper.toDisplay(theta.get(base + 2), continuous.get(base + 2));
            if (adaptive && type == EqEightFilterType.BELL) {
                q = q.mul(gainDb.abs().mul(EqEight.ADAPTIVE_Q_STRENGTH / 15).add(1));
            }
            for (Coefficients c : sections(type, hz, gainDb, q, sampleRate)) {
                h = h.times(c.response(z));
            }
        }
        return NDArrays.stack(new NDList(h.re(), h.im()), -1);
    }

    /**
     * Filters {@code audio} [channels, samples] through the EQ; same shape out, float64.
     *
     * @param tail extra FFT length for the filters' ringing, in samples
     */
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate, int tail) {
        long samples = audio.getShape().get(audio.getShape().dimension() - 1);
        int fftSize = Integer.highestOneBit((int) (samples + tail) - 1) << 1;
        NDArray h = response(theta, fftSize, sampleRate);
        NDManager m = theta.getManager();
        // A full complex FFT, not rfft/irfft: the PyTorch build's irfft backward fails in MKL, and
        // DJL's complex() has no gradient, while products with complex constants and ifft do.
        NDArray one = m.create(new double[] {1, 0}).complex();
        NDArray i = m.create(new double[] {0, 1}).complex();
        NDArray hc = h.get(new NDIndex(":, 0")).mul(one).add(h.get(new NDIndex(":, 1")).mul(i));
        NDArray spectrum = toFloat64(audio).fft(fftSize, -1);
        NDArray y = spectrum.mul(hc).ifft(fftSize, -1).real().get(new NDIndex("..., 0"));
        // float64 out: DJL's cast to float32 drops the gradient.
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

    private record Trig(NDArray cos1, NDArray sin1, NDArray cos2, NDArray sin2) {
    }

    private record Complex(NDArray re, NDArray im) {
        Complex times(Complex o) {
            return new Complex(re.mul(o.re).sub(im.mul(o.im)), re.mul(o.im).add(im.mul(o.re)));
        }
    }

    /** b0..b2 / a0..a2 of one second-order section, as scalar NDArrays. */
    private record Coefficients(NDArray b0, NDArray b1, NDArray b2, NDArray a0, NDArray a1, NDArray a2) {
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

    private static List<Coefficients> sections(EqEightFilterType type, NDArray hz, NDArray gainDb, NDArray q, double fs) {
        return switch (type) {
            case HIGH_PASS_48, LOW_PASS_48 -> {
                List<Coefficients> out = new ArrayList<>();
                for (int k = 1; k <= 4; k++) {
                    NDArray qk = q.mul(EqEight.butterworth8SectionQ(k) / Biquads.BUTTERWORTH_Q);
                    out.add(type == EqEightFilterType.HIGH_PASS_48 ? highPass(hz, qk, fs) : lowPass(hz, qk, fs));
                }
                yield out;
            }
            case HIGH_PASS_12 -> List.of(highPass(hz, q, fs));
            case LOW_PASS_12 -> List.of(lowPass(hz, q, fs));
            case LOW_SHELF -> List.of(shelf(gainDb, hz, q, fs, false));
            case HIGH_SHELF -> List.of(shelf(gainDb, hz, q, fs, true));
            case BELL -> List.of(peak(gainDb, hz, q, fs));
            case NOTCH -> List.of(notch(hz, q, fs));
        };
    }

    // The designs below are Biquads' (RBJ cookbook) written with NDArray operations.

    private static NDArray omega(NDArray hz, double fs) {
        return hz.clip(1e-3, 0.4999 * fs).mul(2 * Math.PI / fs);
    }

    private static Coefficients lowPass(NDArray hz, NDArray q, double fs) {
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(q.mul(2));
        NDArray oneMinusCos = cos.neg().add(1);
        return new Coefficients(oneMinusCos.div(2), oneMinusCos, oneMinusCos.div(2), alpha.add(1), cos.mul(-2), alpha.neg().add(1));
    }

    private static Coefficients highPass(NDArray hz, NDArray q, double fs) {
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(q.mul(2));
        NDArray onePlusCos = cos.add(1);
        return new Coefficients(onePlusCos.div(2), onePlusCos.neg(), onePlusCos.div(2), alpha.add(1), cos.mul(-2), alpha.neg().add(1));
    }

    private static Coefficients notch(NDArray hz, NDArray q, double fs) {
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(q.mul(2));
        NDArray one = cos.onesLike();
        return new Coefficients(one, cos.mul(-2), one, alpha.add(1), cos.mul(-2), alpha.neg().add(1));
    }

    private static Coefficients peak(NDArray gainDb, NDArray hz, NDArray q, double fs) {
        NDArray a = gainDb.mul(Math.log(10) / 40).exp();
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(q.mul(2));
        return new Coefficients(alpha.mul(a).add(1), cos.mul(-2), alpha.mul(a).neg().add(1),
                alpha.div(a).add(1), cos.mul(-2), alpha.div(a).neg().add(1));
    }

    private static Coefficients shelf(NDArray gainDb, NDArray hz, NDArray q, double fs, boolean high) {
        NDArray a = gainDb.mul(Math.log(10) / 40).exp();
        NDArray w = omega(hz, fs);
        NDArray cos = w.cos();
        NDArray alpha = w.sin().div(q.mul(2));
        NDArray s = a.sqrt().mul(alpha).mul(2);
        NDArray ap1 = a.add(1);
        NDArray am1 = a.sub(1);
        if (!high) {
            return new Coefficients(
                    a.mul(ap1.sub(am1.mul(cos)).add(s)),
                    a.mul(am1.sub(ap1.mul(cos))).mul(2),
                    a.mul(ap1.sub(am1.mul(cos)).sub(s)),
                    ap1.add(am1.mul(cos)).add(s),
                    am1.add(ap1.mul(cos)).mul(-2),
                    ap1.add(am1.mul(cos)).sub(s));
        }
        return new Coefficients(
                a.mul(ap1.add(am1.mul(cos)).add(s)),
                a.mul(am1.add(ap1.mul(cos))).mul(-2),
                a.mul(ap1.add(am1.mul(cos)).sub(s)),
                ap1.sub(am1.mul(cos)).add(s),
                am1.sub(ap1.mul(cos)).mul(2),
                ap1.sub(am1.mul(cos)).sub(s));
    }
}
