package org.unmixer.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The audio encoder: log-mel frames [B, mels + 1, T] (mel bands as channels, plus a time-ramp
 * channel) → z [B, embedding]. Optionally first a small 2-D stem over (band, frame)
 * ({@link SpectrogramStem}) whose feature maps become the channels; then five 1-D convolutions over time with batch normalisation and ReLU,
 * two of them strided (T → T/4), then global average pooling over time and a linear layer. z is
 * linear on purpose: with a ReLU there, 94 % of its units were dead in the first full training run
 * and every head starved.
 *
 * <p>Why the ramp channel: global average pooling forgets where in time a feature happened; with
 * a channel that rises 0 → 1 over the input the convolutions can weight features by their
 * position, so envelope shape (attack, gate, reverb tail) survives the pooling.
 */
public final class Encoder {
    private Encoder() {
    }

    public static SequentialBlock build(ModelConfig c) {
        int w = c.channels();
        SequentialBlock encoder = new SequentialBlock();
        if (c.stemFilters() > 0) {
            encoder.add(new SpectrogramStem(c.mels(), c.stemFilters()));
        }
        return encoder
                .add(conv(w, 5, 1)).add(norm()).add(Activation.reluBlock())
                .add(conv(w, 3, 2)).add(norm()).add(Activation.reluBlock())
                .add(conv(w, 3, 1)).add(norm()).add(Activation.reluBlock())
                .add(conv(2 * w, 3, 2)).add(norm()).add(Activation.reluBlock())
                .add(conv(2 * w, 3, 1)).add(norm()).add(Activation.reluBlock())
                .add(Pool.globalAvgPool1dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(c.embedding()).build());
    }

    private static Conv1d conv(int filters, int kernel, int stride) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(kernel))
                .optStride(new Shape(stride)).optPadding(new Shape(kernel / 2)).build();
    }

    private static BatchNorm norm() {
        return BatchNorm.builder().optAxis(1).build();
    }
}
