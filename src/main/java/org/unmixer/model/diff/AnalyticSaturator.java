package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import java.util.List;
import org.unmixer.dsp.effects.Saturator;
import org.unmixer.dsp.effects.SaturatorControls;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.dsp.shaper.HalfbandOversampler;
import org.unmixer.dsp.shaper.SaturatorCurve;
import org.unmixer.dsp.shaper.SaturatorCurves;
import org.unmixer.dsp.shaper.WaveshaperShape;
import org.unmixer.model.Scalars;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * Saturator as an exactly differentiable function (almost everywhere) of its estimated continuous
 * parameters — Drive, Color Amt Low, Color Freq, Color Amt Hi, Output, Dry/Wet — with the
 * reference {@link Saturator}'s signal flow: ×Drive, Pre-DC high-pass and Color EQ (by FFT), the
 * curve at 2× through the same half-band filters (as convolutions), the inverse Color EQ, the wet
 * clip, ×Output and the Dry/Wet crossfade. The switches (Type, Color On, Post Clip, Pre DC) and the
 * parameters the model does not estimate (Threshold, Color Width, the WS knobs) come from a fixed
 * {@link DeviceSettings}. The curves use exact tanh and sin where the reference uses approximations
 * within 10⁻⁵.
 */
public final class AnalyticSaturator implements DiffDevice {
    private static final List<String> PARAMETERS = List.of("Drive", "Color Amt Low", "Color Freq", "Color Amt Hi", "Output", "Dry/Wet");

    private final DeviceSettings fixed;
    private final List<ParamSpec> continuous;

    public AnalyticSaturator(DeviceSettings fixed) {
        DeviceSpec device = Catalog.standard().device("Saturator");
        if (!fixed.device().name().equals(device.name())) {
            throw new IllegalArgumentException("not a Saturator setting: " + fixed.device().name());
        }
        this.fixed = fixed;
        this.continuous = PARAMETERS.stream().map(device::param).toList();
    }

    /** The differentiable parameters, in θ's order. */
    @Override
    public List<ParamSpec> parameters() {
        return continuous;
    }

    /** θ of {@code settings}' differentiable parameters, in {@link #parameters()} order. */
    @Override
    public float[] theta(DeviceSettings settings) {
        return DiffTaper.theta(continuous, settings);
    }

