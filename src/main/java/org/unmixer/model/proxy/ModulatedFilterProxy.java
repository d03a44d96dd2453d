package org.unmixer.model.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;

/**
 * A grey-box proxy of Phaser-Flanger: the signal paths of a phaser and of a flanger/doubler, whose
 * moving parts a network drives from the settings and the LFO (a side channel). What is structure,
 * from the device's documented controls (Live manual): Center Freq is the centre of a cascade of
 * Notches second-order all-passes with Feedback around it, their Q set by Spread; Flange Time and
 * Doubler Time are the delay of a line with Feedback into it; Safe Bass keeps the lows below
 * 100 Hz dry; Mode picks the path; Dry/Wet mixes. What is learned: how far Amount × LFO sweeps each
 * mode ({@link #sweepParameter}, set by a search before training), how the LFO moves the centre,
 * the Q or the delay beyond that, and corrections to the stage count, the feedback and the dry and
 * wet gains. Warmth's low-pass and soft clip are not modelled.
 *
 * <pre>
 * condition ─ MLP ─ e;  e ‖ LFO(t) ─ MLP ─ Δlog f_c(t), Δlog Q(t), Δlog d_flanger(t), Δlog d_doubler(t)
 * log f_c = ln Center Freq + s₀·Amount·LFO + Δ;  log Q = ln Q(Spread) + Δ;  delays likewise (s₁, s₂ ms)
 * phaser (frame domain, Hann frames of N at N/4):
 *   φ(ω) = −2·atan2(1/Q, w/Ω − Ω/w),  Ω = tan(ω/2), w = tan(π f_c / fs)   (bilinear 2nd-order all-pass)
 *   W = e^{iKφ} / (1 − g·e^{i(Kφ − ω)});  wet = (1 − HP)·X + HP·W·X
 * flanger / doubler (sample domain): y(n) = Σ_{k=1..terms} g^{k−1}·hp(n − k·d(n)) (linear interpolation);
 *   wet = x − hp + y
 * out = a·x + b·wet_mode
 * </pre>
 *
 * The feedback loop of the delay path is unrolled to {@code delayTerms} echoes, each at k times the
 * current delay: exact for a fixed delay, close while the LFO moves slowly against the echoes.
 */
public final class ModulatedFilterProxy extends AbstractBlock implements ProxyNetwork {
    private static final double SAFE_BASS_HZ = 100;
    private static final double LOWEST_HZ = 20;
    private static final double HIGHEST_RATIO = 0.45;
    private static final double MIN_DELAY = 1;
    /**
     * Scale of the learned corrections to feedback and gains: small steps, since a loop gain near 1
     * makes the response (and the loss) blow up.
     */
    private static final double CORRECTION = 0.05;
    /** The same for the stage count and the law: Adam moves every weight by about its rate, and 64 of them add up. */
    private static final double STAGE_CORRECTION = 0.5;
    private static final double LAW_SCALE = 0.3;
    /** All-pass Q at Spread 0 % and 100 % (catalog note on Spread). */
    private static final double Q_AT_NO_SPREAD = 5;
    private static final double Q_AT_FULL_SPREAD = 0.15;
    /** The device allows 99 %; beyond 95 % the unrolled echoes would need far more terms. */
    private static final double MAX_FEEDBACK = 0.95;
    /** Largest change of a log-frequency, log-Q or log-delay the law makes (3 octaves of the LFO's sweep fit). */
    private static final double LAW_BOUND = 4;

    /**
     * A control's position in the conditioning vector and its display range, to read its value
     * in its own unit.
     */
    public record Knob(int index, double min, double max, boolean log) {
        NDArray value(NDArray condition) {
            NDArray theta = condition.get(new NDIndex(":, {}", index));
            return log ? theta.mul(Math.log(max / min)).exp().mul(min) : theta.mul(max - min).add(min);
        }
    }

