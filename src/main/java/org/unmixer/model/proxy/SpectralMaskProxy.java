package org.unmixer.model.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A frame-domain proxy of one effect: the input's short-time spectrum is multiplied by a gain per
 * frame and frequency that a small network predicts, then resynthesised by overlap-add. Suited to
 * what is (close to) a time-varying filter: EQ Eight (one response for the whole sound), Multiband
 * Dynamics (band gains that follow the input's band levels) and Phaser-Flanger (notches that move
 * with the LFO, given as a side channel). Its reach in time is the network's over frames, not a
 * stack of sample-rate dilations, which is what the sample-domain {@link ProxyTcn} lacked for these.
 *
 * <pre>
 * audio [B, 1, T] ─ Hann frames (N, hop N/4) ─ real DFT ─ X [B, F, N/2+1]
 * features per frame: log band powers of X (featureBands, log-spaced) ‖ side channels at the frame
 * h = 1×1(features) ─ L × ( h + 1×1( silu( γ_l ⊙ conv_dilated(h) + β_l ) ) )   (γ, β from the condition's MLP)
 * log-gain [B, F, maskBands] = 1×1(h) + static(condition) + Σ_sections shared(section's values),
 *     interpolated on log-frequency to every bin
 * Y = X ⊙ H, |H| = exp(log-gain), phase 0 or minimum ─ inverse DFT ─ Hann ─ overlap-add ÷ 1.5 ─ [B, 1, T]
 * </pre>
 *
 * The DFTs are real matrix products (PyTorch's irfft backward fails in this build; see
 * DiffBiquads), Hann analysis and synthesis windows at a quarter-frame hop add up to exactly 1.5,
 * and the output layers start at zero, so an untrained proxy reconstructs its input exactly: training
 * starts from "the effect does nothing". With {@code minimumPhase} the gain gets the minimum phase of
 * its magnitude (the real cepstrum folded onto n ≥ 0, Oppenheim &amp; Schafer §12): a causal filter,
 * as EQ Eight's sections and a compressor's gain are, so a transient is not smeared ahead of itself
 * as a zero-phase gain smears it by up to half a frame, which the short resolutions of the
 * multi-resolution STFT distance see. Otherwise the gain is real (zero phase).
 *
 * <p>The part of the gain that does not change over time has its own paths from the condition: one
 * from the whole vector, and one MLP shared by the device's repeated sections
 * ({@link ProxyConditioning#sections}: EQ Eight's eight bands), whose log-responses add up as the
 * bands' do. Without them, every band's curve had to pass through the frame network's few channels.
 */
public final class SpectralMaskProxy extends AbstractBlock implements ProxyNetwork {
    /** Hann² at a quarter-frame hop sums to 3/2 everywhere. */
    private static final double OVERLAP_GAIN = 1.5;
    private static final double LOWEST_HZ = 20;
    private static final double POWER_FLOOR = 1e-9;
    /** Log band powers span about ±20; scaled into the range the network's first layer expects. */
    private static final double FEATURE_SCALE = 0.1;

    /**
     * @param inputChannels the signal plus side channels (an LFO's value, …)
     * @param conditionSize number of conditioning values
     * @param sampleRate the rate the proxy is trained at (the bands' frequencies depend on it)
     * @param fftSize frame length N, a power of two
     * @param featureBands log-spaced bands of the input's power the network sees per frame
     * @param maskBands log-spaced points of the predicted gain curve
     * @param channels width of every layer
     * @param kernel kernel size over frames, odd
     * @param dilations one per layer, over frames
     * @param conditionHidden width of the conditioning MLP (and of the sections' shared MLP)
     * @param sections the condition's positions of each repeated section, all of one layout (may be empty)
     * @param minimumPhase whether the gain is applied with its minimum phase rather than zero phase
     * @param timeVarying whether the frame network adds a gain that changes over time; false makes
     *     the proxy a linear filter whose gain comes from the condition alone (tried for EQ Eight:
     *     0.731 against 0.631 with the frame network, so its design keeps it on)
     * @param sectionHidden width of the sections' shared MLP (0: {@code conditionHidden}, as saved
     *     proxies from before this field have it)
     * @param sectionLayers hidden layers of the sections' shared MLP (0: 2, as before this field)
     */
    public record Config(int inputChannels, int conditionSize, int sampleRate, int fftSize, int featureBands, int maskBands,
            int channels, int kernel, List<Integer> dilations, int conditionHidden, List<List<Integer>> sections,
            boolean minimumPhase, boolean timeVarying, int sectionHidden, int sectionLayers) implements ProxyNetwork.ProxyConfig {
        /** Its name in a saved proxy. */
        public static final String DESIGN = "spectral-mask";

        public Config {
            if (Integer.bitCount(fftSize) != 1 || fftSize < 16 || kernel % 2 == 0 || kernel < 1) {
                throw new IllegalArgumentException("the frame length must be a power of two ≥ 16 and the kernel odd");
            }
            dilations = List.copyOf(dilations);
            sectionHidden = sectionHidden == 0 ? conditionHidden : sectionHidden;
            sectionLayers = sectionLayers == 0 ? 2 : sectionLayers;
            sections = sections == null ? List.of() : sections.stream().map(List::copyOf).toList();
            if (sections.stream().map(List::size).distinct().count() > 1) {
                throw new IllegalArgumentException("every section needs the same number of values");
            }
            if (dilations.isEmpty() || inputChannels < 1 || conditionSize < 1 || sampleRate < 1 || featureBands < 2
                    || maskBands < 2 || channels < 1 || conditionHidden < 1 || sectionHidden < 1 || sectionLayers < 1) {
                throw new IllegalArgumentException("a proxy needs layers, inputs, conditions, bands and channels");
            }
        }

        /** Without repeated sections, zero phase. */
        public Config(int inputChannels, int conditionSize, int sampleRate, int fftSize, int featureBands, int maskBands,
                int channels, int kernel, List<Integer> dilations, int conditionHidden) {
            this(inputChannels, conditionSize, sampleRate, fftSize, featureBands, maskBands, channels, kernel, dilations,
                    conditionHidden, List.of(), false, true);
        }

        /** The sections' MLP as wide as the conditioning MLP, two hidden layers. */
        public Config(int inputChannels, int conditionSize, int sampleRate, int fftSize, int featureBands, int maskBands,
                int channels, int kernel, List<Integer> dilations, int conditionHidden, List<List<Integer>> sections,
                boolean minimumPhase, boolean timeVarying) {
            this(inputChannels, conditionSize, sampleRate, fftSize, featureBands, maskBands, channels, kernel, dilations,
                    conditionHidden, sections, minimumPhase, timeVarying, 0, 0);
        }

        public int hop() {
            return fftSize / 4;
        }

        /** The frequencies (Hz) of the gain curve's points: log-spaced from 20 Hz to Nyquist. */
        public double[] maskFrequencies() {
            double[] hz = new double[maskBands];
            for (int j = 0; j < maskBands; j++) {
                hz[j] = LOWEST_HZ * Math.pow(sampleRate / 2.0 / LOWEST_HZ, (double) j / (maskBands - 1));
            }
            return hz;
        }

        @Override
        public int receptiveField() {
            if (!timeVarying) {
                return fftSize; // one frame's gain from the condition alone
            }
            return fftSize + hop() * (kernel - 1) * dilations.stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String design() {
            return DESIGN;
        }

        @Override
        public SpectralMaskProxy build() {
            return new SpectralMaskProxy(this);
        }
    }

    /** The window, DFT matrices and cepstral fold of one frame length, computed once (constants). */
    record Dft(double[] window, double[] cos, double[] sin, double[] inverseCos, double[] inverseSin, double[] fold) {
    }

    /** The feature-band and gain-interpolation matrices of one configuration. */
    private record Bands(double[] featureWeights, double[] maskInterpolation) {
    }

    private static final Map<Integer, Dft> DFTS = new ConcurrentHashMap<>();
    private static final Map<List<Integer>, Bands> BANDS = new ConcurrentHashMap<>();

    private final Config config;
    private final Conv1d input;
    private final FilmLayers layers;
    private final Conv1d output;
    private final Linear staticOut;
    /** The sections' shared MLP's hidden layers, in order (empty without sections). */
    private final List<Linear> sectionHidden = new ArrayList<>();
    private final Linear sectionOut;

    public SpectralMaskProxy(Config config) {
        this.config = config;
        this.input = addChildBlock("input", FilmLayers.pointwise(config.channels()));
        this.layers = new FilmLayers(config.channels(), config.kernel(), config.dilations(), config.conditionHidden(), this::addChildBlock);
        this.output = addChildBlock("output", FilmLayers.pointwise(config.maskBands()));
        this.staticOut = addChildBlock("static_output", Linear.builder().setUnits(config.maskBands()).build());
        boolean sections = !config.sections().isEmpty();
        for (int l = 0; sections && l < config.sectionLayers(); l++) {
            // The first two keep the names proxies saved before sectionLayers have.
            String name = l == 0 ? "section_in" : l == 1 ? "section_mid" : "section_mid" + l;
            sectionHidden.add(addChildBlock(name, Linear.builder().setUnits(config.sectionHidden()).build()));
        }
        this.sectionOut = sections ? addChildBlock("section_output", Linear.builder().setUnits(config.maskBands()).build()) : null;
    }

    @Override
    public Config config() {
        return config;
    }

    private int bins() {
        return config.fftSize() / 2 + 1;
    }

    private int featureSize() {
        return config.featureBands() + config.inputChannels() - 1;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long frames = 8;
        Shape hidden = new Shape(batch, config.channels(), frames);
        input.initialize(manager, dataType, new Shape(batch, featureSize(), frames));
        layers.initialize(manager, dataType, inputShapes[1], hidden);
        output.initialize(manager, dataType, hidden);
        staticOut.initialize(manager, dataType, new Shape(batch, config.conditionHidden()));
        if (sectionOut != null) {
            long rows = batch * config.sections().size();
            long width = config.sections().get(0).size();
            for (Linear l : sectionHidden) {
                l.initialize(manager, dataType, new Shape(rows, width));
                width = config.sectionHidden();
            }
            sectionOut.initialize(manager, dataType, new Shape(rows, width));
        }
        // Zero gains in log: an untrained proxy is exactly the identity.
        for (ai.djl.nn.Block last : sectionOut == null ? List.of(output, staticOut) : List.of(output, staticOut, sectionOut)) {
            last.getParameters().forEach(p -> p.getValue().getArray().set(new NDIndex("..."), 0f));
        }
    }

    /** inputs: audio [B, I, T], condition [B, P] → [B, 1, T]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray audio = inputs.get(0);
        NDArray condition = inputs.get(1);
        NDManager m = audio.getManager();
        DataType type = audio.getDataType();
        Dft t = dft(config.fftSize());
        Bands bands = bands(config);
        int n = config.fftSize();
        int k = bins();
        long batch = audio.getShape().get(0);
        long samples = audio.getShape().get(2);
        NDArray window = constant(m, t.window(), type, new Shape(n));

        NDArray frames = frames(audio.get(new NDIndex(":, 0, :")), n).mul(window); // [B, F, N]
        long count = frames.getShape().get(1);
        NDArray re = frames.matMul(constant(m, t.cos(), type, new Shape(n, k)));
        NDArray im = frames.matMul(constant(m, t.sin(), type, new Shape(n, k))).neg();

        NDArray power = re.square().add(im.square());
        NDArray bandPower = power.matMul(constant(m, bands.featureWeights(), type, new Shape(k, config.featureBands())));
        NDArray features = bandPower.add(POWER_FLOOR).log().mul(constant(m, new double[] {FEATURE_SCALE}, type, new Shape(1)));
        if (config.inputChannels() > 1) {
            NDArray side = audio.get(new NDIndex(":, 1:, :"));
            List<NDArray> perChannel = new ArrayList<>();
            for (int c = 0; c < config.inputChannels() - 1; c++) {
                // The side signal's Hann-weighted mean over each frame: its value "at" the frame.
                NDArray f = frames(side.get(new NDIndex(":, {}, :", c)), n).mul(window).sum(new int[] {2}, true);
                perChannel.add(f.mul(constant(m, new double[] {2.0 / n}, type, new Shape(1))));
            }
            perChannel.add(0, features);
            features = NDArrays.concat(new NDList(perChannel), 2);
        }

        NDArray c = layers.condition(ps, condition, training);
        NDArray fixed = staticOut.forward(ps, new NDList(c), training).singletonOrThrow().expandDims(1); // [B, 1, M]
        // (= staticLogGain(condition), with the embedding c kept for the frame network)
        if (sectionOut != null) {
            fixed = fixed.add(sections(ps, condition, training).expandDims(1));
        }
        NDArray logGain = config.timeVarying() ? fixed.add(timeVarying(ps, features, c, training)) : fixed;
        return new NDList(filter(config, re, im, logGain, batch, count, samples));
    }

    /**
     * The signal x [B, T] filtered by the log-gain [B, F or 1, M] at the {@link Config#maskFrequencies
     * mask points} (per frame, or one for every frame): what the proxy does with the gain its
     * networks predict, open for a gain from elsewhere (a measured response, in experiments and tests).
     */
    public static NDArray filter(Config config, NDArray x, NDArray logGain) {
        NDManager m = x.getManager();
        DataType type = x.getDataType();
        Dft t = dft(config.fftSize());
        int n = config.fftSize();
        int k = n / 2 + 1;
        NDArray frames = frames(x, n).mul(constant(m, t.window(), type, new Shape(n)));
        NDArray re = frames.matMul(constant(m, t.cos(), type, new Shape(n, k)));
        NDArray im = frames.matMul(constant(m, t.sin(), type, new Shape(n, k))).neg();
        return filter(config, re, im, logGain, x.getShape().get(0), frames.getShape().get(1), x.getShape().get(1));
    }

    private static NDArray filter(Config config, NDArray re, NDArray im, NDArray logGain, long batch, long count, long samples) {
        NDManager m = re.getManager();
        DataType type = re.getDataType();
        Dft t = dft(config.fftSize());
        Bands bands = bands(config);
        int n = config.fftSize();
        int k = n / 2 + 1;
        NDArray window = constant(m, t.window(), type, new Shape(n));
        NDArray logMagnitude = logGain.matMul(constant(m, bands.maskInterpolation(), type, new Shape(config.maskBands(), k)));

        NDArray inverseCos = constant(m, t.inverseCos(), type, new Shape(k, n));
        NDArray magnitude = logMagnitude.exp();
        NDArray yRe;
        NDArray yIm;
        if (config.minimumPhase()) {
            NDArray phase = minimumPhase(logMagnitude, n);
            NDArray hRe = magnitude.mul(phase.cos());
            NDArray hIm = magnitude.mul(phase.sin());
            yRe = re.mul(hRe).sub(im.mul(hIm));
            yIm = re.mul(hIm).add(im.mul(hRe));
        } else {
            yRe = re.mul(magnitude);
            yIm = im.mul(magnitude);
        }
        NDArray y = yRe.matMul(inverseCos).add(yIm.matMul(constant(m, t.inverseSin(), type, new Shape(k, n)))).mul(window);
        NDArray out = overlapAdd(y, batch, count, n).mul(constant(m, new double[] {1 / OVERLAP_GAIN}, type, new Shape(1)));
        return out.get(new NDIndex(":, {}:{}", n, n + samples)).reshape(batch, 1, samples);
    }

    /** The frame network's log-gain [B, F, M]: features over frames, FiLM-conditioned. */
    private NDArray timeVarying(ParameterStore ps, NDArray features, NDArray c, boolean training) {
        NDArray h = layers.forward(ps, input.forward(ps, new NDList(features.transpose(0, 2, 1)), training).singletonOrThrow(), c, training);
        return output.forward(ps, new NDList(h), training).singletonOrThrow().transpose(0, 2, 1);
    }

    /**
     * The minimum phase (radians, bins 0…N/2) of a log-magnitude response [..., N/2 + 1] on an
     * N-point grid: the real cepstrum (inverse DFT of the log-magnitude) folded onto n ≥ 0 — doubled
     * for 0 &lt; n &lt; N/2, zero beyond — is the cepstrum of the minimum-phase filter, whose DFT's
     * imaginary part is the phase.
     */
    static NDArray minimumPhase(NDArray logMagnitude, int n) {
        NDManager m = logMagnitude.getManager();
        DataType type = logMagnitude.getDataType();
        Dft t = dft(n);
        int k = n / 2 + 1;
        NDArray cepstrum = logMagnitude.matMul(constant(m, t.inverseCos(), type, new Shape(k, n))).mul(constant(m, t.fold(), type, new Shape(n)));
        return cepstrum.matMul(constant(m, t.sin(), type, new Shape(n, k))).neg();
    }

    /**
     * Σ over the repeated sections of one shared MLP from a section's values to its log-gain at the M
     * points: [B, M]. (A coordinate network — a section's values and one grid position in, the
     * log-gain there out — trained worse for EQ Eight: 0.720 against 0.631, docs/BENCHMARKS.md.)
     */
    private NDArray sections(ParameterStore ps, NDArray condition, boolean training) {
        List<List<Integer>> groups = config.sections();
        int size = groups.get(0).size();
        int count = groups.size();
        double[] select = new double[config.conditionSize() * count * size];
        for (int g = 0; g < count; g++) {
            for (int j = 0; j < size; j++) {
                select[groups.get(g).get(j) * count * size + g * size + j] = 1;
            }
        }
        long batch = condition.getShape().get(0);
        NDManager m = condition.getManager();
        DataType type = condition.getDataType();
        NDArray values = condition.matMul(constant(m, select, type, new Shape(config.conditionSize(), (long) count * size)))
                .reshape(batch * count, size);
        return sectionLogGain(ps, values, training).reshape(batch, count, config.maskBands()).sum(new int[] {1});
    }

    /**
     * The shared sections' MLP: one section's values [R, S] (in the order of
     * {@link Config#sections}' lists) to its log-gain at the mask points [R, M]. Public so that it
     * can be pre-trained on measured section responses ({@code train.SectionPretraining}).
     */
    public NDArray sectionLogGain(ParameterStore ps, NDArray values, boolean training) {
        if (sectionOut == null) {
            throw new IllegalStateException("this proxy has no repeated sections");
        }
        NDArray s = values;
        for (Linear l : sectionHidden) {
            s = FilmLayers.silu(l.forward(ps, new NDList(s), training).singletonOrThrow());
        }
        return sectionOut.forward(ps, new NDList(s), training).singletonOrThrow();
    }

    /**
     * The part of the time-invariant log-gain that comes from the whole condition [B, P] → [B, M]
     * (the conditioning MLP, then a linear layer): without the sections' sum and the frame network.
     */
    public NDArray staticLogGain(ParameterStore ps, NDArray condition, boolean training) {
        return staticOut.forward(ps, new NDList(layers.condition(ps, condition, training)), training).singletonOrThrow();
    }

    /** The parameters {@link #staticLogGain} depends on: the conditioning MLP's and the static output layer's. */
    public ai.djl.nn.ParameterList staticParameters() {
        ai.djl.nn.ParameterList out = new ai.djl.nn.ParameterList();
        layers.conditionParameters().forEach(p -> out.add(p.getValue().getId(), p.getValue()));
        staticOut.getParameters().forEach(p -> out.add(p.getValue().getId(), p.getValue()));
        return out;
    }

    /** The section MLP's parameters (what {@code train.SectionPretraining} fits), empty without sections. */
    public ai.djl.nn.ParameterList sectionParameters() {
        ai.djl.nn.ParameterList out = new ai.djl.nn.ParameterList();
        if (sectionOut != null) {
            List<Linear> all = new ArrayList<>(sectionHidden);
            all.add(sectionOut);
            for (Linear l : all) {
                l.getParameters().forEach(p -> out.add(p.getValue().getId(), p.getValue()));
            }
        }
        return out;
    }

    /**
     * Frames of N samples every N/4 of x [B, T], padded with N zeros in front and enough behind:
     * frame j starts at padded sample j·N/4. Built as four reshapes of shifted copies (no gather).
     */
    static NDArray frames(NDArray x, int n) {
        int hop = n / 4;
        long batch = x.getShape().get(0);
        long samples = x.getShape().get(1);
        long blocks = (samples + n) / n + 1; // frames starting in block q at offsets 0, hop, 2·hop, 3·hop
        long padded = (blocks + 1) * n;
        NDManager m = x.getManager();
        NDArray p = NDArrays.concat(new NDList(m.zeros(new Shape(batch, n), x.getDataType()), x,
                m.zeros(new Shape(batch, padded - n - samples), x.getDataType())), 1);
        List<NDArray> shifted = new ArrayList<>(4);
        for (int r = 0; r < 4; r++) {
            shifted.add(p.get(new NDIndex(":, {}:{}", r * hop, r * hop + blocks * n)).reshape(batch, blocks, 1, n));
        }
        return NDArrays.concat(new NDList(shifted), 2).reshape(batch, blocks * 4, n);
    }

    /** The inverse of {@link #frames}' layout: frame j added in at j·N/4, [B, (blocks + 1)·N]. */
    static NDArray overlapAdd(NDArray y, long batch, long count, int n) {
        int hop = n / 4;
        long blocks = count / 4;
        NDManager m = y.getManager();
        NDArray grouped = y.reshape(batch, blocks, 4, n);
        NDArray sum = null;
        for (int r = 0; r < 4; r++) {
            NDArray stream = grouped.get(new NDIndex(":, :, {}, :", r)).reshape(batch, blocks * n);
            NDArray placed = NDArrays.concat(new NDList(m.zeros(new Shape(batch, (long) r * hop), y.getDataType()), stream,
                    m.zeros(new Shape(batch, n - (long) r * hop), y.getDataType())), 1);
            sum = sum == null ? placed : sum.add(placed);
        }
        return sum;
    }

    static NDArray constant(NDManager m, double[] values, DataType type, Shape shape) {
        NDArray a = m.create(values, shape);
        return type == DataType.FLOAT64 ? a : a.toType(type, false);
    }

    static Dft dft(int n) {
        return DFTS.computeIfAbsent(n, SpectralMaskProxy::buildDft);
    }

    private static Bands bands(Config c) {
        return BANDS.computeIfAbsent(List.of(c.fftSize(), c.sampleRate(), c.featureBands(), c.maskBands()), key -> buildBands(c));
    }

    private static Dft buildDft(int n) {
        int k = n / 2 + 1;
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        double[] cos = new double[n * k];
        double[] sin = new double[n * k];
        double[] inverseCos = new double[k * n];
        double[] inverseSin = new double[k * n];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < k; b++) {
                double angle = 2 * Math.PI * ((long) i * b % n) / n;
                cos[i * k + b] = Math.cos(angle);
                sin[i * k + b] = Math.sin(angle);
                double weight = (b == 0 || b == k - 1 ? 1.0 : 2.0) / n;
                inverseCos[b * n + i] = weight * Math.cos(angle);
                inverseSin[b * n + i] = -weight * Math.sin(angle);
            }
        }
        double[] fold = new double[n];
        fold[0] = 1;
        for (int i = 1; i < n / 2; i++) {
            fold[i] = 2;
        }
        fold[n / 2] = 1;
        return new Dft(window, cos, sin, inverseCos, inverseSin, fold);
    }

    private static Bands buildBands(Config c) {
        int n = c.fftSize();
        int k = n / 2 + 1;
        double[] features = interpolation(c.featureBands(), k, n, c.sampleRate());
        double[] featureWeights = new double[k * c.featureBands()];
        for (int j = 0; j < c.featureBands(); j++) {
            double total = 0;
            for (int b = 0; b < k; b++) {
                total += features[j * k + b];
            }
            for (int b = 0; b < k; b++) {
                featureWeights[b * c.featureBands() + j] = total > 0 ? features[j * k + b] / total : 0;
            }
        }
        return new Bands(featureWeights, interpolation(c.maskBands(), k, n, c.sampleRate()));
    }

    /**
     * [points, bins]: linear interpolation on log-frequency from {@code points} values spaced
     * evenly from 20 Hz to Nyquist to every bin (bins below 20 Hz take the first point's value).
     */
    static double[] interpolation(int points, int bins, int n, int sampleRate) {
        double[] w = new double[points * bins];
        double lo = Math.log(LOWEST_HZ);
        double hi = Math.log(sampleRate / 2.0);
        for (int b = 0; b < bins; b++) {
            double hz = (double) b * sampleRate / n;
            double u = hz <= LOWEST_HZ ? 0 : (Math.log(hz) - lo) / (hi - lo) * (points - 1);
            u = Math.min(points - 1, Math.max(0, u));
            int j = Math.min((int) Math.floor(u), points - 2);
            double frac = u - j;
            w[j * bins + b] += 1 - frac;
            w[(j + 1) * bins + b] += frac;
        }
        return w;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape audio = inputShapes[0];
        return new Shape[] {new Shape(audio.get(0), 1, audio.get(2))};
    }
}