    /** {@link #apply(NDArray, NDArray, double, int)} with a one-second tail for the linear stages. */
    @Override
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate) {
        return apply(audio, theta, sampleRate, (int) sampleRate);
    }

    /**
     * {@code audio} [channels, samples] through the Saturator; float64, same shape.
     *
     * @param tail extra FFT length for the linear stages' ringing, in samples
     */
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate, int tail) {
        NDManager m = audio.getManager();
        NDArray th = DiffBiquads.toFloat64(theta);
        NDArray x = DiffBiquads.toFloat64(audio);
        NDArray drive = dbToGain(display(th, 0));
        NDArray output = dbToGain(display(th, 4));
        NDArray dryWet = Scalars.div(display(th, 5), 100);
        long samples = x.getShape().get(x.getShape().dimension() - 1);
        int fftSize = DiffBiquads.fftSize(samples, tail);
        DiffBiquads.Trig grid = DiffBiquads.grid(m, fftSize);

        NDArray z = x.mul(drive);
        DiffBiquads.Complex pre = DiffBiquads.unit(m, fftSize);
        DiffBiquads.Complex post = DiffBiquads.unit(m, fftSize);
        boolean linearStages = false;
        if (fixed.isOn("Pre Dc Filter")) {
            pre = pre.times(DiffBiquads.onePoleHighPass(m, Saturator.DC_FILTER_HZ, sampleRate).response(grid));
            linearStages = true;
        }
        if (fixed.isOn("Color On")) {
            NDArray q = m.create(Biquads.BUTTERWORTH_Q);
            DiffBiquads.Coefficients low = DiffBiquads.shelf(display(th, 1), m.create(Saturator.COLOR_LOW_SHELF_HZ), q, sampleRate, false);
            double octaves = Saturator.COLOR_MIN_OCTAVES + Saturator.COLOR_OCTAVES_PER_WIDTH * fixed.get("Color Width") / 100;
            DiffBiquads.Coefficients bell = DiffBiquads.peak(display(th, 3), display(th, 2), m.create(Saturator.qForOctaves(octaves)),
                    sampleRate);
            pre = pre.times(low.response(grid)).times(bell.response(grid));
            post = post.times(DiffBiquads.inverse(bell).response(grid)).times(DiffBiquads.inverse(low).response(grid));
            linearStages = true;
        }
        if (linearStages) {
            z = DiffBiquads.filter(z, pre, fftSize);
        }
        SaturatorCurve curve = SaturatorCurve.ofIndex(fixed.index("Type"));
        double threshold = Saturator.dbToGain(fixed.get("Threshold"));
        WaveshaperShape ws = new WaveshaperShape(fixed.get("WS Drive") / 100, fixed.get("WS Linearity") / 100,
                fixed.get("WS Curve") / 100, fixed.get("WS Damp") / 100, fixed.get("WS Period") / 100, fixed.get("WS Depth") / 100);
        double[] taps = HalfbandOversampler.stage1Taps();
        NDArray wet = down2(shape(up2(z, taps), curve, threshold, ws), taps);
        if (fixed.isOn("Color On")) {
            wet = DiffBiquads.filter(wet, post, fftSize);
        }
        wet = switch (wetClip(curve, fixed.index("Post Clip Mode"))) {
            case SaturatorControls.POST_CLIP_SOFT -> kneeClip(wet, SaturatorCurves.ANALOG_CLIP_KNEE);
            case SaturatorControls.POST_CLIP_HARD -> wet.clip(-1, 1);
            default -> wet;
        };
        return x.mul(dryWet.neg().add(1)).add(wet.mul(output).mul(dryWet));
    }

    /** As the reference's wet clip at 2×: Digital Clip without Post Clip is clamped again after down-sampling. */
    static int wetClip(SaturatorCurve curve, int postClip) {
        if (postClip == SaturatorControls.POST_CLIP_NONE && curve == SaturatorCurve.DIGITAL_CLIP) {
            return SaturatorControls.POST_CLIP_HARD;
        }
        return postClip;
    }

    private NDArray display(NDArray th, int i) {
        return DiffTaper.toDisplay(th.get(i), continuous.get(i));
    }

    private static NDArray dbToGain(NDArray db) {
        return Scalars.mul(db, Math.log(10) / 20).exp();
    }

    /** The curves of {@link SaturatorCurves} on NDArrays. */
    static NDArray shape(NDArray x, SaturatorCurve curve, double threshold, WaveshaperShape ws) {
        return switch (curve) {
            case ANALOG_CLIP -> kneeClip(x, SaturatorCurves.ANALOG_CLIP_KNEE);
            case SOFT_SINE -> Scalars.mul(x.clip(-1, 1), Math.PI / 2).sin();
            case BASS_SHAPER -> kneeClip(x, threshold);
            case MEDIUM_CURVE -> x.tanh();
            case HARD_CURVE -> Scalars.mul(x, SaturatorCurves.HARD_CURVE_GAIN).tanh();
            case SINOID_FOLD -> Scalars.mul(x, Math.PI).sin();
            case DIGITAL_CLIP -> x.clip(-1, 1);
            case WAVESHAPER -> waveshaper(x, ws);
        };
    }

    /** {@link SaturatorCurves#kneeClip}: linear to the knee, then a tanh bend to ±1. */
    static NDArray kneeClip(NDArray x, double knee) {
        double width = 1 - knee;
        if (width < 1e-9) {
            return x.clip(-1, 1);
        }
        NDArray ax = x.abs();
        NDArray bent = Scalars.mul(Scalars.div(ax.sub(knee), width).tanh(), width).add(knee).mul(x.sign());
        return NDArrays.where(ax.lte(knee), x, bent);
    }

    /** {@link SaturatorCurves#waveshaper}. */
    static NDArray waveshaper(NDArray x, WaveshaperShape ws) {
        NDArray u = x.clip(-1, 1);
        NDArray core = Scalars.mul(u, 0.5 + ws.linearity()).add(Scalars.mul(u.sub(Scalars.pow(u, 3)), 0.5 * ws.curve()));
        NDArray ripple = Scalars.mul(Scalars.mul(u, 2 * (1 + 7 * ws.period()) * Math.PI).sin(), 0.25 * ws.depth());
        double g = 0.05 * ws.damp();
        NDArray gate = g == 0 ? u.onesLike() : u.square().div(u.square().add(g * g));
        return Scalars.mul(x, 1 - ws.drive()).add(Scalars.mul(gate.mul(core.add(ripple)), ws.drive()));
    }

    /**
     * The symmetric kernel of a half-band branch for a correlation over 2K inputs: w[i] = c[K−1−i]
     * for i &lt; K, c[i−K] otherwise (up- and down-sampling use the same one, see below).
     */
    private static NDArray kernel(NDManager m, double[] c) {
        int k = c.length;
        double[] w = new double[2 * k];
        for (int i = 0; i < k; i++) {
            w[i] = c[k - 1 - i];
            w[k + i] = c[i];
        }
        return m.create(w).reshape(1, 1, 2 * k);
    }

    /** {@link HalfbandOversampler} 2× up: even outputs are the input, odd ones Σ c[k]·(x[m−k] + x[m+1+k]). */
    static NDArray up2(NDArray x, double[] c) {
        NDManager m = x.getManager();
        int k = c.length;
        Shape s = x.getShape();
        long n = s.get(s.dimension() - 1);
        NDArray rows = x.reshape(-1, 1, n);
        long b = rows.getShape().get(0);
        NDArray padded = NDArrays.concat(new NDList(m.zeros(new Shape(b, 1, k - 1), DataType.FLOAT64), rows,
                m.zeros(new Shape(b, 1, k), DataType.FLOAT64)), 2);
        NDArray odd = Conv1d.conv1d(padded, kernel(m, c)).singletonOrThrow();
        NDArray both = NDArrays.stack(new NDList(rows, odd), -1); // [b, 1, n, 2]
        long[] out = s.getShape().clone();
        out[out.length - 1] = 2 * n;
        return both.reshape(new Shape(out));
    }

    /** {@link HalfbandOversampler} 2× down: y[m] = ½·(z[2m] + Σ c[k]·(z[2m−2k−1] + z[2m+2k+1])). */
    static NDArray down2(NDArray z, double[] c) {
        NDManager m = z.getManager();
        int k = c.length;
        Shape s = z.getShape();
        long n = s.get(s.dimension() - 1) / 2;
        NDArray pairs = z.reshape(-1, 1, n, 2);
        long b = pairs.getShape().get(0);
        NDArray even = pairs.get(new NDIndex("..., 0"));
        NDArray odd = pairs.get(new NDIndex("..., 1"));
        NDArray padded = NDArrays.concat(new NDList(m.zeros(new Shape(b, 1, k), DataType.FLOAT64), odd,
                m.zeros(new Shape(b, 1, k - 1), DataType.FLOAT64)), 2);
        NDArray sum = Conv1d.conv1d(padded, kernel(m, c)).singletonOrThrow();
        long[] out = s.getShape().clone();
        out[out.length - 1] = n;
        return Scalars.mul(even.add(sum), 0.5).reshape(new Shape(out));
    }
}
