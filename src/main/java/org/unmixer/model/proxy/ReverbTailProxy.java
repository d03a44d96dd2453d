package org.unmixer.model.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A proxy of Reverb: the input plus its convolution with an impulse response whose short-time
 * spectrum the settings predict — fixed noise shaped by a learned envelope. What is structure:
 * a linear, time-invariant dry + wet sum, uniformly partitioned convolution (overlap-save in the
 * frame domain) as long as the input, and a white-noise carrier (one fixed segment per partition,
 * drawn from the config's seed). What is learned, from the settings alone: the dry gain and, on a
 * log-frequency grid, the wet response's level, a decay rate per band (so the tail falls
 * exponentially, RT60 per band, and extends past anything seen in training) and a free offset for
 * each of the first few partitions (predelay, early reflections, build-up).
 *
 * <pre>
 * condition ─ MLP ─ dry gain g, level a[M], decay rate r[M] ≥ 0, early offsets e[J0, M]
 * log|H_j| [M] = a − r · jN/fs + e_j (j &lt; J0), interpolated to every bin
 * H_j = DFT_2N( first N samples of IDFT_2N( |H_j| ⊙ DFT_2N(noise_j ‖ 0) ) )      j = 0 … P−1
 * x ─ blocks of N ─ frames [previous block ‖ block] ─ DFT_2N ─ X_f
 * y_f = second half of IDFT_2N( Σ_j H_j ⊙ X_{f−j} )   (overlap-save: causal, exact linear convolution)
 * out = g · x + y
 * </pre>
 *
 * A noise carrier can only match the device's tail in its envelope, not its waveform; how close
 * that can get is measured, with the device's own envelope in place of the network's, in
 * docs/BENCHMARKS.md.
 */
public final class ReverbTailProxy extends AbstractBlock implements ProxyNetwork {
    /** The wet level's start, in nepers: a quiet tail before training. */
    private static final double LEVEL_START = -5;
    /** The decay rate's start (nepers per second: an RT60 of 1.5 s) before the softplus. */
    private static final double RATE_START = 4.6;
    /** The MLP's outputs are small at first; these scale them to the ranges they need. */
    private static final double LOG_SCALE = 4;

    /**
     * @param inputChannels the signal (Reverb has no side channel)
     * @param conditionSize number of conditioning values
     * @param sampleRate the rate the proxy is trained at
     * @param partition partition length N (a power of two); frames are 2N
     * @param maskBands log-spaced points of each partition's envelope
     * @param earlyPartitions J0: the partitions with a free offset
     * @param hidden width of the conditioning MLP
     * @param maxPartitions the longest impulse response, in partitions
     * @param seed the noise carrier's
     */
    public record Config(int inputChannels, int conditionSize, int sampleRate, int partition, int maskBands, int earlyPartitions,
            int hidden, int maxPartitions, long seed) implements ProxyNetwork.ProxyConfig {
        public static final String DESIGN = "reverb-tail";

        public Config {
            if (Integer.bitCount(partition) != 1 || partition < 8 || inputChannels != 1 || conditionSize < 1 || maskBands < 2
                    || earlyPartitions < 0 || hidden < 1 || maxPartitions < 1) {
                throw new IllegalArgumentException("a reverb proxy needs one input channel, a power-of-two partition ≥ 8,"
                        + " conditions, bands and partitions");
            }
        }

        @Override
        public int receptiveField() {
            return 2 * maxPartitions * partition; // causal: the whole impulse response lies before t
        }

        @Override
        public String design() {
            return DESIGN;
        }

        @Override
        public ReverbTailProxy build() {
            return new ReverbTailProxy(this);
        }
    }

    /** One partition's carrier spectrum by (seed, N, j), computed once. */
    private static final Map<List<Long>, double[][]> NOISE = new ConcurrentHashMap<>();

    private final Config config;
    private final FilmLayers mlp;
    private final Linear out;

    public ReverbTailProxy(Config config) {
        this.config = config;
        this.mlp = new FilmLayers(1, 1, List.of(), config.hidden(), this::addChildBlock);
        this.out = addChildBlock("output", Linear.builder().setUnits(outputs()).build());
    }

    @Override
    public Config config() {
        return config;
    }

    private int outputs() {
        return 1 + (2 + config.earlyPartitions()) * config.maskBands();
    }

