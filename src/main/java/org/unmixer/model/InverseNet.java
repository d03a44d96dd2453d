package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.unmixer.model.hyperbolic.PoincareBall;

/**
 * The inverse model F as one DJL block: features → encoder → z, and from z the three heads — the
 * mixture density head (continuous targets), the classifier head (discrete targets), the chain
 * decoder's initial state and the presence head (one logit per effect: is it in the chain?). The
 * decoder's recurrence runs outside {@code forward} (teacher-forced in training, beam search at
 * inference) through {@link #decoder()}.
 *
 * <p>Why a presence head beside the decoder: the decoder learns presence only through the order of
 * tokens, a weak and tangled signal; in the first shipped model a linear probe on z found presence
 * better (macro-F1 0.76) than the decoder's chains did (0.67). Supervising presence directly
 * teaches the encoder to hear each effect, and at inference the decoder only has to order the set
 * the presence head picked ({@link ChainDecoder#rankChains}).
 *
 * <p>Forward: {features [B, mels + 1, T]} → {z [B, E], mdn raw [B, P·3·K], class logits [B, C], h₀ [B, H],
 * presence logits [B, effects]}.
 */
public final class InverseNet extends AbstractBlock {
    private final ModelConfig config;
    private final OutputLayout layout;
    private final SequentialBlock encoder;
    private final SequentialBlock mdn;
    private final SequentialBlock classifier;
    private final ChainDecoder decoder;
    private final SequentialBlock presence;

    public InverseNet(ModelConfig config, OutputLayout layout) {
        this.config = config;
        this.layout = layout;
        this.encoder = addChildBlock("encoder", Encoder.build(config));
        this.mdn = addChildBlock("mdn", head(config.headHidden(), layout.continuous().size() * 3 * config.mdnComponents()));
        this.classifier = addChildBlock("classifier", head(config.headHidden(), layout.classCount()));
        PoincareBall ball = config.hyperbolic() ? new PoincareBall(config.curvature()) : null;
        this.decoder = addChildBlock("decoder",
                new ChainDecoder(layout.effects().size(), config.decoderHidden(), config.tokenDim(), 8, ball));
        this.presence = addChildBlock("presence", head(config.headHidden(), layout.effects().size()));
    }

    private static SequentialBlock head(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(out).build());
    }

    /** The mixture head alone on embeddings z [B, E]: the raw mixture parameters [B, P·3·K] (no state, no dropout). */
    public NDArray mixtureHead(ParameterStore ps, NDArray z, boolean training) {
        return mdn.forward(ps, new NDList(z), training).singletonOrThrow();
    }

    public ModelConfig config() {
        return config;
    }

    public OutputLayout layout() {
        return layout;
    }

    public ChainDecoder decoder() {
        return decoder;
    }

    /** The input shape for a batch of {@code batch}. */
    public Shape inputShape(long batch) {
        return new Shape(batch, config.mels() + 1, config.frames());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        Shape z = new Shape(inputShapes[0].get(0), config.embedding());
        mdn.initialize(manager, dataType, z);
        classifier.initialize(manager, dataType, z);
        decoder.initialize(manager, dataType, z);
        presence.initialize(manager, dataType, z);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray z = encoder.forward(ps, inputs, training).singletonOrThrow();
        NDList zl = new NDList(z);
        return new NDList(z,
                mdn.forward(ps, zl, training).singletonOrThrow(),
                classifier.forward(ps, zl, training).singletonOrThrow(),
                decoder.forward(ps, zl, training).singletonOrThrow(),
                presence.forward(ps, zl, training).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, config.embedding()),
                new Shape(b, (long) layout.continuous().size() * 3 * config.mdnComponents()),
                new Shape(b, layout.classCount()), new Shape(b, config.decoderHidden()),
                new Shape(b, layout.effects().size())};
    }
}
