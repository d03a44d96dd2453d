package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The encoder's optional front: two 3×3 convolutions over the (mel band, frame) plane, each halving
 * the band axis, with batch normalisation and ReLU; the F feature maps of ⌈mels/4⌉ bands are then
 * stacked as F·⌈mels/4⌉ channels for the 1-D convolutions over time, and the time-ramp channel is
 * passed through.
 *
 * <p>Why: a 1-D convolution with mel bands as channels sees each band as a separate input, so a
 * pattern that moves with the note (the harmonics a Saturator adds, a phaser's notches) must be
 * learnt at every pitch anew. Small kernels sliding along the band axis learn it once. In
 * experiments on the full-chain data the presence head's macro-F1 rose with the stem (see the model
 * card).
 *
 * <p>[B, mels + 1, T] → [B, F·⌈⌈mels/2⌉/2⌉ + 1, T].
 */
public final class SpectrogramStem extends AbstractBlock {
    private final int mels;
    private final int filters;
    private final SequentialBlock convs;

    public SpectrogramStem(int mels, int filters) {
        this.mels = mels;
        this.filters = filters;
        this.convs = addChildBlock("convs", new SequentialBlock()
                .add(conv(filters)).add(BatchNorm.builder().optAxis(1).build()).add(Activation.reluBlock())
                .add(conv(filters)).add(BatchNorm.builder().optAxis(1).build()).add(Activation.reluBlock()));
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                .optStride(new Shape(2, 1)).optPadding(new Shape(1, 1)).build();
    }

    /** Bands left after the two halvings. */
    static int bandsOut(int mels) {
        return ((mels + 1) / 2 + 1) / 2;
    }

    /** Channels of the output: the stacked feature maps plus the ramp. */
    public int channelsOut() {
        return filters * bandsOut(mels) + 1;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        convs.initialize(manager, dataType, new Shape(in.get(0), 1, mels, in.get(2)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        long frames = x.getShape().get(2);
        NDArray bands = x.get(new NDIndex(":, 0:{}, :", mels)).reshape(batch, 1, mels, frames);
        NDArray ramp = x.get(new NDIndex(":, {}:, :", mels));
        NDArray maps = convs.forward(ps, new NDList(bands), training).singletonOrThrow();
        NDArray stacked = maps.reshape(batch, (long) filters * bandsOut(mels), frames);
        return new NDList(stacked.concat(ramp, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channelsOut(), in.get(2))};
    }
}