    /**
     * @param inputChannels the signal and the LFO
     * @param conditionSize number of conditioning values
     * @param sampleRate the rate the proxy is trained at
     * @param fftSize frame length of the phaser path
     * @param block samples per value of the delay path's control track
     * @param hidden width of both MLPs
     * @param delayTerms echoes of the unrolled delay feedback
     * @param notches, centerHz, spreadPercent, flangeMs, doublerMs, feedbackPercent, dryWetPercent the
     *     controls read as such (Spread sets the all-passes' Q geometrically from 5 at 0 % to 0.15 at
     *     100 %, as the catalog documents it); Amount scales the LFO's sweep
     * @param feedbackInvert position of FB Inv (0/1) in the vector
     * @param mode position of Mode's one-hot (Phaser, Flanger, Doubler) in the vector
     */
    public record Config(int inputChannels, int conditionSize, int sampleRate, int fftSize, int block, int hidden, int delayTerms,
            Knob notches, Knob centerHz, Knob spreadPercent, Knob flangeMs, Knob doublerMs, Knob feedbackPercent,
            Knob dryWetPercent, Knob amountPercent, int feedbackInvert, int mode) implements ProxyNetwork.ProxyConfig {
        public static final String DESIGN = "modulated-filter";

        public Config {
            if (inputChannels != 2 || Integer.bitCount(fftSize) != 1 || fftSize < 16 || block < 1 || hidden < 1 || delayTerms < 1) {
                throw new IllegalArgumentException("a modulated-filter proxy needs the signal and the LFO, a power-of-two frame,"
                        + " a block, a width and echoes");
            }
        }

        @Override
        public int receptiveField() {
            return fftSize; // plus the delay path's echoes, which reach back delayTerms × the delay
        }

        @Override
        public String design() {
            return DESIGN;
        }

        @Override
        public ModulatedFilterProxy build() {
            return new ModulatedFilterProxy(this);
        }
    }

    private final Config config;
    private final FilmLayers settings;
    private final Linear global;
    private final Linear lawIn;
    private final Linear lawLfo;
    private final Linear lawOut;
    /** The LFO's sweep per unit of Amount × LFO: phaser log-frequency, flanger log-delay, doubler ms. */
    private final Parameter sweep;

    public ModulatedFilterProxy(Config config) {
        this.config = config;
        this.settings = new FilmLayers(1, 1, List.of(), config.hidden(), this::addChildBlock);
        this.global = addChildBlock("global", Linear.builder().setUnits(4).build());
        this.lawIn = addChildBlock("law_in", Linear.builder().setUnits(config.hidden()).build());
        this.lawLfo = addChildBlock("law_lfo", Linear.builder().setUnits(config.hidden()).optBias(false).build());
        this.lawOut = addChildBlock("law_out", Linear.builder().setUnits(4).build());
        this.sweep = addParameter(Parameter.builder().setName("sweep").setType(Parameter.Type.OTHER)
                .optShape(new Shape(3)).optInitializer(new ConstantInitializer(0)).build());
    }

    @Override
    public Config config() {
        return config;
    }

    /**
     * The sweep of the LFO per unit of Amount × LFO value for each mode (Phaser: nepers of centre
     * frequency, Flanger: nepers of delay, Doubler: ms of delay): what the audio loss's gradient
     * cannot find from zero — it is rough in notch and echo positions — so {@code SweepCalibration}
     * sets it by a search first.
     */
    public Parameter sweepParameter() {
        return sweep;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[1].get(0);
        settings.initialize(manager, dataType, inputShapes[1], new Shape(batch, 1, 1));
        global.initialize(manager, dataType, new Shape(batch, config.hidden()));
        lawIn.initialize(manager, dataType, new Shape(batch, config.hidden()));
        lawLfo.initialize(manager, dataType, new Shape(batch, 1));
        lawOut.initialize(manager, dataType, new Shape(batch, config.hidden()));
        // Corrections start at zero: the controls read as documented, the LFO without effect.
        for (ai.djl.nn.Block last : List.of(global, lawOut)) {
            last.getParameters().forEach(p -> p.getValue().getArray().set(new NDIndex("..."), 0f));
        }
    }

