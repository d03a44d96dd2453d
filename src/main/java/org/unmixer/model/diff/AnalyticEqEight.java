package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.dsp.effects.EqEight;
import org.unmixer.dsp.effects.EqEightFilterType;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.model.Scalars;
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
public final class AnalyticEqEight implements DiffDevice {
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
    @Override
    public List<ParamSpec> parameters() {
        return continuous;
    }

    /** θ of {@code settings}' continuous parameters, in {@link #parameters()} order. */
    @Override
    public float[] theta(DeviceSettings settings) {
        return DiffTaper.theta(continuous, settings);
    }

    /**
     * The complex response at the bins k = 0…N/2 of an FFT of length {@code fftSize} (ω = 2πk/N; the
     * upper half is the conjugate mirror): [N/2 + 1, 2] (real, imaginary).
     *
     * @param theta [parameters] normalised θ (may require gradients)
     */
    public NDArray response(NDArray theta, int fftSize, double sampleRate) {
        DiffBiquads.Complex h = complexResponse(theta, fftSize, sampleRate);
        return NDArrays.stack(new NDList(h.re(), h.im()), -1);
    }

    private DiffBiquads.Complex complexResponse(NDArray theta, int fftSize, double sampleRate) {
        // float64 throughout: 1 − cos ω of a 30 Hz band is 2e-5, where float32 keeps two digits.
        theta = DiffBiquads.toFloat64(theta);
        NDManager m = theta.getManager();
        DiffBiquads.Trig z = DiffBiquads.grid(m, fftSize);
        double scale = fixed.get("Scale") / 100;
        boolean adaptive = fixed.isOn("Adaptive Q");
        NDArray outputDb = DiffTaper.toDisplay(theta.get(0), continuous.get(0));
        NDArray gain = Scalars.mul(outputDb, Math.log(10) / 20).exp();
        DiffBiquads.Complex unit = DiffBiquads.unit(m, fftSize);
        DiffBiquads.Complex h = new DiffBiquads.Complex(unit.re().mul(gain), unit.im());
        for (int n = 1; n <= EqEight.BANDS; n++) {
            if (!fixed.isOn(n + " Filter On A")) {
                continue;
            }
            EqEightFilterType type = EqEightFilterType.ofIndex(fixed.index(n + " Filter Type A"));
            int base = 1 + (n - 1) * 3;
            NDArray hz = DiffTaper.toDisplay(theta.get(base), continuous.get(base));
            NDArray gainDb = Scalars.mul(DiffTaper.toDisplay(theta.get(base + 1), continuous.get(base + 1)), type.usesGain() ? scale : 0);
            NDArray q = DiffTaper.toDisplay(theta.get(base + 2), continuous.get(base + 2));
            if (adaptive && type == EqEightFilterType.BELL) {
                q = q.mul(Scalars.mul(gainDb.abs(), EqEight.ADAPTIVE_Q_STRENGTH / 15).add(1));
            }
            for (DiffBiquads.Coefficients c : sections(type, hz, gainDb, q, sampleRate)) {
                h = h.times(c.response(z));
            }
        }
        return h;
    }

    /** {@link #apply(NDArray, NDArray, double, int)} with a one-second tail for the linear stages. */
    @Override
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate) {
        return apply(audio, theta, sampleRate, (int) sampleRate);
    }

    /**
     * Filters {@code audio} [channels, samples] through the EQ; same shape out, float64.
     *
     * @param tail extra FFT length for the filters' ringing, in samples
     */
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate, int tail) {
        long samples = audio.getShape().get(audio.getShape().dimension() - 1);
        int fftSize = DiffBiquads.fftSize(samples, tail);
        // float64 out: DJL's cast to float32 drops the gradient.
        return DiffBiquads.filter(audio, complexResponse(theta, fftSize, sampleRate), fftSize);
    }

    private static List<DiffBiquads.Coefficients> sections(EqEightFilterType type, NDArray hz, NDArray gainDb, NDArray q, double fs) {
        return switch (type) {
            case HIGH_PASS_48, LOW_PASS_48 -> {
                List<DiffBiquads.Coefficients> out = new ArrayList<>();
                for (int k = 1; k <= 4; k++) {
                    NDArray qk = Scalars.mul(q, EqEight.butterworth8SectionQ(k) / Biquads.BUTTERWORTH_Q);
                    out.add(type == EqEightFilterType.HIGH_PASS_48 ? DiffBiquads.highPass(hz, qk, fs) : DiffBiquads.lowPass(hz, qk, fs));
                }
                yield out;
            }
            case HIGH_PASS_12 -> List.of(DiffBiquads.highPass(hz, q, fs));
            case LOW_PASS_12 -> List.of(DiffBiquads.lowPass(hz, q, fs));
            case LOW_SHELF -> List.of(DiffBiquads.shelf(gainDb, hz, q, fs, false));
            case HIGH_SHELF -> List.of(DiffBiquads.shelf(gainDb, hz, q, fs, true));
            case BELL -> List.of(DiffBiquads.peak(gainDb, hz, q, fs));
            case NOTCH -> List.of(DiffBiquads.notch(hz, q, fs));
        };
    }

}
