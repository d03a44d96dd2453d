package org.unmixer.model.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;
import org.jtransforms.fft.DoubleFFT_1D;
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
 *   <li>∂L/∂θ_j = Re Σ_k G_k·∂H_k/∂θ_j, through each section's six coefficients: with Q_k = G_k·H_k,
 *       ∂H/∂b_i = H·z^{−i}/B_s and ∂H/∂a_i = −H·z^{−i}/A_s (z^{−i} = e^{−iωi}), so one sweep over the
 *       bins gathers S_{b_i} = Re Σ_k Q_k·z^{−i}/B_s and S_{a_i} = −Re Σ_k Q_k·z^{−i}/A_s per section,
 *       and ∂L/∂θ_j = Σ_s Σ_c S_c·∂c/∂θ_j with the coefficients' derivatives from the designs run on
 *       {@link Dual} numbers (per band, not per bin). Output Gain: ∂L/∂θ_0 = Re Σ_k Q_k·(∂g/∂θ_0)/g.</li>
 * </ul>
 * A cut's numerator has a double zero at DC (high-pass) or Nyquist (low-pass) that does not move
 * with θ: there Q_k/B_s is 0/0 and is left out, which is exact, as the three b_i's terms then cancel
 * (Σ_i ∂b_i/∂θ·z^{−i} = 0 at that z).
 *
 * <p>The sweep runs over two fixed halves of the bins in parallel and adds the halves in order, so the
 * result does not depend on the thread count; JTransforms parallelises the transforms itself.
 */
public final class EqEightAdjoint implements DeviceAdjoint {
    private static final String[] BAND_PARAMS = {"Frequency A", "Gain A", "Resonance A"};
    private static final double DB_TO_LOG = Math.log(10) / 20;

    /**
     * Trigonometry and FFT plans per FFT length, shared by all instances: ITF makes an adjoint per
     * patch, and the lengths are a handful of powers of two.
     */
    private static final ConcurrentMap<Integer, Grid> GRIDS = new ConcurrentHashMap<>();

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
        List<ParamSpec> c = new ArrayList<>();
        c.add(device.param("Output Gain"));
        for (int n = 1; n <= EqEight.BANDS; n++) {
            for (String suffix : BAND_PARAMS) {
                c.add(device.param(n + " " + suffix));
            }
            if (fixed.isOn(n + " Filter On A")) {
                types[n - 1] = EqEightFilterType.ofIndex(fixed.index(n + " Filter Type A"));
            }
        }
        this.continuous = List.copyOf(c);
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
        Grid grid = GRIDS.computeIfAbsent(n, Grid::new);
        Dual gain = Dual.input(t[0], 0).toDisplay(continuous.get(0)).times(DB_TO_LOG).exp();
        List<Section> sections = sections(t, sampleRate);

        double[][] xs = spectra(input, grid);
        double[][] us = spectra(upstream, grid);
        Sweep sweep = new Sweep(grid, gain.v(), sections, xs, us, thetaGradient != null);
        double[] sums = sweep.run();

        double[][] dx = new double[channels][];
        for (int ch = 0; ch < channels; ch++) {
            dx[ch] = filterConjugate(us[ch], sweep.hRe, sweep.hIm, grid, samples);
        }
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

    private double[] settingsTheta() {
        float[] t32 = DiffTaper.theta(continuous, fixed);
        double[] t = new double[t32.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = t32[i];
        }
        return t;
    }

    /** Each channel zero-padded to N and transformed in place (JTransforms' packed real layout). */
    private static double[][] spectra(double[][] audio, Grid grid) {
        double[][] out = new double[audio.length][];
        for (int ch = 0; ch < audio.length; ch++) {
            out[ch] = new double[grid.n];
            System.arraycopy(audio[ch], 0, out[ch], 0, audio[ch].length);
            grid.fft.realForward(out[ch]);
        }
        return out;
    }