    /** inputs: audio [B, 2, T] (signal, LFO), condition [B, P] → [B, 1, T]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray audio = inputs.get(0);
        NDArray condition = inputs.get(1);
        NDManager m = audio.getManager();
        DataType type = audio.getDataType();
        long batch = audio.getShape().get(0);
        long samples = audio.getShape().get(2);
        double fs = config.sampleRate();
        int n = config.fftSize();
        int k = n / 2 + 1;

        NDArray e = settings.condition(ps, condition, training);
        NDArray g = global.forward(ps, new NDList(e), training).singletonOrThrow(); // [B, 4]
        NDArray stages = config.notches().value(condition).add(g.get(new NDIndex(":, 0")).mul(STAGE_CORRECTION)).maximum(0).reshape(batch, 1, 1);
        NDArray sign = condition.get(new NDIndex(":, {}", config.feedbackInvert())).mul(-2).add(1);
        NDArray feedback = config.feedbackPercent().value(condition).div(100).mul(sign).add(g.get(new NDIndex(":, 1")).mul(CORRECTION))
                .clip(-MAX_FEEDBACK, MAX_FEEDBACK).reshape(batch, 1, 1);
        NDArray mix = config.dryWetPercent().value(condition).div(100);
        NDArray dryGain = mix.neg().add(1).add(g.get(new NDIndex(":, 2")).mul(CORRECTION)).reshape(batch, 1);
        NDArray wetGain = mix.mul(g.get(new NDIndex(":, 3")).mul(CORRECTION).add(1)).reshape(batch, 1);

        SpectralMaskProxy.Dft dft = SpectralMaskProxy.dft(n);
        NDArray window = SpectralMaskProxy.constant(m, dft.window(), type, new Shape(n));
        NDArray x = audio.get(new NDIndex(":, 0, :"));
        NDArray lfo = audio.get(new NDIndex(":, 1, :"));
        NDArray frames = SpectralMaskProxy.frames(x, n).mul(window);
        long count = frames.getShape().get(1);
        NDArray re = frames.matMul(SpectralMaskProxy.constant(m, dft.cos(), type, new Shape(n, k)));
        NDArray im = frames.matMul(SpectralMaskProxy.constant(m, dft.sin(), type, new Shape(n, k))).neg();
        double[][] hp = safeBass(n, fs);
        NDArray hpRe = SpectralMaskProxy.constant(m, hp[0], type, new Shape(k));
        NDArray hpIm = SpectralMaskProxy.constant(m, hp[1], type, new Shape(k));

        // phaser path, one all-pass per frame at the LFO's value there
        NDArray frameLfo = SpectralMaskProxy.frames(lfo, n).mul(window).sum(new int[] {2}).mul(2.0 / n); // [B, F]
        NDArray frameLaw = law(ps, e, frameLfo, training); // [B, F, 4]
        NDArray sweeps = ps.getValue(sweep, audio.getDevice(), training);
        NDArray amount = config.amountPercent().value(condition).div(100).reshape(batch, 1);
        NDArray centre = config.centerHz().value(condition).log().reshape(batch, 1).add(frameLaw.get(new NDIndex(":, :, 0")))
                .add(frameLfo.mul(amount).mul(sweeps.get(0))).exp().clip(LOWEST_HZ, HIGHEST_RATIO * fs);
        NDArray spreadQ = config.spreadPercent().value(condition).div(100).mul(Math.log(Q_AT_FULL_SPREAD / Q_AT_NO_SPREAD))
                .add(Math.log(Q_AT_NO_SPREAD)).reshape(batch, 1);
        NDArray q = frameLaw.get(new NDIndex(":, :, 1")).add(spreadQ).exp();
        NDArray w = centre.mul(Math.PI / fs).tan().expandDims(2); // [B, F, 1]
        double[] omega = new double[k];
        double[] bigOmega = new double[k];
        for (int b = 0; b < k; b++) {
            omega[b] = 2 * Math.PI * b / n;
            // bin 0 stands at a quarter bin: its phase is ~0 either way, and ln Ω must be finite
            bigOmega[b] = Math.tan(Math.min(Math.max(omega[b], Math.PI / (2 * n)), Math.PI - 1e-3) / 2);
        }
        // atan2(Ωw/Q, w² − Ω²) = atan2(1/Q, w/Ω − Ω/w) = atan2(1/Q, 2·sinh(ln w − ln Ω)): the same angle
        // (both arguments divided by Ωw > 0), but one whose gradient stays bounded (|·|² ≥ 1/Q²)
        // where the first form's vanishes into 0/0 near Ω = w at low frequencies
        NDArray logOmega = SpectralMaskProxy.constant(m, logOf(bigOmega), type, new Shape(1, 1, k));
        NDArray ratio = w.log().sub(logOmega);
        NDArray u = ratio.exp().sub(ratio.neg().exp());
        NDArray phase = q.expandDims(2).pow(-1).atan2(u).mul(-2).mul(stages); // Kφ, [B, F, K]
        NDArray loop = phase.sub(SpectralMaskProxy.constant(m, omega, type, new Shape(1, 1, k)));
        NDArray dRe = loop.cos().mul(feedback).neg().add(1);
        NDArray dIm = loop.sin().mul(feedback).neg();
        NDArray norm = dRe.square().add(dIm.square());
        NDArray aRe = phase.cos();
        NDArray aIm = phase.sin();
        NDArray wRe = aRe.mul(dRe).add(aIm.mul(dIm)).div(norm); // A · conj(D) / |D|²
        NDArray wIm = aIm.mul(dRe).sub(aRe.mul(dIm)).div(norm);
        // (1 − HP) + HP·W
        NDArray hRe = hpRe.neg().add(1).add(hpRe.mul(wRe).sub(hpIm.mul(wIm)));
        NDArray hIm = hpIm.neg().add(hpRe.mul(wIm).add(hpIm.mul(wRe)));
        NDArray phaser = synthesise(m, re.mul(hRe).sub(im.mul(hIm)), re.mul(hIm).add(im.mul(hRe)), batch, count, samples);

        // flanger / doubler path: the high-passed input through an LFO-moved delay line
        NDArray high = synthesise(m, re.mul(hpRe).sub(im.mul(hpIm)), re.mul(hpIm).add(im.mul(hpRe)), batch, count, samples);
        NDArray delay = delayTrack(ps, e, condition, lfo, amount, sweeps, training); // [B, T]
        NDArray positions = m.arange(0f, (float) samples).toType(type, false).reshape(1, samples);
        NDArray echoes = null;
        NDArray loopGain = feedback.reshape(batch, 1);
        for (int j = 1; j <= config.delayTerms(); j++) {
            NDArray read = positions.sub(delay.mul(j));
            NDArray valid = read.gte(0).toType(type, false);
            NDArray clipped = read.clip(0, samples - 1);
            NDArray floor = clipped.floor();
            NDArray frac = clipped.sub(floor);
            NDArray i0 = floor.toType(DataType.INT64, false);
            NDArray i1 = floor.add(1).clip(0, samples - 1).toType(DataType.INT64, false);
            NDArray value = high.gather(i0, 1).mul(frac.neg().add(1)).add(high.gather(i1, 1).mul(frac)).mul(valid);
            if (j > 1) {
                value = value.mul(j == 2 ? loopGain : loopGain.pow(j - 1));
            }
            echoes = echoes == null ? value : echoes.add(value);
        }
        NDArray flanger = x.sub(high).add(echoes);

        NDArray isPhaser = condition.get(new NDIndex(":, {}:{}", config.mode(), config.mode() + 1));
        NDArray wet = phaser.mul(isPhaser).add(flanger.mul(isPhaser.neg().add(1)));
        return new NDList(x.mul(dryGain).add(wet.mul(wetGain)).expandDims(1));
    }

    /** e [B, H] and an LFO value per step [B, S] → the law's four outputs per step [B, S, 4]. */
    private NDArray law(ParameterStore ps, NDArray e, NDArray lfoValues, boolean training) {
        NDArray base = lawIn.forward(ps, new NDList(e), training).singletonOrThrow().expandDims(1); // [B, 1, H]
        NDArray byLfo = lawLfo.forward(ps, new NDList(lfoValues.expandDims(2)), training).singletonOrThrow(); // [B, S, H]
        NDArray h = FilmLayers.silu(base.add(byLfo));
        // bounded, so no octave or delay leaves the device's range by far: ±LAW_BOUND nepers
        return lawOut.forward(ps, new NDList(h), training).singletonOrThrow().mul(LAW_SCALE / LAW_BOUND).tanh().mul(LAW_BOUND);
    }