    private int bins() {
        return config.partition() + 1;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[1].get(0);
        mlp.initialize(manager, dataType, inputShapes[1], new Shape(batch, 1, 1));
        out.initialize(manager, dataType, new Shape(batch, config.hidden()));
        // Every output at zero: dry gain 1, a quiet tail falling at RT60 1.5 s in every band.
        out.getParameters().forEach(p -> p.getValue().getArray().set(new NDIndex("..."), 0f));
    }

    /** inputs: audio [B, 1, T], condition [B, P] → [B, 1, T]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray audio = inputs.get(0);
        NDArray condition = inputs.get(1);
        NDManager m = audio.getManager();
        DataType type = audio.getDataType();
        long batch = audio.getShape().get(0);
        long samples = audio.getShape().get(2);
        int n = config.partition();
        int m2 = config.maskBands();
        int k = bins();
        long frames = (samples + n - 1) / n;
        int partitions = (int) Math.min(frames, config.maxPartitions());

        NDArray raw = out.forward(ps, new NDList(mlp.condition(ps, condition, training)), training).singletonOrThrow();
        NDArray dry = raw.get(new NDIndex(":, 0:1")).add(1).reshape(batch, 1, 1);
        NDArray level = raw.get(new NDIndex(":, 1:{}", 1 + m2)).mul(LOG_SCALE).add(LEVEL_START).expandDims(1); // [B, 1, M]
        NDArray rate = Activation.softPlus(raw.get(new NDIndex(":, {}:{}", 1 + m2, 1 + 2 * m2)).mul(LOG_SCALE).add(RATE_START))
                .expandDims(1);
        double[] times = new double[partitions];
        for (int j = 0; j < partitions; j++) {
            times[j] = (double) j * n / config.sampleRate();
        }
        NDArray logEnvelope = level.sub(rate.mul(SpectralMaskProxy.constant(m, times, type, new Shape(1, partitions, 1))));
        int early = Math.min(partitions, config.earlyPartitions());
        if (early > 0) {
            NDArray offsets = raw.get(new NDIndex(":, {}:", 1 + 2 * m2)).mul(LOG_SCALE)
                    .reshape(batch, config.earlyPartitions(), m2).get(new NDIndex(":, 0:{}, :", early));
            if (early < partitions) {
                offsets = NDArrays.concat(new NDList(offsets, m.zeros(new Shape(batch, partitions - early, m2), type)), 1);
            }
            logEnvelope = logEnvelope.add(offsets);
        }
        NDArray envelope = logEnvelope.matMul(SpectralMaskProxy.constant(m,
                SpectralMaskProxy.interpolation(m2, k, 2 * n, config.sampleRate()), type, new Shape(m2, k))).exp(); // [B, P, K]
        double[][] noise = noiseSpectra(config.seed(), n, partitions);
        NDArray shapedRe = envelope.mul(SpectralMaskProxy.constant(m, noise[0], type, new Shape(1, partitions, k)));
        NDArray shapedIm = envelope.mul(SpectralMaskProxy.constant(m, noise[1], type, new Shape(1, partitions, k)));
        // Shaping the spectrum smears each segment a little past its N samples (both ways, circularly):
        // cut it back to them, so the response is causal and the overlap-save convolution exact.
        SpectralMaskProxy.Dft dft = SpectralMaskProxy.dft(2 * n);
        double[] firstHalf = new double[2 * n];
        java.util.Arrays.fill(firstHalf, 0, n, 1);
        NDArray segments = shapedRe.matMul(SpectralMaskProxy.constant(m, dft.inverseCos(), type, new Shape(k, 2L * n)))
                .add(shapedIm.matMul(SpectralMaskProxy.constant(m, dft.inverseSin(), type, new Shape(k, 2L * n))))
                .mul(SpectralMaskProxy.constant(m, firstHalf, type, new Shape(2L * n)));
        NDArray hRe = segments.matMul(SpectralMaskProxy.constant(m, dft.cos(), type, new Shape(2L * n, k)));
        NDArray hIm = segments.matMul(SpectralMaskProxy.constant(m, dft.sin(), type, new Shape(2L * n, k))).neg();
        NDArray x = audio.get(new NDIndex(":, 0, :"));
        NDArray wet = convolve(x, hRe, hIm, n);
        return new NDList(x.expandDims(1).mul(dry).add(wet.expandDims(1)));
    }

    /**
     * x [B, T] convolved with an impulse response given as its partitions' spectra [B or 1, P, N+1]
     * (partition j = samples jN … (j+1)N−1, each zero-padded to 2N before its DFT): uniformly
     * partitioned overlap-save, the exact linear convolution cut to T samples. [B, T].
     */
    static NDArray convolve(NDArray x, NDArray hRe, NDArray hIm, int n) {
        NDManager m = x.getManager();
        DataType type = x.getDataType();
        long batch = x.getShape().get(0);
        long samples = x.getShape().get(1);
        long count = (samples + n - 1) / n;
        int k = n + 1;
        SpectralMaskProxy.Dft dft = SpectralMaskProxy.dft(2 * n);
        NDArray padded = count * n == samples ? x : NDArrays.concat(new NDList(x, m.zeros(new Shape(batch, count * n - samples), type)), 1);
        NDArray blocks = padded.reshape(batch, count, n);
        NDArray previous = NDArrays.concat(new NDList(m.zeros(new Shape(batch, 1, n), type),
                blocks.get(new NDIndex(":, 0:{}, :", count - 1))), 1);
        NDArray frames = NDArrays.concat(new NDList(previous, blocks), 2); // [B, F, 2N]
        NDArray re = frames.matMul(SpectralMaskProxy.constant(m, dft.cos(), type, new Shape(2L * n, k)));
        NDArray im = frames.matMul(SpectralMaskProxy.constant(m, dft.sin(), type, new Shape(2L * n, k))).neg();
        long partitions = Math.min(count, hRe.getShape().get(1));
        NDArray yRe = null;
        NDArray yIm = null;
        for (int j = 0; j < partitions; j++) {
            NDArray sRe = shift(re, j);
            NDArray sIm = shift(im, j);
            NDArray pRe = hRe.get(new NDIndex(":, {}:{}, :", j, j + 1));
            NDArray pIm = hIm.get(new NDIndex(":, {}:{}, :", j, j + 1));
            NDArray termRe = sRe.mul(pRe).sub(sIm.mul(pIm));
            NDArray termIm = sRe.mul(pIm).add(sIm.mul(pRe));
            yRe = yRe == null ? termRe : yRe.add(termRe);
            yIm = yIm == null ? termIm : yIm.add(termIm);
        }
        NDArray y = yRe.matMul(SpectralMaskProxy.constant(m, dft.inverseCos(), type, new Shape(k, 2L * n)))
                .add(yIm.matMul(SpectralMaskProxy.constant(m, dft.inverseSin(), type, new Shape(k, 2L * n))));
        // Overlap-save: a frame's first half is wrapped around; its second half is the block's output.
        return y.get(new NDIndex(":, :, {}:", n)).reshape(batch, count * n).get(new NDIndex(":, 0:{}", samples));
    }

