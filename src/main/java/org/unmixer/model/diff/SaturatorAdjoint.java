package org.unmixer.model.diff;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;
import org.unmixer.dsp.effects.Saturator;
import org.unmixer.dsp.effects.SaturatorControls;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.dsp.shaper.HalfbandOversampler;
import org.unmixer.dsp.shaper.SaturatorCurve;
import org.unmixer.dsp.shaper.SaturatorCurves;
import org.unmixer.dsp.shaper.WaveshaperShape;
import org.unmixer.model.diff.SaturatorLinearStages.Response;
import org.unmixer.model.diff.SaturatorLinearStages.Section;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The vector-Jacobian product of {@link AnalyticSaturator#apply(ai.djl.ndarray.NDArray,
 * ai.djl.ndarray.NDArray, double, int)} with the tail {@link DiffDevices#GRADIENT_TAIL}, in plain
 * Java: the same function, stage by stage, and its reverse.
 *
 * <p>Forward, per channel, keeping what the reverse pass needs:
 *
 * <pre>
 * z   = irfft(H_pre · rfft(x·drive))          H_pre = DC high-pass · low shelf · bell (N-point FFT)
 * U   = up₂(z), V = f(U)                       half-band interpolation, the curve f at 2× (f'(U) kept)
 * w   = down₂(V)                               half-band decimation
 * wet = clip(irfft(H_post · rfft(w)))          H_post = 1/bell · 1/low shelf, then the wet clip
 * y   = (1 − m)·x + m·g·wet                    m = Dry/Wet, g = Output gain
 * </pre>
 *
 * Reverse, for u = ∂L/∂y: ∂L/∂wet = m·g·u·clip'; through the post filter by its transpose
 * irfft(conj(H_post)·rfft(·)) (the filter is a real circular convolution, its transpose the
 * correlation); down₂ᵀ spreads each sample back over the 2× phases, f'(U) multiplies, up₂ᵀ
 * gathers them back to the base rate; then the pre filter's transpose and ×drive. The response
 * gradients are ∂L/∂H_k = w_k·G_k·conj(X_k)/N per bin (X the filter's input spectrum, G the
 * spectrum of the gradient at its output, w the one-sided weights), split over the factors of a
 * product by the product rule, taken to each section's coefficients through ∂H/∂b_i = e^{−ijω}/D
 * and ∂H/∂a_i = −H·e^{−ijω}/D, and on to Color Amt Low/Hi and Color Freq through the RBJ designs'
 * analytic derivatives. Drive, Output and Dry/Wet enter as gains: ∂L/∂drive = Σ x·∂L/∂(x·drive),
 * ∂L/∂g = m·Σ u·wet, ∂L/∂m = Σ u·(g·wet − x). Every display value reaches θ through its taper's
 * derivative. Without a wet clip the wet signal itself is never formed: Σ u·wet = Σ (H_postᵀu)·w,
 * which saves one inverse transform per channel.
 *
 * <p>At the kinks it does what PyTorch's autograd does for the NDArray version: clamp passes the
 * gradient on its bounds (inclusive), |x| and sign have slope 0 at 0, and a where() sends it to the
 * chosen branch. tanh is computed from one exp (within 4·10⁻¹⁶ of Math.tanh and about five times
 * faster); sin and cos are Java's.
 *
 * <p>Channels run on two threads when there are two or more (channel c on lane c mod 2), and the
 * lanes' partial sums are added in a fixed order, so results do not depend on timing.
 */
public final class SaturatorAdjoint implements DeviceAdjoint {
    private static final double DB_TO_LOG_GAIN = Math.log(10) / 20;
    private static final double DB_TO_LOG_A = Math.log(10) / 40;

    private final List<ParamSpec> continuous;
    private final boolean preDc;
    private final boolean color;
    private final SaturatorCurve curve;
    private final double threshold;
    private final WaveshaperShape ws;
    private final int wetClip;
    private final double bellQ;
    /** Stage 1 half-band taps (doubled odd taps c[j], unit DC gain), as the NDArray version uses them. */
    private final double[] taps = HalfbandOversampler.stage1Taps();
    /** The linear stages of the last FFT length and rate used: θ-independent, so kept between calls. */
    private volatile SaturatorLinearStages stages;
    /** The lanes' buffers of the last call, taken by the next one of the same size (a concurrent call makes its own). */
    private final AtomicReference<Workspace[]> spare = new AtomicReference<>();

    public SaturatorAdjoint(DeviceSettings fixed) {
        AnalyticSaturator analytic = new AnalyticSaturator(fixed); // checks the device
        continuous = analytic.parameters();
        preDc = fixed.isOn("Pre Dc Filter");
        color = fixed.isOn("Color On");
        curve = SaturatorCurve.ofIndex(fixed.index("Type"));
        threshold = Saturator.dbToGain(fixed.get("Threshold"));
        ws = new WaveshaperShape(fixed.get("WS Drive") / 100, fixed.get("WS Linearity") / 100, fixed.get("WS Curve") / 100,
                fixed.get("WS Damp") / 100, fixed.get("WS Period") / 100, fixed.get("WS Depth") / 100);
        wetClip = AnalyticSaturator.wetClip(curve, fixed.index("Post Clip Mode"));
        double octaves = Saturator.COLOR_MIN_OCTAVES + Saturator.COLOR_OCTAVES_PER_WIDTH * fixed.get("Color Width") / 100;
        bellQ = Saturator.qForOctaves(octaves);
    }

    @Override
    public List<ParamSpec> parameters() {
        return continuous;
    }

    @Override
    public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
        int channels = input.length;
        if (channels == 0) {
            return new double[0][];
        }
        int n = input[0].length;
        double[] display = new double[theta.length];
        double[] slope = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            display[i] = toDisplay(theta[i], continuous.get(i));
            slope[i] = displaySlope(theta[i], continuous.get(i));
        }
        double drive = Math.exp(display[0] * DB_TO_LOG_GAIN);
        double output = Math.exp(display[4] * DB_TO_LOG_GAIN);
        double dryWet = display[5] / 100;
        Filters filters = preDc || color ? filters(n, sampleRate, display) : null;

        double[][] gx = new double[channels][];
        double[][] sums = new double[channels][]; // per channel: Σ ∂L/∂(x·drive)·x, Σ u·wet, Σ u·x
        int laneCount = Math.min(2, channels);
        int fftSize = filters == null ? 0 : filters.stages.fftSize;
        Workspace[] work = spare.getAndSet(null);
        if (work == null || work.length < laneCount || work[0].n != n || work[0].fftSize != fftSize) {
            work = new Workspace[laneCount];
            for (int l = 0; l < laneCount; l++) {
                work[l] = new Workspace(n, taps.length, fftSize);
            }
        }
        Workspace[] lanesWork = work;
        Response[][] laneGradients = new Response[laneCount][]; // per lane: ∂L/∂H_pre, ∂L/∂H_post
        Runnable[] lanes = new Runnable[laneCount];
        for (int l = 0; l < laneCount; l++) {
            int lane = l;
            lanes[l] = () -> {
                Response[] g = color ? new Response[] {filters.stages.zero(), filters.stages.zero()} : null;
                laneGradients[lane] = g;
                for (int c = lane; c < channels; c += laneCount) {
                    gx[c] = new double[n];
                    sums[c] = channel(input[c], upstream[c], n, drive, output, dryWet, filters, g, lanesWork[lane], gx[c]);
                }
            };
        }
        if (laneCount == 2) {
            ForkJoinTask<?> second = ForkJoinPool.commonPool().submit(lanes[1]);
            lanes[0].run();
            second.join();
        } else {
            lanes[0].run();
        }
        spare.set(work);

        double gDrive = 0;
        double uWet = 0;
        double uX = 0;
        for (double[] s : sums) {
            gDrive += s[0];
            uWet += s[1];
            uX += s[2];
        }
        thetaGradient[0] += gDrive * drive * DB_TO_LOG_GAIN * slope[0];
        thetaGradient[4] += dryWet * uWet * output * DB_TO_LOG_GAIN * slope[4];
        thetaGradient[5] += (output * uWet - uX) / 100 * slope[5];
        if (color) {
            Response gPre = laneGradients[0][0];
            Response gPost = laneGradients[0][1];
            for (int l = 1; l < laneCount; l++) {
                gPre = sum(gPre, laneGradients[l][0]);
                gPost = sum(gPost, laneGradients[l][1]);
            }
            colorGradient(filters, gPre, gPost, display, slope, thetaGradient);
        }
        return gx;
    }

    /**
     * One channel forward and back; returns {Σ ∂L/∂(x·drive)·x, Σ u·wet, Σ u·x} and adds the
     * response gradients into {@code g} (with Color). The buffers of {@code ws} are reused from
     * channel to channel and call to call: each is written before it is read, except the zero
     * padding of e, o and gw, which only e's reuse below overwrites (and it is cleared here).
     */
    private double[] channel(double[] x, double[] u, int n, double drive, double output, double dryWet, Filters f, Response[] g,
            Workspace ws, double[] gx) {
        int k = taps.length;
        SaturatorLinearStages st = f == null ? null : f.stages;
        double[] xSpectrum = ws.xSpectrum;
        double[] wSpectrum = ws.wSpectrum;
        double[] gSpectrum = ws.gSpectrum;
        double[] scratch = ws.scratch;

        // Forward. The even phase e (= z, then f(z)) and the odd phase o (the interpolation, then
        // f of it) are kept apart and padded by k zeros each side for the half-band stencils.
        double[] e = ws.e;
        java.util.Arrays.fill(e, 0, k, 0.0);
        if (f != null) {
            st.spectrum(x, n, drive, xSpectrum);
            st.filtered(xSpectrum, f.pre, false, scratch, e, k, n);
        } else {
            for (int t = 0; t < n; t++) {
                e[k + t] = x[t] * drive;
            }
        }
        double[] o = ws.o;
        pairs(e, k, o, k, n); // o[m] = Σⱼ c[j]·(z[m−j] + z[m+1+j])
        double[] se = ws.se;
        double[] so = ws.so;
        shape(e, k, e, k, se, n);
        shape(o, k, o, k, so, n);
        double[] w = ws.w;
        pairs(o, k - 1, w, 0, n); // Σⱼ c[j]·(o[m−j−1] + o[m+j])
        for (int m = 0; m < n; m++) {
            w[m] = 0.5 * (e[k + m] + w[m]);
        }

        // The wet signal itself is only needed where a clip follows (or no post filter changes it).
        boolean clip = wetClip != SaturatorControls.POST_CLIP_NONE;
        double[] wet = w;
        if (color) {
            st.spectrum(w, n, 1, wSpectrum);
            if (clip) {
                wet = ws.wet;
                st.filtered(wSpectrum, f.post, false, scratch, wet, 0, n);
            }
        }

        // Reverse: the mix, the wet clip and the post filter. gw = ∂L/∂w, padded by k.
        double mix = output * dryWet;
        double uWet = 0;
        double[] gw = ws.gw;
        if (color && !clip) {
            // wet = P·w, so Σ u·wet = Σ (Pᵀu)·w and ∂L/∂w = mix·Pᵀu: one transform fewer.
            st.spectrum(u, n, 1, gSpectrum);
            st.addResponseGradient(wSpectrum, gSpectrum, mix, g[1]);
            st.filtered(gSpectrum, f.post, true, scratch, gw, k, n);
            for (int t = 0; t < n; t++) {
                uWet += gw[k + t] * w[t];
                gw[k + t] *= mix;
            }
        } else {
            // ∂L/∂wet: into gw (offset k) when no post filter follows, else over wet itself (read first)
            double[] gWet = color ? wet : gw;
            int at = color ? 0 : k;
            for (int t = 0; t < n; t++) {
                double v = wet[t];
                double clipped;
                double d;
                if (wetClip == SaturatorControls.POST_CLIP_SOFT) {
                    clipped = kneeClip(v, SaturatorCurves.ANALOG_CLIP_KNEE);
                    d = kneeClipSlope(v, SaturatorCurves.ANALOG_CLIP_KNEE);
                } else if (wetClip == SaturatorControls.POST_CLIP_HARD) {
                    clipped = Math.max(-1, Math.min(1, v));
                    d = v >= -1 && v <= 1 ? 1 : 0;
                } else {
                    clipped = v;
                    d = 1;
                }
                uWet += u[t] * clipped;
                gWet[at + t] = u[t] * mix * d;
            }
            if (color) {
                st.spectrum(gWet, n, 1, gSpectrum);
                st.addResponseGradient(wSpectrum, gSpectrum, 1, g[1]);
                st.filtered(gSpectrum, f.post, true, scratch, gw, k, n);
            }
        }

        // Through the 2× stage: down₂ᵀ, f', up₂ᵀ. The decimator's odd-phase transpose is
        // ½·Σⱼ c[j]·(gw[p+1+j] + gw[p−j]); its even phase ½·gw.
        double[] gOdd = o; // the shaped odd phase is no longer needed; its zero padding is kept
        pairs(gw, k, gOdd, k, n);
        for (int p = 0; p < n; p++) {
            gOdd[k + p] *= 0.5 * so[p];
        }
        double[] gz = w;
        pairs(gOdd, k - 1, gz, 0, n); // up₂ᵀ's odd part: Σⱼ c[j]·(g[m+j] + g[m−1−j])
        for (int m = 0; m < n; m++) {
            gz[m] += 0.5 * gw[k + m] * se[m];
        }

        // The pre filter and ×drive.
        double[] g0 = gz;
        if (f != null) {
            st.spectrum(gz, n, 1, gSpectrum);
            if (color) {
                st.addResponseGradient(xSpectrum, gSpectrum, 1, g[0]);
            }
            g0 = e;
            st.filtered(gSpectrum, f.pre, true, scratch, g0, 0, n);
        }
        double gDrive = 0;
        double uX = 0;
        for (int t = 0; t < n; t++) {
            gDrive += g0[t] * x[t];
            uX += u[t] * x[t];
            gx[t] = u[t] * (1 - dryWet) + drive * g0[t];
        }
        return new double[] {gDrive, uWet, uX};
    }

    /**
     * out[at + m] = Σⱼ c[j]·(p[lo + m − j] + p[lo + 1 + m + j]) for m in [0, n): every half-band
     * branch and its transpose is this symmetric-pair stencil at some offset, the reference
     * oversampler's own ({@link HalfbandOversampler#symmetricFir}).
     */
    private void pairs(double[] p, int lo, double[] out, int at, int n) {
        HalfbandOversampler.symmetricFir(p, lo, lo + 1, taps, out, at, n);
    }

    /** One lane's buffers: the 2× stage's (n samples, some padded by the k taps each side) and the FFT's (N). */
    private static final class Workspace {
        final int n;
        final int fftSize;
        final double[] e;
        final double[] o;
        final double[] se;
        final double[] so;
        final double[] w;
        final double[] gw;
        final double[] wet;
        final double[] xSpectrum;
        final double[] wSpectrum;
        final double[] gSpectrum;
        final double[] scratch;

        Workspace(int n, int k, int fftSize) {
            this.n = n;
            this.fftSize = fftSize;
            e = new double[n + 2 * k];
            o = new double[n + 2 * k];
            se = new double[n];
            so = new double[n];
            w = new double[n];
            gw = new double[n + 2 * k];
            wet = new double[n];
            xSpectrum = new double[fftSize];
            wSpectrum = new double[fftSize];
            gSpectrum = new double[fftSize];
            scratch = new double[fftSize];
        }
    }

    // The curves with their slopes.

    /** value[vAt + i] = f(in[inAt + i]), slope[i] = f'(in[inAt + i]) for i in [0, n). */
    private void shape(double[] in, int inAt, double[] value, int vAt, double[] slope, int n) {
        switch (curve) {
            case ANALOG_CLIP -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inAt + i];
                    value[vAt + i] = kneeClip(x, SaturatorCurves.ANALOG_CLIP_KNEE);
                    slope[i] = kneeClipSlope(x, SaturatorCurves.ANALOG_CLIP_KNEE);
                }
            }
            case BASS_SHAPER -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inAt + i];
                    value[vAt + i] = kneeClip(x, threshold);
                    slope[i] = kneeClipSlope(x, threshold);
                }
            }
            case SOFT_SINE -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inAt + i];
                    double a = Math.PI / 2 * Math.max(-1, Math.min(1, x));
                    value[vAt + i] = Math.sin(a);
                    slope[i] = x >= -1 && x <= 1 ? Math.PI / 2 * Math.cos(a) : 0;
                }
            }
            case MEDIUM_CURVE -> {
                for (int i = 0; i < n; i++) {
                    double t = tanh(in[inAt + i]);
                    value[vAt + i] = t;
                    slope[i] = 1 - t * t;
                }
            }
            case HARD_CURVE -> {
                double gain = SaturatorCurves.HARD_CURVE_GAIN;
                for (int i = 0; i < n; i++) {
                    double t = tanh(gain * in[inAt + i]);
                    value[vAt + i] = t;
                    slope[i] = gain * (1 - t * t);
                }
            }
            case SINOID_FOLD -> {
                for (int i = 0; i < n; i++) {
                    double a = Math.PI * in[inAt + i];
                    value[vAt + i] = Math.sin(a);
                    slope[i] = Math.PI * Math.cos(a);
                }
            }
            case DIGITAL_CLIP -> {
                for (int i = 0; i < n; i++) {
                    double x = in[inAt + i];
                    value[vAt + i] = Math.max(-1, Math.min(1, x));
                    slope[i] = x >= -1 && x <= 1 ? 1 : 0;
                }
            }
            case WAVESHAPER -> waveshaper(in, inAt, value, vAt, slope, n);
        }
    }

    /** {@link AnalyticSaturator#waveshaper} and its slope. */
    private void waveshaper(double[] in, int inAt, double[] value, int vAt, double[] slope, int n) {
        double drive = ws.drive();
        double lin = 0.5 + ws.linearity();
        double cubic = 0.5 * ws.curve();
        double depth = 0.25 * ws.depth();
        double freq = 2 * (1 + 7 * ws.period()) * Math.PI;
        double g = 0.05 * ws.damp();
        double g2 = g * g;
        for (int i = 0; i < n; i++) {
            double x = in[inAt + i];
            double u = Math.max(-1, Math.min(1, x));
            double inside = x >= -1 && x <= 1 ? 1 : 0;
            double core = u * lin + (u - u * u * u) * cubic;
            double dCore = lin + (1 - 3 * u * u) * cubic;
            double ripple = depth * Math.sin(u * freq);
            double dRipple = depth * freq * Math.cos(u * freq);
            double gate = 1;
            double dGate = 0;
            if (g != 0) {
                double den = u * u + g2;
                gate = u * u / den;
                dGate = 2 * u * g2 / (den * den);
            }
            value[vAt + i] = x * (1 - drive) + gate * (core + ripple) * drive;
            slope[i] = (1 - drive) + drive * inside * (dGate * (core + ripple) + gate * (dCore + dRipple));
        }
    }

    /** {@link AnalyticSaturator#kneeClip}. */
    private static double kneeClip(double x, double knee) {
        double width = 1 - knee;
        if (width < 1e-9) {
            return Math.max(-1, Math.min(1, x));
        }
        double ax = Math.abs(x);
        if (ax <= knee) {
            return x;
        }
        return Math.signum(x) * (knee + width * tanh((ax - knee) / width));
    }

    /**
     * The slope of {@link #kneeClip} as autograd takes it: 1 up to the knee (inclusive, the where()
     * branch taken there), then (1 − tanh²)·sign(x)² (|x|' = sign x, sign' = 0).
     */
    private static double kneeClipSlope(double x, double knee) {
        double width = 1 - knee;
        if (width < 1e-9) {
            return x >= -1 && x <= 1 ? 1 : 0;
        }
        double ax = Math.abs(x);
        if (ax <= knee) {
            return 1;
        }
        double t = tanh((ax - knee) / width);
        double s = Math.signum(x);
        return (1 - t * t) * s * s;
    }

    /** tanh(x) = 1 − 2/(e^{2x} + 1): one exp (a JIT intrinsic) instead of Math.tanh's slow path; ±1 in the limits. */
    private static double tanh(double x) {
        return 1 - 2 / (Math.exp(2 * x) + 1);
    }

    // The linear stages and their design parameters.

    /** The sections and responses of one call; without Color, only the pre filter (H_pre = DC high-pass or 1). */
    private record Filters(SaturatorLinearStages stages, Response pre, Response post, Response dcH, Section low, Response lowH,
            Response invLowH, Section bell, Response bellH, Response invBellH) {
    }

    private Filters filters(int n, double sampleRate, double[] display) {
        int fftSize = DiffBiquads.fftSize(n, DiffDevices.GRADIENT_TAIL);
        SaturatorLinearStages st = stages;
        if (st == null || st.fftSize != fftSize || st.sampleRate != sampleRate) {
            st = new SaturatorLinearStages(fftSize, sampleRate);
            stages = st;
        }
        Response dcH = preDc ? st.dcHighPass() : st.unit();
        if (!color) {
            return new Filters(st, dcH, null, dcH, null, null, null, null, null, null);
        }
        Section low = lowShelf(display[1], sampleRate).section;
        Section bell = peak(display[3], display[2], sampleRate).section;
        SaturatorLinearStages on = st;
        ForkJoinTask<Response[]> lowTask = ForkJoinPool.commonPool().submit(() -> on.responses(low, true));
        Response[] bellH = st.responses(bell, true);
        Response[] lowH = lowTask.join();
        Response pre = dcH.times(lowH[0]).times(bellH[0]);
        Response post = bellH[1].times(lowH[1]);
        return new Filters(st, pre, post, dcH, low, lowH[0], lowH[1], bell, bellH[0], bellH[1]);
    }

    /** Adds the Color parameters' gradients from ∂L/∂H_pre and ∂L/∂H_post. */
    private void colorGradient(Filters f, Response gPre, Response gPost, double[] display, double[] slope, double[] thetaGradient) {
        SaturatorLinearStages st = f.stages;
        // H_pre = dc·low·bell, H_post = 1/bell · 1/low: each factor's gradient is g·conj(the others).
        // The two sections on two threads (each result is computed by one thread only: deterministic).
        ForkJoinTask<double[]> lowTask = ForkJoinPool.commonPool().submit(() -> st.coefficientGradient(f.low,
                f.dcH.times(f.bellH).timesConjugateOf(gPre), f.invBellH.timesConjugateOf(gPost)));
        double[] gBell = st.coefficientGradient(f.bell, f.dcH.times(f.lowH).timesConjugateOf(gPre), f.invLowH.timesConjugateOf(gPost));
        double[] gLow = lowTask.join();

        Design low = lowShelf(display[1], st.sampleRate);
        Design bell = peak(display[3], display[2], st.sampleRate);
        thetaGradient[1] += dot(gLow, low.dA) * low.a * DB_TO_LOG_A * slope[1];
        thetaGradient[3] += dot(gBell, bell.dA) * bell.a * DB_TO_LOG_A * slope[3];
        thetaGradient[2] += dot(gBell, bell.dOmega) * bell.dOmegaDHz * slope[2];
    }

    /** A section with its coefficients' derivatives by A = 10^(dB/40) and by ω (zero when fixed). */
    private record Design(Section section, double a, double[] dA, double[] dOmega, double dOmegaDHz) {
    }

    /** {@link DiffBiquads#peak} at the bell's fixed Q. */
    private Design peak(double gainDb, double hz, double fs) {
        double a = Math.exp(gainDb * DB_TO_LOG_A);
        double clipped = Math.max(1e-3, Math.min(0.4999 * fs, hz));
        double dOmegaDHz = hz >= 1e-3 && hz <= 0.4999 * fs ? 2 * Math.PI / fs : 0; // clamp passes its bounds
        double w = clipped * 2 * Math.PI / fs;
        double cos = Math.cos(w);
        double sin = Math.sin(w);
        double alpha = sin / (2 * bellQ);
        double dAlpha = cos / (2 * bellQ);
        Section s = new Section(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
        double[] dA = {alpha, 0, -alpha, -alpha / (a * a), 0, alpha / (a * a)};
        double[] dW = {a * dAlpha, 2 * sin, -a * dAlpha, dAlpha / a, 2 * sin, -dAlpha / a};
        return new Design(s, a, dA, dW, dOmegaDHz);
    }

    /** {@link DiffBiquads#shelf} (low) at {@link Saturator#COLOR_LOW_SHELF_HZ} and the Butterworth Q. */
    private static Design lowShelf(double gainDb, double fs) {
        double a = Math.exp(gainDb * DB_TO_LOG_A);
        double w = Math.max(1e-3, Math.min(0.4999 * fs, Saturator.COLOR_LOW_SHELF_HZ)) * 2 * Math.PI / fs;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * Biquads.BUTTERWORTH_Q);
        double sa = Math.sqrt(a);
        double s = 2 * sa * alpha;
        double ds = alpha / sa; // ∂s/∂A
        double ap1 = a + 1;
        double am1 = a - 1;
        Section sec = new Section(a * (ap1 - am1 * cos + s), 2 * a * (am1 - ap1 * cos), a * (ap1 - am1 * cos - s),
                ap1 + am1 * cos + s, -2 * (am1 + ap1 * cos), ap1 + am1 * cos - s);
        double[] dA = {
            (ap1 - am1 * cos + s) + a * (1 - cos + ds),
            2 * (am1 - ap1 * cos) + 2 * a * (1 - cos),
            (ap1 - am1 * cos - s) + a * (1 - cos - ds),
            1 + cos + ds,
            -2 * (1 + cos),
            1 + cos - ds,
        };
        return new Design(sec, a, dA, new double[6], 0);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static Response sum(Response a, Response b) {
        double[] re = a.re().clone();
        double[] im = a.im().clone();
        for (int k = 0; k < re.length; k++) {
            re[k] += b.re()[k];
            im[k] += b.im()[k];
        }
        return new Response(re, im);
    }

    // DiffTaper in doubles, with its slope.

    /** {@link DiffTaper#toDisplay} of one θ. */
    static double toDisplay(double theta, ParamSpec p) {
        double t = Math.max(0, Math.min(1, theta));
        return switch (p.taper()) {
            case LIN -> t * (p.max() - p.min()) + p.min();
            case LOG -> Math.exp(t * Math.log(p.max() / p.min())) * p.min();
            case EXP -> (Math.exp(t * p.curve()) - 1) * ((p.max() - p.min()) / Math.expm1(p.curve())) + p.min();
        };
    }

    /** d display / dθ as autograd takes it: zero outside [0, 1], the clamp passing its bounds. */
    static double displaySlope(double theta, ParamSpec p) {
        if (!(theta >= 0 && theta <= 1)) {
            return 0;
        }
        return switch (p.taper()) {
            case LIN -> p.max() - p.min();
            case LOG -> Math.log(p.max() / p.min()) * Math.exp(theta * Math.log(p.max() / p.min())) * p.min();
            case EXP -> p.curve() * Math.exp(theta * p.curve()) * ((p.max() - p.min()) / Math.expm1(p.curve()));
        };
    }
}
