package org.unmixer.model.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
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
        public double timeWeight() {
            return 1.0;
        }

        @Override
        public ProxyTcn build() {
            return new ProxyTcn(this);
        }
    }

    private final Config config;
    private final Conv1d input;
    private final FilmLayers layers;
    private final Conv1d output;

    public ProxyTcn(Config config) {
        this.config = config;
        this.input = addChildBlock("input", FilmLayers.pointwise(config.channels()));
        this.layers = new FilmLayers(config.channels(), config.kernel(), config.dilations(), config.conditionHidden(), this::addChildBlock);
        this.output = addChildBlock("output", FilmLayers.pointwise(1));
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
        layers.initialize(manager, dataType, inputShapes[1], hidden);
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
        NDArray c = layers.condition(ps, condition, training);
        NDArray h = layers.forward(ps, input.forward(ps, new NDList(audio), training).singletonOrThrow(), c, training);
        NDArray y = output.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(y.add(audio.get(new NDIndex(":, 0:1, :"))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape audio = inputShapes[0];
        return new Shape[] {new Shape(audio.get(0), 1, audio.get(2))};
    }
}