    /** The frames [B, F, K] delayed by j frames, zeros in front. */
    private static NDArray shift(NDArray spectra, int j) {
        if (j == 0) {
            return spectra;
        }
        Shape s = spectra.getShape();
        NDArray zeros = spectra.getManager().zeros(new Shape(s.get(0), j, s.get(2)), spectra.getDataType());
        return NDArrays.concat(new NDList(zeros, spectra.get(new NDIndex(":, 0:{}, :", s.get(1) - j))), 1);
    }

    /**
     * Real and imaginary parts [P × (N+1)] of the carrier: partition j's N samples of white noise
     * (variance 1/N, so each bin's expected power is 1) from the seed, zero-padded to 2N.
     */
    static double[][] noiseSpectra(long seed, int n, int partitions) {
        int k = n + 1;
        double[] re = new double[partitions * k];
        double[] im = new double[partitions * k];
        for (int j = 0; j < partitions; j++) {
            double[][] row = NOISE.computeIfAbsent(List.of(seed, (long) n, (long) j), key -> partitionNoise(seed, n, key.get(2)));
            System.arraycopy(row[0], 0, re, j * k, k);
            System.arraycopy(row[1], 0, im, j * k, k);
        }
        return new double[][] {re, im};
    }

    private static double[][] partitionNoise(long seed, int n, long j) {
        int k = n + 1;
        SpectralMaskProxy.Dft dft = SpectralMaskProxy.dft(2 * n);
        Random r = new Random(seed * 1_000_003L + j);
        double scale = 1 / Math.sqrt(n);
        double[] re = new double[k];
        double[] im = new double[k];
        for (int i = 0; i < n; i++) {
            double v = r.nextGaussian() * scale;
            for (int b = 0; b < k; b++) {
                re[b] += v * dft.cos()[i * k + b];
                im[b] -= v * dft.sin()[i * k + b];
            }
        }
        return new double[][] {re, im};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape audio = inputShapes[0];
        return new Shape[] {new Shape(audio.get(0), 1, audio.get(2))};
    }
}