    /**
     * The first {@code samples} of Re((1/N)·Σ_k w_k·conj(H_k)·U_k·e^{2πikn/N}), overwriting the packed
     * spectrum {@code u}: JTransforms' scaled inverse real FFT is exactly that one-sided sum, DC and
     * Nyquist taken real (their imaginary parts contribute nothing to a real part).
     */
    private static double[] filterConjugate(double[] u, double[] hRe, double[] hIm, Grid grid, int samples) {
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

    /** ω_k = 2πk/N's trigonometry for the bins k = 0…N/2, and the FFT plan of length N. */
    private static final class Grid {
        final int n;
        final DoubleFFT_1D fft;
        final double[] cos1;
        final double[] sin1;
        final double[] cos2;
        final double[] sin2;

        Grid(int n) {
            this.n = n;
            this.fft = new DoubleFFT_1D(n);
            int half = n / 2 + 1;
            cos1 = new double[half];
            sin1 = new double[half];
            cos2 = new double[half];
            sin2 = new double[half];
            for (int k = 0; k < half; k++) {
                double w = 2 * Math.PI * k / n;
                cos1[k] = Math.cos(w);
                sin1[k] = Math.sin(w);
                cos2[k] = Math.cos(2 * w);
                sin2[k] = Math.sin(2 * w);
            }
        }
    }

    /**
     * One pass over the bins: H (kept for ∂L/∂x) and, when wanted, the sums S per section coefficient
     * and Re Σ Q for the gain.
     */
    private static final class Sweep {
        private static final int PARTS = 2;

        final double[] hRe;
        final double[] hIm;
        private final Grid grid;
        private final double gain;
        private final int count;
        private final double[] coefficients;
        private final double[][] xs;
        private final double[][] us;
        private final boolean wantTheta;

        Sweep(Grid grid, double gain, List<Section> sections, double[][] xs, double[][] us, boolean wantTheta) {
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

        private double[] sweep(int from, int to) {
            double[] acc = new double[6 * count + 1];
            double[] ba = new double[4 * count];
            double[] c = coefficients;
            int half = grid.n / 2;
            double norm = 1.0 / grid.n;
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
                    double inv = 1 / (ar * ar + ai * ai);
                    double qr = (br * ar + bi * ai) * inv;
                    double qi = (bi * ar - br * ai) * inv;
                    double nr = hr * qr - hi * qi;
                    hi = hr * qi + hi * qr;
                    hr = nr;
                    ba[4 * s] = br;
                    ba[4 * s + 1] = bi;
                    ba[4 * s + 2] = ar;
                    ba[4 * s + 3] = ai;
                }
                hRe[k] = hr;
                hIm[k] = hi;
                if (!wantTheta) {
                    continue;
                }
                // G_k = (w_k/N)·Σ_ch X_k·conj(U_k); DC and Nyquist are real and sit at [0] and [1].
                double gr = 0;
                double gi = 0;
                for (int ch = 0; ch < xs.length; ch++) {
                    double[] x = xs[ch];
                    double[] u = us[ch];
                    if (k == 0 || k == half) {
                        int at = k == 0 ? 0 : 1;
                        gr += x[at] * u[at];
                    } else {
                        double xr = x[2 * k];
                        double xi = x[2 * k + 1];
                        double ur = u[2 * k];
                        double ui = u[2 * k + 1];
                        gr += xr * ur + xi * ui;
                        gi += xi * ur - xr * ui;
                    }
                }
                double w = (k == 0 || k == half ? 1 : 2) * norm;
                gr *= w;
                gi *= w;
                double qr = gr * hr - gi * hi;
                double qi = gr * hi + gi * hr;
                acc[6 * count] += qr;
                for (int s = 0; s < count; s++) {
                    int o = 6 * s;
                    double br = ba[4 * s];
                    double bi = ba[4 * s + 1];
                    double ar = ba[4 * s + 2];
                    double ai = ba[4 * s + 3];
                    double nb = br * br + bi * bi;
                    if (nb != 0) { // a cut's fixed zero at DC or Nyquist: the b terms cancel (class Javadoc)
                        double pr = (qr * br + qi * bi) / nb;
                        double pi = (qi * br - qr * bi) / nb;
                        acc[o] += pr;
                        acc[o + 1] += pr * c1 + pi * s1;
                        acc[o + 2] += pr * c2 + pi * s2;
                    }
                    double na = ar * ar + ai * ai;
                    double pr = (qr * ar + qi * ai) / na;
                    double pi = (qi * ar - qr * ai) / na;
                    acc[o + 3] -= pr;
                    acc[o + 4] -= pr * c1 + pi * s1;
                    acc[o + 5] -= pr * c2 + pi * s2;
                }
            }
            return acc;
        }
    }
}
