package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyTcn;
import org.unmixer.params.DeviceSettings;

/**
 * A trained neural proxy as the gradient path of a {@link StraightThroughDevice}: every channel is
 * run as one batch item through the TCN, conditioned on θ (differentiable) followed by the fixed
 * switch part of the setting's conditioning vector. The network must be frozen and in float64
 * ({@link #prepare}), so gradients reach θ and the audio without a lossy cast in between.
 */
public final class ProxyGradient implements StraightThroughDevice.GradientPath {
    private final ProxyTcn net;
    private final double[] switches;

    public ProxyGradient(ProxyTcn net, ProxyConditioning conditioning, DeviceSettings settings) {
        if (net.config().conditionSize() != conditioning.size()) {
            throw new IllegalArgumentException("the proxy takes " + net.config().conditionSize() + " conditioning values, "
                    + settings.device().name() + " gives " + conditioning.size());
        }
        if (net.config().inputChannels() != 1) {
            throw new IllegalArgumentException("proxies with side channels (LFO phase) are not chained yet");
        }
        this.net = net;
        float[] all = conditioning.encode(settings);
        int continuous = conditioning.continuous().size();
        this.switches = new double[all.length - continuous];
        for (int i = 0; i < switches.length; i++) {
            switches[i] = all[continuous + i];
        }
    }

    /**
     * A float64 copy of a trained proxy with its weights frozen (inference-time finetuning moves θ
     * only), owned by {@code manager}. A copy, because DJL blocks cannot be cast in place.
     */
    public static ProxyTcn prepare(ProxyTcn trained, NDManager manager) {
        ProxyTcn.Config config = trained.config();
        ProxyTcn net = new ProxyTcn(config);
        net.initialize(manager, DataType.FLOAT64, new Shape(1, config.inputChannels(), 64), new Shape(1, config.conditionSize()));
        var from = trained.getParameters();
        var to = net.getParameters();
        for (int i = 0; i < to.size(); i++) {
            if (!from.get(i).getKey().equals(to.get(i).getKey())) {
                throw new IllegalStateException("parameter " + i + " differs: " + from.get(i).getKey() + " vs " + to.get(i).getKey());
            }
            to.get(i).getValue().getArray().set(new NDIndex("..."), from.get(i).getValue().getArray().toType(DataType.FLOAT64, false));
        }
        net.freezeParameters(true);
        return net;
    }

    @Override
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate) {
        long channels = audio.getShape().get(0);
        long n = audio.getShape().get(1);
        NDArray condition = switches.length == 0 ? theta
                : NDArrays.concat(new NDList(theta, audio.getManager().create(switches)), 0);
        condition = condition.reshape(1, -1).repeat(0, channels);
        NDArray x = audio.reshape(channels, 1, n);
        return net.forward(new ParameterStore(audio.getManager(), false), new NDList(x, condition), false)
                .singletonOrThrow().reshape(channels, n);
    }
}
