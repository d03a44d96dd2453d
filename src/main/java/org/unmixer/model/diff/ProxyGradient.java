package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyNetwork;
import org.unmixer.model.proxy.ProxySideChannels;
import org.unmixer.params.DeviceSettings;

/**
 * A trained neural proxy as the gradient path of a {@link StraightThroughDevice}: every channel is
 * run as one batch item through the network, with its side channels ({@link ProxySideChannels}: the
 * right channel gets its own LFO phase), conditioned on θ (differentiable) followed by the fixed
 * switch part of the setting's conditioning vector. The side channels come from the settings the
 * path was made with (an LFO's rate moving with θ does not move them: they carry no gradient
 * anyway, and the value is the reference's). The network must be frozen and in float64
 * ({@link #prepare}), so gradients reach θ and the audio without a lossy cast in between.
 */
public final class ProxyGradient implements StraightThroughDevice.GradientPath {
    private final ProxyNetwork net;
    private final DeviceSettings settings;
    private final double[] switches;

    public ProxyGradient(ProxyNetwork net, ProxyConditioning conditioning, DeviceSettings settings) {
        if (net.config().conditionSize() != conditioning.size()) {
            throw new IllegalArgumentException("the proxy takes " + net.config().conditionSize() + " conditioning values, "
                    + settings.device().name() + " gives " + conditioning.size());
        }
        if (net.config().inputChannels() != 1 + ProxySideChannels.count(settings.device().name())) {
            throw new IllegalArgumentException("the proxy takes " + (net.config().inputChannels() - 1) + " side channels, "
                    + settings.device().name() + " has " + ProxySideChannels.count(settings.device().name()));
        }
        this.net = net;
        this.settings = settings;
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
    public static ProxyNetwork prepare(ProxyNetwork trained, NDManager manager) {
        ProxyNetwork.ProxyConfig config = trained.config();
        ProxyNetwork net = config.build();
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
        int sides = net.config().inputChannels() - 1;
        if (sides > 0) {
            double[] side = new double[(int) (channels * sides * n)];
            for (int c = 0; c < channels; c++) {
                List<float[]> tracks = ProxySideChannels.of(settings, (int) n, sampleRate, c);
                for (int s = 0; s < sides; s++) {
                    float[] track = tracks.get(s);
                    for (int i = 0; i < n; i++) {
                        side[(int) ((c * sides + s) * n + i)] = track[i];
                    }
                }
            }
            NDArray sideArray = audio.getManager().create(side).reshape(channels, sides, n);
            x = NDArrays.concat(new NDList(x, sideArray.toType(audio.getDataType(), false)), 1);
        }
        return net.forward(new ParameterStore(audio.getManager(), false), new NDList(x, condition), false)
                .singletonOrThrow().reshape(channels, n);
    }
}
