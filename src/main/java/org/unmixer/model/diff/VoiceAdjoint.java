package org.unmixer.model.diff;

import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import org.jtransforms.fft.DoubleFFT_1D;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.source.OscillatorBasis;
import org.unmixer.dsp.source.WavetableControls;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The vector-Jacobian product of {@link DiffWavetableVoice} in plain Java (double arrays,
 * JTransforms, no DJL): for θ and an upstream gradient u = ∂L/∂voice [2][frames],
 * {@link #pullBack} returns ∂L/∂θ = (∂voice/∂θ)ᵀu, the gradient the NDArray voice's autograd gives.
 *
 * <p>The voice is y_c = f·F(x_c) with x_c = Σ_j g_j·b_{j,c} the oscillators' sum over the basis
 * parts b at the current θ ({@link OscillatorBasis}, rebuilt and cached as the NDArray voice does),
 * F Filter 1 (linear, by FFT; the identity when off) and f_n = e_n·G the envelope times the gain
 * G = 10^(Volume/20)·velocity/127. Forward in plain Java, keeping F(x) and the spectra, then reverse:
 *
 * <pre>
 * s_n = Σ_c u_c,n·F(x_c)_n                 ∂L/∂G = Σ_n s_n·e_n     ∂L/∂e_n = G·s_n
 * v_c = u_c·f                              ∂L/∂x_c = Fᵀ(v_c)  (filtering with conj(H))
 * ∂L/∂(Freq, Res) = Σ_k (w_k/N)·Re(Σ_c X_c,k·conj(V_c,k)·∂H_k/∂(Freq, Res))
 * ∂L/∂gain_j = Σ_c ⟨∂L/∂x_c, b_j,c⟩        ∂L/∂position = g·⟨∂L/∂x, perPosition⟩, likewise pitch
 * </pre>
 *
 * and the envelope's block levels through their closed form ({@link VoiceEnvelope}); last, display
 * values to θ through the tapers' slopes (zero outside [0, 1], where θ is clipped). The two
 * channels run in parallel and are summed in a fixed order, so results are deterministic.
 */
public final class VoiceAdjoint {
    private static final double DB = Math.log(10) / 20;

    private final VoiceLayout layout;
    private final int frames;
    private final double velocity;
    private final VoiceEnvelope envelope;
    private final VoiceFilterSpectrum filter;
    private final DoubleFFT_1D[] ffts;
    private final VoiceFilterSpectrum.Response response;
    private final Work[] work;
    private final int volume;
    private final int position1;
    private final int position2;
    private final int detune2;
    private final int gain2;
    private final int subGain;
    private final int subTone;
    private final int freq;
    private final int res;
    private final int attack;
    private final int decay;
    private final int sustain;
    private final int release;

    public VoiceAdjoint(SynthSpec synth, SourceSpec source, int sampleRate) {
        this.layout = new VoiceLayout(synth, source, sampleRate);
        this.frames = layout.frames;
        this.velocity = layout.note.velocity() / 127.0;
        this.envelope = new VoiceEnvelope(layout.controls.envelope(), layout.note.gateSeconds(), sampleRate, frames);
        if (layout.controls.filter().on()) {
            this.filter = new VoiceFilterSpectrum(layout.controls.filter(), sampleRate, frames);
            this.ffts = new DoubleFFT_1D[] {filter.newFft(), filter.newFft()};
            this.response = filter.newResponse();
        } else {
            this.filter = null;
            this.ffts = null;
            this.response = null;
        }
        int length = filter != null ? filter.fftSize : frames;
        this.work = new Work[] {new Work(length, frames, filter != null), new Work(length, frames, filter != null)};
        volume = layout.index("Volume");
        position1 = layout.index("Osc 1 Pos");
        position2 = layout.index("Osc 2 Pos");
        detune2 = layout.index("Osc 2 Detune");
        gain2 = layout.index("Osc 2 Gain");
        subGain = layout.index("Sub Gain");
        subTone = layout.index("Sub Tone");
        freq = layout.index("Filter 1 Freq");
        res = layout.index("Filter 1 Res");
        attack = layout.index("Amp Attack");
        decay = layout.index("Amp Decay");
        sustain = layout.index("Amp Sustain");
        release = layout.index("Amp Release");
    }

    /** The differentiable parameters, in θ's order (as {@link DiffWavetableVoice#parameters()}). */
    public List<ParamSpec> parameters() {
        return layout.parameters;
    }

    /** The voice's length in samples. */
    int frames() {
        return frames;
    }

    public float[] theta(DeviceSettings settings) {
        return DiffTaper.theta(layout.parameters, settings);
    }

    /**
     * ∂L/∂θ for θ [parameters] and u = ∂L/∂voice [2][frames] (neither is modified). Not for
     * concurrent calls on one instance (the basis cache and the work arrays are shared).
     */
    public double[] pullBack(double[] theta, double[][] upstream) {
        if (upstream.length != 2 || upstream[0].length != frames || upstream[1].length != frames) {
            throw new IllegalArgumentException("upstream must be [2][" + frames + "]");
        }
        State st = state(theta);
        // Two phases, each channel (and half the filter's bins) on its own core: the forward
        // transforms and H, then the inverse transforms and ∂H's pairing with the cross spectrum.
        both(c -> forward(st, c, upstream[c]));
        both(c -> backward(st, c, upstream[c]));

        double[] grad = new double[theta.length];
        // Envelope and gain: pointwise products.
        double perGain = 0;
        double[] perEnvelope = new double[frames];
        double[] s0 = work[0].s;
        double[] s1 = work[1].s;
        for (int n = 0; n < frames; n++) {
            double s = s0[n] + s1[n];
            perGain += s * st.env[n];
            perEnvelope[n] = s * st.gain;
        }
        grad[volume] = perGain * st.gain * DB * st.slope[volume];
        double[] perLevel = envelope.levelGradient(perEnvelope);
        int[] envelopeIndex = {attack, decay, sustain, release};
        double[] chain = {st.slope[attack] / 1000, st.slope[decay] / 1000, st.sustainGain * DB * st.slope[sustain],
            st.slope[release] / 1000};
        for (int p = 0; p < 4; p++) {
            double sum = 0;
            double[] per = st.levels.perParam()[p];
            for (int b = 0; b < perLevel.length; b++) {
                sum += perLevel[b] * per[b];
            }
            grad[envelopeIndex[p]] = sum * chain[p];
        }
        if (filter != null) {
            grad[freq] = (work[0].filterGradient[0] + work[1].filterGradient[0]) * st.slope[freq];
            grad[res] = (work[0].filterGradient[1] + work[1].filterGradient[1]) * st.slope[res];
        }
        // Oscillators: ⟨∂L/∂x, part⟩ summed over the channels.
        double[] dot = new double[Dots.COUNT];
        for (int j = 0; j < dot.length; j++) {
            dot[j] = work[0].dots[j] + work[1].dots[j];
        }
        OscillatorBasis b = st.basis;
        if (b.osc1() != null && position1 >= 0) {
            grad[position1] = st.g1 * dot[Dots.POSITION1] / 100 * st.slope[position1];
        }
        if (b.osc2() != null) {
            if (position2 >= 0) {
                grad[position2] = st.g2 * dot[Dots.POSITION2] / 100 * st.slope[position2];
            }
            if (detune2 >= 0) {
                grad[detune2] = st.g2 * dot[Dots.SEMITONE2] / 100 * st.slope[detune2];
            }
            if (gain2 >= 0) {
                grad[gain2] = st.g2 * DB * dot[Dots.UNIT2] * st.slope[gain2];
            }
        }
        if (b.subSine() != null) {
            if (subGain >= 0) {
                grad[subGain] = st.gSub * DB * (dot[Dots.SINE] + st.tone * dot[Dots.HARMONICS]) * st.slope[subGain];
            }
            if (subTone >= 0) {
                grad[subTone] = st.gSub * dot[Dots.HARMONICS] / 100 * st.slope[subTone];
            }
        }
        return grad;
    }

    /** Runs job(0) here and job(1) on another core, and waits for both. */
    private static void both(IntConsumer job) {
        ForkJoinTask<?> other = ForkJoinTask.adapt(() -> job.accept(1)).fork();
        job.accept(0);
        other.join();
    }

    /** The voice [2][frames] at θ, as {@link DiffWavetableVoice#apply} computes its value. */
    double[][] render(double[] theta) {
        State st = state(theta);
        double[][] y = new double[2][frames];
        for (int c = 0; c < 2; c++) {
            Work w = work[c];
            oscillators(st, c, w.x);
            if (filter != null) {
                filter.fill(st.design, 0, filter.bins(), response);
                ffts[c].realForward(w.x);
                VoiceFilterSpectrum.multiply(w.x, response.h(), false);
                ffts[c].realInverse(w.x, true);
            }
            for (int n = 0; n < frames; n++) {
                y[c][n] = w.x[n] * st.env[n] * st.gain;
            }
        }
        return y;
    }

    /** Everything of the forward pass that both channels share. */
    private static final class State {
        double[] shown;
        double[] slope;
        OscillatorBasis basis;
        double g1;
        double g2;
        double gSub;
        double tone;
        double gain;
        double sustainGain;
        VoiceEnvelope.Levels levels;
        double[] env;
        VoiceFilterSpectrum.Design design;
    }

    private State state(double[] theta) {
        List<ParamSpec> params = layout.parameters;
        if (theta.length != params.size()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, expected " + params.size());
        }
        State st = new State();
        st.shown = new double[theta.length];
        st.slope = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            display(params.get(i), theta[i], st.shown, st.slope, i);
        }
        WavetableControls now = layout.controlsAt(theta);
        st.basis = layout.basis(now);
        st.g1 = Math.max(now.osc1().leftGain(), now.osc1().rightGain());
        st.g2 = gain2 >= 0 ? Math.exp(st.shown[gain2] * DB) : Math.max(now.osc2().leftGain(), now.osc2().rightGain());
        st.gSub = subGain >= 0 ? Math.exp(st.shown[subGain] * DB) : now.sub().gain();
        st.tone = subTone >= 0 ? st.shown[subTone] / 100 : now.sub().tone();
        st.gain = Math.exp(st.shown[volume] * DB) * velocity;
        st.sustainGain = Math.exp(st.shown[sustain] * DB);
        st.levels = envelope.levels(st.shown[attack] / 1000, st.shown[decay] / 1000, st.sustainGain, st.shown[release] / 1000);
        st.env = envelope.perSample(st.levels.value());
        if (filter != null) {
            st.design = filter.design(st.shown[freq], st.shown[res]);
        }
        return st;
    }

    /**
     * DiffTaper.toDisplay of θ clipped to [0, 1], and its derivative, which the clip passes on the
     * closed interval (PyTorch's clamp) and zeroes outside.
     */
    private static void display(ParamSpec p, double theta, double[] shown, double[] slope, int i) {
        double t = Math.min(1, Math.max(0, theta));
        double pass = theta >= 0 && theta <= 1 ? 1 : 0;
        double min = p.min();
        double max = p.max();
        switch (p.taper()) {
            case LIN -> {
                shown[i] = t * (max - min) + min;
                slope[i] = pass * (max - min);
            }
            case LOG -> {
                double ratio = Math.log(max / min);
                shown[i] = Math.exp(t * ratio) * min;
                slope[i] = pass * shown[i] * ratio;
            }
            case EXP -> {
                double scale = (max - min) / Math.expm1(p.curve());
                shown[i] = (Math.exp(t * p.curve()) - 1) * scale + min;
                slope[i] = pass * Math.exp(t * p.curve()) * p.curve() * scale;
            }
            default -> throw new IllegalStateException(p.taper().toString());
        }
    }

    /** The oscillators' sum for channel c into x (zero beyond frames). */
    private void oscillators(State st, int c, double[] x) {
        java.util.Arrays.fill(x, 0);
        OscillatorBasis b = st.basis;
        if (b.osc1() != null) {
            add(x, b.osc1().unit()[c], st.g1);
        }
        if (b.osc2() != null) {
            add(x, b.osc2().unit()[c], st.g2);
        }
        if (b.subSine() != null) {
            add(x, b.subSine()[c], st.gSub);
            add(x, b.subHarmonics()[c], st.gSub * st.tone);
        }
    }

    private void add(double[] x, double[] part, double scale) {
        for (int n = 0; n < frames; n++) {
            x[n] += scale * part[n];
        }
    }

    /** Which inner products ⟨∂L/∂x, part⟩ a channel collects. */
    private static final class Dots {
        static final int POSITION1 = 0;
        static final int POSITION2 = 1;
        static final int SEMITONE2 = 2;
        static final int UNIT2 = 3;
        static final int SINE = 4;
        static final int HARMONICS = 5;
        static final int COUNT = 6;
    }

    /**
     * One channel's arrays, reused from call to call: x, the oscillators' sum, then (filter on) its
     * spectrum X; v, the upstream gradient of F(x), u·f, then its spectrum V; y = F(x); perX =
     * ∂L/∂x; s = u·F(x); the inner products of ∂L/∂x with the basis parts; this channel's half of
     * the filter's ∂L/∂(Freq, Res). With the filter off, y is x and perX is v.
     */
    private static final class Work {
        final double[] x;
        final double[] v;
        final double[] y;
        final double[] perX;
        final double[] s;
        final double[] dots = new double[Dots.COUNT];
        final double[] filterGradient = new double[2];

        Work(int length, int frames, boolean filtered) {
            x = new double[length];
            v = new double[length];
            y = filtered ? new double[length] : x;
            perX = filtered ? new double[length] : v;
            s = new double[frames];
        }
    }

    /** Phase one for channel c: x and v, and with the filter on X, V and half of H's bins. */
    private void forward(State st, int c, double[] u) {
        Work w = work[c];
        oscillators(st, c, w.x);
        for (int n = 0; n < frames; n++) {
            w.v[n] = u[n] * st.env[n] * st.gain;
        }
        java.util.Arrays.fill(w.v, frames, w.v.length, 0);
        if (filter != null) {
            ffts[c].realForward(w.x);
            ffts[c].realForward(w.v);
            filter.fill(st.design, binRange(c), binRange(c + 1), response);
        }
    }

    /** Bins [binRange(c), binRange(c + 1)) are channel c's share of the per-bin work. */
    private int binRange(int c) {
        return c == 0 ? 0 : c == 1 ? filter.fftSize / 4 : filter.bins();
    }

    /** Phase two for channel c: y = F(x), ∂L/∂x = Fᵀ(v), s, the inner products, the filter's half. */
    private void backward(State st, int c, double[] u) {
        Work w = work[c];
        if (filter != null) {
            System.arraycopy(w.x, 0, w.y, 0, w.x.length);
            VoiceFilterSpectrum.multiply(w.y, response.h(), false);
            ffts[c].realInverse(w.y, true);
            System.arraycopy(w.v, 0, w.perX, 0, w.v.length);
            VoiceFilterSpectrum.multiply(w.perX, response.h(), true);
            ffts[c].realInverse(w.perX, true);
            w.filterGradient[0] = 0;
            w.filterGradient[1] = 0;
            filter.gradient(new double[][] {work[0].x, work[1].x}, new double[][] {work[0].v, work[1].v}, response,
                    binRange(c), binRange(c + 1), w.filterGradient);
        }
        for (int n = 0; n < frames; n++) {
            w.s[n] = u[n] * w.y[n];
        }
        double[] perX = w.perX;
        java.util.Arrays.fill(w.dots, 0);
        OscillatorBasis b = st.basis;
        if (b.osc1() != null && position1 >= 0) {
            w.dots[Dots.POSITION1] = dot(perX, b.osc1().perPosition()[c]);
        }
        if (b.osc2() != null) {
            w.dots[Dots.POSITION2] = position2 >= 0 ? dot(perX, b.osc2().perPosition()[c]) : 0;
            w.dots[Dots.SEMITONE2] = detune2 >= 0 ? dot(perX, b.osc2().perSemitone()[c]) : 0;
            w.dots[Dots.UNIT2] = gain2 >= 0 ? dot(perX, b.osc2().unit()[c]) : 0;
        }
        if (b.subSine() != null) {
            w.dots[Dots.SINE] = dot(perX, b.subSine()[c]);
            w.dots[Dots.HARMONICS] = dot(perX, b.subHarmonics()[c]);
        }
    }

    private double dot(double[] a, double[] b) {
        double sum = 0;
        for (int n = 0; n < frames; n++) {
            sum += a[n] * b[n];
        }
        return sum;
    }
}