    /** The delay in samples at every sample [B, T]: the law at block boundaries, linear in between. */
    private NDArray delayTrack(ParameterStore ps, NDArray e, NDArray condition, NDArray lfo, NDArray amount, NDArray sweeps,
            boolean training) {
        NDManager m = lfo.getManager();
        DataType type = lfo.getDataType();
        long batch = lfo.getShape().get(0);
        long samples = lfo.getShape().get(1);
        int block = config.block();
        long blocks = (samples + block - 1) / block;
        long padded = blocks * block;
        NDArray padLfo = padded == samples ? lfo
                : NDArrays.concat(new NDList(lfo, lfo.get(new NDIndex(":, -1:")).repeat(1, padded - samples)), 1);
        NDArray starts = padLfo.reshape(batch, blocks, block).get(new NDIndex(":, :, 0"));
        NDArray ends = NDArrays.concat(new NDList(starts.get(new NDIndex(":, 1:")), padLfo.get(new NDIndex(":, -1:"))), 1);
        NDArray at = NDArrays.concat(new NDList(starts, ends.get(new NDIndex(":, -1:"))), 1); // [B, blocks + 1]
        NDArray lawValues = law(ps, e, at, training);
        double msToSamples = config.sampleRate() / 1000.0;
        NDArray isDoubler = condition.get(new NDIndex(":, {}:{}", config.mode() + 2, config.mode() + 3));
        NDArray swing = at.mul(amount); // Amount × LFO at each boundary
        NDArray flange = config.flangeMs().value(condition).mul(msToSamples).log().reshape(batch, 1).add(lawValues.get(new NDIndex(":, :, 2")))
                .add(swing.mul(sweeps.get(1)));
        NDArray doubler = config.doublerMs().value(condition).reshape(batch, 1).add(swing.mul(sweeps.get(2))).mul(msToSamples)
                .maximum(MIN_DELAY).log().add(lawValues.get(new NDIndex(":, :, 3")));
        NDArray points = doubler.mul(isDoubler).add(flange.mul(isDoubler.neg().add(1))).exp().maximum(MIN_DELAY); // [B, blocks + 1]
        NDArray left = points.get(new NDIndex(":, :-1")).repeat(1, block);
        NDArray right = points.get(new NDIndex(":, 1:")).repeat(1, block);
        double[] ramp = new double[(int) padded];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (double) (i % block) / block;
        }
        NDArray r = SpectralMaskProxy.constant(m, ramp, type, new Shape(1, padded));
        return left.add(right.sub(left).mul(r)).get(new NDIndex(":, 0:{}", samples));
    }

    private static double[] logOf(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    /** Inverse DFT of frames' spectra, Hann, overlap-add, cut to the input: [B, T]. */
    private NDArray synthesise(NDManager m, NDArray yRe, NDArray yIm, long batch, long count, long samples) {
        int n = config.fftSize();
        int k = n / 2 + 1;
        DataType type = yRe.getDataType();
        SpectralMaskProxy.Dft dft = SpectralMaskProxy.dft(n);
        NDArray y = yRe.matMul(SpectralMaskProxy.constant(m, dft.inverseCos(), type, new Shape(k, n)))
                .add(yIm.matMul(SpectralMaskProxy.constant(m, dft.inverseSin(), type, new Shape(k, n))))
                .mul(SpectralMaskProxy.constant(m, dft.window(), type, new Shape(n)));
        NDArray out = SpectralMaskProxy.overlapAdd(y, batch, count, n).div(1.5);
        return out.get(new NDIndex(":, {}:{}", n, n + samples));
    }

    /** The Safe Bass high-pass's complex response at every bin of an N-point DFT: {re, im}. */
    static double[][] safeBass(int n, double fs) {
        Biquad f = Biquads.highPass(SAFE_BASS_HZ, Biquads.BUTTERWORTH_Q, fs);
        int k = n / 2 + 1;
        double[] re = new double[k];
        double[] im = new double[k];
        for (int b = 0; b < k; b++) {
            double w = 2 * Math.PI * b / n;
            double nr = f.b0() + f.b1() * Math.cos(w) + f.b2() * Math.cos(2 * w);
            double ni = -f.b1() * Math.sin(w) - f.b2() * Math.sin(2 * w);
            double dr = 1 + f.a1() * Math.cos(w) + f.a2() * Math.cos(2 * w);
            double di = -f.a1() * Math.sin(w) - f.a2() * Math.sin(2 * w);
            double d = dr * dr + di * di;
            re[b] = (nr * dr + ni * di) / d;
            im[b] = (ni * dr - nr * di) / d;
        }
        return new double[][] {re, im};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape audio = inputShapes[0];
        return new Shape[] {new Shape(audio.get(0), 1, audio.get(2))};
    }
}
