package org.unmixer.model.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.unmixer.dsp.effects.EqEight;
import org.unmixer.dsp.effects.EqEightFilterType;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * The vector-Jacobian product of {@link AnalyticEqEight#apply(ai.djl.ndarray.NDArray,
 * ai.djl.ndarray.NDArray, double, int) AnalyticEqEight.apply(x, θ, fs, GRADIENT_TAIL)}, ITF's
 * gradient path for EQ Eight ({@link DiffDevices#forSettings}), in plain Java: float64 arrays and
 * JTransforms, the same FFT length, designs, clipping and tapers.
 *
 * <p>The stand-in filters each channel x (zero-padded to N) by the response H = g·Π_s B_s/A_s on the
 * bins k = 0…N/2 and keeps the first {@code samples} of y_n = Re((1/N)·Σ_k w_k·H_k·X_k·e^{2πikn/N}),
 * with w_k = 1 at DC and Nyquist and 2 between. For an upstream u (zero-padded, U = its FFT) the
 * surrogate L = Σ_n u_n·y_n is then
 * <pre>
 *   L = Re Σ_k G_k·H_k,   G_k = (w_k/N)·X_k·conj(U_k)   (summed over channels)
 * </pre>
 * so that
 * <ul>
 *   <li>∂L/∂x_m = Re((1/N)·Σ_k w_k·conj(H_k)·U_k·e^{2πikm/N}): u filtered by conj(H) the same way,
 *       one inverse real FFT per channel (the adjoint of "zero-pad, filter, crop" is "zero-pad,
 *       filter with the conjugate response, crop");</li>
 *   <li>∂L/∂θ_j = Re Σ_k G_k·∂H_k/∂θ_j, through each section's six coefficients:
 *       ∂H/∂b_i = O_s·z^{−i}/A_s and ∂H/∂a_i = −O_s·H_s·z^{−i}/A_s, with O_s = g·Π_{t≠s} H_t the
 *       other sections' product (z^{−i} = e^{−iωi}). One sweep over the bins gathers, per section,
 *       S_{b_i} = Re Σ_k G_k·O_s·z^{−i}/A_s and S_{a_i} = −Re Σ_k G_k·O_s·H_s·z^{−i}/A_s (O_s as a
 *       prefix times a suffix product, not H/H_s, which is 0/0 at a cut's DC or Nyquist), and then
 *       ∂L/∂θ_j = Σ_s Σ_c S_c·∂c/∂θ_j with the coefficients' derivatives from the designs run on
 *       {@link Dual} numbers (per band, not per bin). Output Gain: ∂L/∂θ_0 = Re Σ_k G_k·H_k·(∂g/∂θ_0)/g.</li>
 * </ul>
 * <p>The channels' transforms run in parallel, and the sweep over two fixed halves of the bins whose
 * sums are added in order, so the result does not depend on the thread count.
 */
public final class EqEightAdjoint implements DeviceAdjoint {
    private static final double DB_TO_LOG = Math.log(10) / 20;

    private final DeviceSettings fixed;
    private final List<ParamSpec> continuous;
    private final double scale;
    private final boolean adaptive;
    /** Per band, its type, or null when the band is off. */
    private final EqEightFilterType[] types = new EqEightFilterType[EqEight.BANDS];

    /** @param fixed the switches to use (band on/off, types, Adaptive Q, Scale); its continuous values are ignored */
    public EqEightAdjoint(DeviceSettings fixed) {
        DeviceSpec device = Catalog.standard().device("EQ Eight");
        if (!fixed.device().name().equals(device.name())) {
            throw new IllegalArgumentException("not an EQ Eight setting: " + fixed.device().name());
        }
        this.fixed = fixed;
        this.continuous = new AnalyticEqEight(fixed).parameters();
        for (int n = 1; n <= EqEight.BANDS; n++) {
            if (fixed.isOn(n + " Filter On A")) {
                types[n - 1] = EqEightFilterType.ofIndex(fixed.index(n + " Filter Type A"));
            }
        }
        this.scale = fixed.get("Scale") / 100;
        this.adaptive = fixed.isOn("Adaptive Q");
    }

    /** The differentiable parameters, in θ's order (as {@link AnalyticEqEight}'s): Output Gain, then Frequency, Gain, Resonance of bands 1…8. */
    @Override
    public List<ParamSpec> parameters() {
        return continuous;
    }

    /**
     * {@inheritDoc}
     *
     * @param theta null for the θ of the settings this was made from
     * @param thetaGradient null when only ∂L/∂x is wanted
     */
    @Override
    public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
        int channels = input.length;
        int samples = channels == 0 ? 0 : input[0].length;
        checkShapes(input, upstream, samples);
        double[] t = theta != null ? theta : settingsTheta();
        if (t.length != continuous.size() || (thetaGradient != null && thetaGradient.length != continuous.size())) {
            throw new IllegalArgumentException("θ and its gradient need " + continuous.size() + " entries");
        }
        int n = DiffBiquads.fftSize(samples, DiffDevices.GRADIENT_TAIL);
        FftGrid grid = FftGrid.of(n);
        Dual gain = Dual.input(t[0], 0).toDisplay(continuous.get(0)).times(DB_TO_LOG).exp();
        List<Section> sections = sections(t, sampleRate);

        // The channels in parallel (JTransforms' own threads barely help at these lengths).
        double[][] xs = new double[channels][];
        double[][] us = new double[channels][];
        IntStream.range(0, channels).parallel().forEach(ch -> {
            xs[ch] = spectrum(input[ch], grid);
            us[ch] = spectrum(upstream[ch], grid);
        });
        Sweep sweep = new Sweep(grid, gain.v(), sections, xs, us, thetaGradient != null);
        double[] sums = sweep.run();

        double[][] dx = new double[channels][];
        IntStream.range(0, channels).parallel().forEach(ch -> dx[ch] = filterConjugate(us[ch], sweep.hRe, sweep.hIm, grid, samples));
        if (thetaGradient != null) {
            thetaGradient[0] += sums[6 * sections.size()] * gain.d0() / gain.v();
            for (int s = 0; s < sections.size(); s++) {
                Section sec = sections.get(s);
                for (int j = 0; j < 3; j++) {
                    double d = 0;
                    for (int i = 0; i < 6; i++) {
                        d += sums[6 * s + i] * sec.partials[i][j];
                    }
                    thetaGradient[sec.base + j] += d;
                }
            }
        }
        return dx;
    }

    private static void checkShapes(double[][] input, double[][] upstream, int samples) {
        if (upstream.length != input.length) {
            throw new IllegalArgumentException("upstream has " + upstream.length + " channels, the input " + input.length);
        }
        for (int ch = 0; ch < input.length; ch++) {
            if (input[ch].length != samples || upstream[ch].length != samples) {
                throw new IllegalArgumentException("channel " + ch + ": input and upstream need " + samples + " samples each");
            }
        }
    }

    /** θ of the settings this was made from, rounded to float32 as {@link AnalyticEqEight#theta} gives it. */
    private double[] settingsTheta() {
        double[] t = new double[continuous.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) fixed.normalized(continuous.get(i).name());
        }
        return t;
    }

    /** One channel zero-padded to N and transformed (JTransforms' packed real layout). */
    private static double[] spectrum(double[] audio, FftGrid grid) {
        double[] out = new double[grid.n];
        System.arraycopy(audio, 0, out, 0, audio.length);
        grid.fft.realForward(out);
        return out;
    }

    /**
     * The first {@code samples} of Re((1/N)·Σ_k w_k·conj(H_k)·U_k·e^{2πikn/N}), overwriting the packed
     * spectrum {@code u}: JTransforms' scaled inverse real FFT is exactly that one-sided sum, DC and
     * Nyquist taken real (their imaginary parts contribute nothing to a real part).
     */
    private static double[] filterConjugate(double[] u, double[] hRe, double[] hIm, FftGrid grid, int samples) {
        int half = grid.n / 2;
        u[0] *= hRe[0];
        u[1] *= hRe[half];
        for (int k = 1; k < half; k++) {
            double ur = u[2 * k];
            double ui = u[2 * k + 1];
            u[2 * k] = hRe[k] * ur + hIm[k] * ui;
            u[2 * k + 1] = hRe[k] * ui - hIm[k] * ur;
        }
        grid.fft.realInverse(u, true);
        return java.util.Arrays.copyOf(u, samples);
    }

    // The bands' sections, their coefficients differentiated with respect to the band's θ (as AnalyticEqEight).

    /** One second-order section of band parameters θ[base…base+2]: b0, b1, b2, a0, a1, a2 and ∂c_i/∂θ[base + j]. */
    private record Section(int base, double[] coefficients, double[][] partials) {
        static Section of(int base, Dual[] c) {
            double[] v = new double[6];
            double[][] d = new double[6][3];
            for (int i = 0; i < 6; i++) {
                v[i] = c[i].v();
                for (int j = 0; j < 3; j++) {
                    d[i][j] = c[i].d(j);
                }
            }
            return new Section(base, v, d);
        }
    }

    private List<Section> sections(double[] theta, double fs) {
        List<Section> out = new ArrayList<>();
        for (int n = 1; n <= EqEight.BANDS; n++) {
            EqEightFilterType type = types[n - 1];
            if (type == null) {
                continue; // off: no sections, and its θ gets no gradient
            }
            int base = 1 + (n - 1) * 3;
            Dual hz = Dual.input(theta[base], 0).toDisplay(continuous.get(base));
            Dual gainDb = Dual.input(theta[base + 1], 1).toDisplay(continuous.get(base + 1)).times(type.usesGain() ? scale : 0);
            Dual q = Dual.input(theta[base + 2], 2).toDisplay(continuous.get(base + 2));
            if (adaptive && type == EqEightFilterType.BELL) {
                q = q.times(gainDb.abs().times(EqEight.ADAPTIVE_Q_STRENGTH / 15).plus(1));
            }
            for (Dual[] c : designs(type, hz, gainDb, q, fs)) {
                out.add(Section.of(base, c));
            }
        }
        return out;
    }

    private static List<Dual[]> designs(EqEightFilterType type, Dual hz, Dual gainDb, Dual q, double fs) {
        return switch (type) {
            case HIGH_PASS_48, LOW_PASS_48 -> {
                List<Dual[]> out = new ArrayList<>(4);
                for (int k = 1; k <= 4; k++) {
                    Dual qk = q.times(EqEight.butterworth8SectionQ(k) / Biquads.BUTTERWORTH_Q);
                    out.add(type == EqEightFilterType.HIGH_PASS_48 ? highPass(hz, qk, fs) : lowPass(hz, qk, fs));
                }
                yield out;
            }
            case HIGH_PASS_12 -> List.<Dual[]>of(highPass(hz, q, fs));
            case LOW_PASS_12 -> List.<Dual[]>of(lowPass(hz, q, fs));
            case LOW_SHELF -> List.<Dual[]>of(shelf(gainDb, hz, q, fs, false));
            case HIGH_SHELF -> List.<Dual[]>of(shelf(gainDb, hz, q, fs, true));
            case BELL -> List.<Dual[]>of(peak(gainDb, hz, q, fs));
            case NOTCH -> List.<Dual[]>of(notch(hz, q, fs));
        };
    }

    // The RBJ designs exactly as DiffBiquads writes them (unnormalised: H does not depend on a0's scale).

    private static Dual omega(Dual hz, double fs) {
        return hz.clip(1e-3, 0.4999 * fs).times(2 * Math.PI / fs);
    }

    private static Dual alpha(Dual w, Dual q) {
        return w.sin().div(q.times(2));
    }

    private static Dual[] lowPass(Dual hz, Dual q, double fs) {
        Dual w = omega(hz, fs);
        Dual cos = w.cos();
        Dual alpha = alpha(w, q);
        Dual oneMinusCos = cos.neg().plus(1);
        return new Dual[] {oneMinusCos.times(0.5), oneMinusCos, oneMinusCos.times(0.5), alpha.plus(1), cos.times(-2), alpha.neg().plus(1)};
    }

    private static Dual[] highPass(Dual hz, Dual q, double fs) {
        Dual w = omega(hz, fs);
        Dual cos = w.cos();
        Dual alpha = alpha(w, q);
        Dual onePlusCos = cos.plus(1);
        return new Dual[] {onePlusCos.times(0.5), onePlusCos.neg(), onePlusCos.times(0.5), alpha.plus(1), cos.times(-2), alpha.neg().plus(1)};
    }

    private static Dual[] notch(Dual hz, Dual q, double fs) {
        Dual w = omega(hz, fs);
        Dual cos = w.cos();
        Dual alpha = alpha(w, q);
        Dual one = Dual.constant(1);
        return new Dual[] {one, cos.times(-2), one, alpha.plus(1), cos.times(-2), alpha.neg().plus(1)};
    }

    private static Dual[] peak(Dual gainDb, Dual hz, Dual q, double fs) {
        Dual a = gainDb.times(Math.log(10) / 40).exp();
        Dual w = omega(hz, fs);
        Dual cos = w.cos();
        Dual alpha = alpha(w, q);
        return new Dual[] {alpha.times(a).plus(1), cos.times(-2), alpha.times(a).neg().plus(1),
            alpha.div(a).plus(1), cos.times(-2), alpha.div(a).neg().plus(1)};
    }

    private static Dual[] shelf(Dual gainDb, Dual hz, Dual q, double fs, boolean high) {
        Dual a = gainDb.times(Math.log(10) / 40).exp();
        Dual w = omega(hz, fs);
        Dual cos = w.cos();
        Dual alpha = alpha(w, q);
        Dual s = a.sqrt().times(alpha).times(2);
        Dual ap1 = a.plus(1);
        Dual am1 = a.plus(-1);
        if (!high) {
            return new Dual[] {
                a.times(ap1.minus(am1.times(cos)).plus(s)),
                a.times(am1.minus(ap1.times(cos))).times(2),
                a.times(ap1.minus(am1.times(cos)).minus(s)),
                ap1.plus(am1.times(cos)).plus(s),
                am1.plus(ap1.times(cos)).times(-2),
                ap1.plus(am1.times(cos)).minus(s)};
        }
        return new Dual[] {
            a.times(ap1.plus(am1.times(cos)).plus(s)),
            a.times(am1.plus(ap1.times(cos))).times(-2),
            a.times(ap1.plus(am1.times(cos)).minus(s)),
            ap1.minus(am1.times(cos)).plus(s),
            am1.minus(ap1.times(cos)).times(2),
            ap1.minus(am1.times(cos)).minus(s)};
    }

    /**
     * One pass over the bins: H (kept for ∂L/∂x) and, when wanted, the sums S per section coefficient
     * and Re Σ Q for the gain.
     */
    private static final class Sweep {
        private static final int PARTS = 2;

        final double[] hRe;
        final double[] hIm;
        private final FftGrid grid;
        private final double gain;
        private final int count;
        private final double[] coefficients;
        private final double[][] xs;
        private final double[][] us;
        private final boolean wantTheta;

        Sweep(FftGrid grid, double gain, List<Section> sections, double[][] xs, double[][] us, boolean wantTheta) {
            this.grid = grid;
            this.gain = gain;
            this.count = sections.size();
            this.coefficients = new double[6 * count];
            for (int s = 0; s < count; s++) {
                System.arraycopy(sections.get(s).coefficients, 0, coefficients, 6 * s, 6);
            }
            this.xs = xs;
            this.us = us;
            this.wantTheta = wantTheta;
            this.hRe = new double[grid.n / 2 + 1];
            this.hIm = new double[grid.n / 2 + 1];
        }

        /** The sums S (6 per section, then Re Σ Q), the halves' partial sums added in a fixed order. */
        double[] run() {
            int bins = grid.n / 2 + 1;
            double[][] parts = new double[PARTS][];
            IntStream.range(0, PARTS).parallel().forEach(p -> parts[p] = sweep(p * bins / PARTS, (p + 1) * bins / PARTS));
            double[] sums = new double[6 * count + 1];
            for (double[] part : parts) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += part[i];
                }
            }
            return sums;
        }

        /**
         * G_k = (w_k/N)·Σ_ch X_k·conj(U_k) for the bins from…to−1 (JTransforms' packed layout: DC and
         * Nyquist are real and sit at [0] and [1]).
         */
        private void weightedCrossSpectrum(int from, int to, double[] gRe, double[] gIm) {
            int half = grid.n / 2;
            double norm = 1.0 / grid.n;
            for (int ch = 0; ch < xs.length; ch++) {
                double[] x = xs[ch];
                double[] u = us[ch];
                for (int k = Math.max(from, 1); k < Math.min(to, half); k++) {
                    double xr = x[2 * k];
                    double xi = x[2 * k + 1];
                    double ur = u[2 * k];
                    double ui = u[2 * k + 1];
                    gRe[k - from] += 2 * norm * (xr * ur + xi * ui);
                    gIm[k - from] += 2 * norm * (xi * ur - xr * ui);
                }
                if (from == 0) {
                    gRe[0] += norm * x[0] * u[0];
                }
                if (to == half + 1) {
                    gRe[half - from] += norm * x[1] * u[1];
                }
            }
        }

        private double[] sweep(int from, int to) {
            double[] acc = new double[6 * count + 1];
            double[] gRe = new double[to - from];
            double[] gIm = new double[to - from];
            if (wantTheta) {
                weightedCrossSpectrum(from, to, gRe, gIm);
            }
            // Per section at the current bin: the product of g and the sections before it, 1/A_s, H_s.
            double[] before = new double[2 * count];
            double[] invA = new double[2 * count];
            double[] hs = new double[2 * count];
            double[] c = coefficients;
            for (int k = from; k < to; k++) {
                double c1 = grid.cos1[k];
                double s1 = grid.sin1[k];
                double c2 = grid.cos2[k];
                double s2 = grid.sin2[k];
                double hr = gain;
                double hi = 0;
                for (int s = 0; s < count; s++) {
                    int o = 6 * s;
                    double br = c[o] + c[o + 1] * c1 + c[o + 2] * c2;
                    double bi = -(c[o + 1] * s1 + c[o + 2] * s2);
                    double ar = c[o + 3] + c[o + 4] * c1 + c[o + 5] * c2;
                    double ai = -(c[o + 4] * s1 + c[o + 5] * s2);
                    double m = 1 / (ar * ar + ai * ai);
                    double ir = ar * m;
                    double ii = -ai * m;
                    double qr = br * ir - bi * ii;
                    double qi = br * ii + bi * ir;
                    before[2 * s] = hr;
                    before[2 * s + 1] = hi;
                    invA[2 * s] = ir;
                    invA[2 * s + 1] = ii;
                    hs[2 * s] = qr;
                    hs[2 * s + 1] = qi;
                    double nr = hr * qr - hi * qi;
                    hi = hr * qi + hi * qr;
                    hr = nr;
                }
                hRe[k] = hr;
                hIm[k] = hi;
                if (!wantTheta) {
                    continue;
                }
                double gr = gRe[k - from];
                double gi = gIm[k - from];
                acc[6 * count] += gr * hr - gi * hi;
                // Backwards, r = G·Π_{t>s} H_t, so G·∂H/∂b_i = before·r·z^{−i}/A_s without dividing by
                // B_s (zero at a cut's DC or Nyquist), and G·∂H/∂a_i = −that·H_s.
                double rr = gr;
                double ri = gi;
                for (int s = count - 1; s >= 0; s--) {
                    int o = 6 * s;
                    double pr = before[2 * s] * rr - before[2 * s + 1] * ri;
                    double pi = before[2 * s] * ri + before[2 * s + 1] * rr;
                    double er = pr * invA[2 * s] - pi * invA[2 * s + 1];
                    double ei = pr * invA[2 * s + 1] + pi * invA[2 * s];
                    double hsr = hs[2 * s];
                    double hsi = hs[2 * s + 1];
                    double fr = er * hsr - ei * hsi;
                    double fi = er * hsi + ei * hsr;
                    acc[o] += er;
                    acc[o + 1] += er * c1 + ei * s1;
                    acc[o + 2] += er * c2 + ei * s2;
                    acc[o + 3] -= fr;
                    acc[o + 4] -= fr * c1 + fi * s1;
                    acc[o + 5] -= fr * c2 + fi * s2;
                    double nr = rr * hsr - ri * hsi;
                    ri = rr * hsi + ri * hsr;
                    rr = nr;
                }
            }
            return acc;
        }
    }
}
