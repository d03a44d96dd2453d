package org.unmixer.model.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The part both proxy designs share: an MLP on the conditioning vector, and a stack of residual
 * dilated 1-D convolutions, each FiLM-modulated by it —
 * {@code h ← h + 1×1(silu(γ_l ⊙ conv_dilated(h) + β_l))}. Its layers are registered with the owning
 * block (not a child block of its own), so the owners' parameter names and order — and with them
 * the saved proxies — stay as they were.
 */
final class FilmLayers {
    private final int channels;
    private final int conditionHidden;
    private final Linear conditionIn;
    private final Linear conditionMid;
    private final List<Conv1d> dilated = new ArrayList<>();
    private final List<Linear> film = new ArrayList<>();
    private final List<Conv1d> mix = new ArrayList<>();

    /**
     * @param add the owner's {@code addChildBlock}
     */
    FilmLayers(int channels, int kernel, List<Integer> dilations, int conditionHidden, BiFunction<String, Block, Block> add) {
        this.channels = channels;
        this.conditionHidden = conditionHidden;
        this.conditionIn = (Linear) add.apply("condition_in", Linear.builder().setUnits(conditionHidden).build());
        this.conditionMid = (Linear) add.apply("condition_mid", Linear.builder().setUnits(conditionHidden).build());
        for (int l = 0; l < dilations.size(); l++) {
            int d = dilations.get(l);
            dilated.add((Conv1d) add.apply(String.format("layer%02d_conv", l), Conv1d.builder().setFilters(channels)
                    .setKernelShape(new Shape(kernel)).optDilation(new Shape(d))
                    .optPadding(new Shape((long) d * (kernel - 1) / 2)).build()));
            film.add((Linear) add.apply(String.format("layer%02d_film", l), Linear.builder().setUnits(2L * channels).build()));
            mix.add((Conv1d) add.apply(String.format("layer%02d_mix", l), pointwise(channels)));
        }
    }

    static Conv1d pointwise(int filters) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(1)).build();
    }

    /**
     * @param condition the conditioning vector's shape [B, P]
     * @param hidden the stack's shape [B, channels, T]
     */
    void initialize(NDManager manager, DataType dataType, Shape condition, Shape hidden) {
        long batch = condition.get(0);
        conditionIn.initialize(manager, dataType, condition);
        conditionMid.initialize(manager, dataType, new Shape(batch, conditionHidden));
        for (int l = 0; l < dilated.size(); l++) {
            dilated.get(l).initialize(manager, dataType, hidden);
            film.get(l).initialize(manager, dataType, new Shape(batch, conditionHidden));
            mix.get(l).initialize(manager, dataType, hidden);
        }
    }

    /** The condition's embedding [B, conditionHidden]. */
    NDArray condition(ParameterStore ps, NDArray condition, boolean training) {
        NDArray c = silu(conditionIn.forward(ps, new NDList(condition), training).singletonOrThrow());
        return silu(conditionMid.forward(ps, new NDList(c), training).singletonOrThrow());
    }

    /** The conditioning MLP's parameters. */
    ai.djl.nn.ParameterList conditionParameters() {
        ai.djl.nn.ParameterList out = new ai.djl.nn.ParameterList();
        conditionIn.getParameters().forEach(p -> out.add(p.getKey(), p.getValue()));
        conditionMid.getParameters().forEach(p -> out.add(p.getKey(), p.getValue()));
        return out;
    }

    /** h [B, channels, T] through the stack, modulated by the embedding c. */
    NDArray forward(ParameterStore ps, NDArray h, NDArray c, boolean training) {
        for (int l = 0; l < dilated.size(); l++) {
            NDArray gb = film.get(l).forward(ps, new NDList(c), training).singletonOrThrow();
            NDArray gamma = gb.get(new NDIndex(":, 0:{}", channels)).add(1).expandDims(2); // γ around 1
            NDArray beta = gb.get(new NDIndex(":, {}:", channels)).expandDims(2);
            NDArray z = dilated.get(l).forward(ps, new NDList(h), training).singletonOrThrow().mul(gamma).add(beta);
            h = h.add(mix.get(l).forward(ps, new NDList(silu(z)), training).singletonOrThrow());
        }
        return h;
    }

    /**
     * swish with β = 1, x·σ(x), without a Number constant: DJL's {@code Activation.swish(x, β)}
     * multiplies by β through a borrowed buffer that autograd may read after it is freed (see
     * {@link org.unmixer.model.Scalars}).
     */
    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}
