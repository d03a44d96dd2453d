package org.unmixer.model.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A neural proxy of one effect: a temporal convolutional network (non-causal dilated 1-D
 * convolutions, as the effects it imitates may look ahead: Saturator's zero-phase oversampling
 * filters) whose every layer is FiLM-conditioned on the effect's normalised parameters.
 *
 * <pre>
 * condition [B, P] ─ MLP ─┬─ γ₁, β₁ … γ_L, β_L
 * audio [B, I, T] ─ 1×1 ─ h ─ L × ( h + 1×1( silu( γ_l ⊙ conv_dilated(h) + β_l ) ) ) ─ 1×1 ─ + audio[:, 0] ─ [B, 1, T]
 * </pre>
 *
 * The output adds the input's first channel (the signal; further input channels carry side
 * information such as an LFO's phase) and its last layer starts at zero, so an untrained proxy is
 * the identity, which is where many settings of an effect are. Receptive field: 1 + (kernel − 1)·Σ dilations samples.
 */
public final class ProxyTcn extends AbstractBlock implements ProxyNetwork {
    /**
     * @param inputChannels the signal plus side channels (LFO sin/cos, …)
     * @param conditionSize number of conditioning values (normalised parameters, channel flags)
     * @param channels width of every layer
     * @param kernel kernel size, odd
     * @param dilations one per layer
     * @param conditionHidden width of the conditioning MLP
     */
    public record Config(int inputChannels, int conditionSize, int channels, int kernel, List<Integer> dilations,
            int conditionHidden) implements ProxyNetwork.ProxyConfig {
        /** Its name in a saved proxy. */
        public static final String DESIGN = "tcn";

        public Config {
            if (kernel % 2 == 0 || kernel < 1) {
                throw new IllegalArgumentException("kernel must be odd, got " + kernel);
            }
            dilations = List.copyOf(dilations);
            if (dilations.isEmpty() || inputChannels < 1 || conditionSize < 1 || channels < 1 || conditionHidden < 1) {
                throw new IllegalArgumentException("a proxy needs layers, inputs, conditions and channels");
            }
        }

        /** Samples the output at t depends on, centred on t. */
        @Override
        public int receptiveField() {
            return 1 + (kernel - 1) * dilations.stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String design() {
            return DESIGN;
        }

        @Override
        public ProxyTcn build() {
            return new ProxyTcn(this);
        }
    }

    private final Config config;
    private final Conv1d input;
    private final Linear conditionIn;
    private final Linear conditionMid;
    private final List<Conv1d> dilated = new ArrayList<>();
    private final List<Linear> film = new ArrayList<>();
    private final List<Conv1d> mix = new ArrayList<>();
    private final Conv1d output;

    public ProxyTcn(Config config) {
        this.config = config;
        this.input = addChildBlock("input", pointwise(config.channels()));
        this.conditionIn = addChildBlock("condition_in", Linear.builder().setUnits(config.conditionHidden()).build());
        this.conditionMid = addChildBlock("condition_mid", Linear.builder().setUnits(config.conditionHidden()).build());
        for (int l = 0; l < config.dilations().size(); l++) {
            int d = config.dilations().get(l);
            dilated.add(addChildBlock(String.format("layer%02d_conv", l), Conv1d.builder().setFilters(config.channels())
                    .setKernelShape(new Shape(config.kernel())).optDilation(new Shape(d))
                    .optPadding(new Shape((long) d * (config.kernel() - 1) / 2)).build()));
            film.add(addChildBlock(String.format("layer%02d_film", l), Linear.builder().setUnits(2L * config.channels()).build()));
            mix.add(addChildBlock(String.format("layer%02d_mix", l), pointwise(config.channels())));
        }
        this.output = addChildBlock("output", pointwise(1));
    }

    private static Conv1d pointwise(int filters) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(1)).build();
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape audio = inputShapes[0];
        long batch = audio.get(0);
        long time = audio.get(2);
        Shape hidden = new Shape(batch, config.channels(), time);
        input.initialize(manager, dataType, audio);
        conditionIn.initialize(manager, dataType, inputShapes[1]);
        conditionMid.initialize(manager, dataType, new Shape(batch, config.conditionHidden()));
        for (int l = 0; l < dilated.size(); l++) {
            dilated.get(l).initialize(manager, dataType, hidden);
            film.get(l).initialize(manager, dataType, new Shape(batch, config.conditionHidden()));
            mix.get(l).initialize(manager, dataType, hidden);
        }
        output.initialize(manager, dataType, hidden);
        // The output layer starts at zero, so an untrained proxy is exactly the identity (the
        // residual path): training starts from "the effect does nothing", not from noise.
        output.getParameters().forEach(p -> p.getValue().getArray().set(new NDIndex("..."), 0f));
    }

    /** inputs: audio [B, I, T], condition [B, P] → [B, 1, T]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray audio = inputs.get(0);
        NDArray condition = inputs.get(1);
        NDArray c = silu(conditionIn.forward(ps, new NDList(condition), training).singletonOrThrow());
        c = silu(conditionMid.forward(ps, new NDList(c), training).singletonOrThrow());
        NDArray h = input.forward(ps, new NDList(audio), training).singletonOrThrow();
        int channels = config.channels();
        for (int l = 0; l < dilated.size(); l++) {
            NDArray gb = film.get(l).forward(ps, new NDList(c), training).singletonOrThrow();
            NDArray gamma = gb.get(new NDIndex(":, 0:{}", channels)).add(1).expandDims(2); // γ around 1
            NDArray beta = gb.get(new NDIndex(":, {}:", channels)).expandDims(2);
            NDArray z = dilated.get(l).forward(ps, new NDList(h), training).singletonOrThrow().mul(gamma).add(beta);
            h = h.add(mix.get(l).forward(ps, new NDList(silu(z)), training).singletonOrThrow());
        }
        NDArray y = output.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(y.add(audio.get(new NDIndex(":, 0:1, :"))));
    }

    /**
     * swish with β = 1, x·σ(x), without a Number constant: DJL's {@code Activation.swish(x, β)}
     * multiplies by β through a borrowed buffer that autograd may read after it is freed (see
     * {@link org.unmixer.model.Scalars}).
     */
    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape audio = inputShapes[0];
        return new Shape[] {new Shape(audio.get(0), 1, audio.get(2))};
    }
}
