package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * Straight-through rendering: a device whose output value is the reference renderer's and whose
 * gradient is a stand-in's, y = ref(x; θ) + g(x; θ) − stopgrad(g(x; θ)).
 *
 * <p>This is how the proxy gap is closed on the value side: the loss that inference-time finetuning
 * sees is the distance of the real device's audio, so a proxy's imitation errors can only bend the
 * direction of a step, never make a step look better than it sounds. The stand-in {@code g} is a
 * neural proxy ({@link ProxyGradient}, which supplies ∂y/∂θ and ∂y/∂x), or, for a device with no
 * differentiable stand-in, the identity in x ({@link #frozen}): its parameters stay as they are and
 * gradients pass it unchanged, so the devices before it can still be refined.
 */
public final class StraightThroughDevice implements DiffDevice {
    /** The differentiable stand-in: audio [channels, samples] and θ in, audio out, all float64. */
    public interface GradientPath {
        NDArray apply(NDArray audio, NDArray theta, double sampleRate);
    }

    private final DeviceSettings settings;
    private final List<ParamSpec> parameters;
    private final GradientPath path;
    private final Effect reference;

    private StraightThroughDevice(DeviceSettings settings, List<ParamSpec> parameters, GradientPath path) {
        this.settings = settings;
        this.parameters = List.copyOf(parameters);
        this.path = path;
        this.reference = Effects.forDevice(settings.device().name());
    }

    /** The reference device with a proxy's gradients for {@code parameters} (the proxy's θ, in its order). */
    public static StraightThroughDevice withGradient(DeviceSettings settings, List<ParamSpec> parameters, GradientPath path) {
        return new StraightThroughDevice(settings, parameters, path);
    }

    /** The reference device with no parameters to refine and an identity gradient. */
    public static StraightThroughDevice frozen(DeviceSettings settings) {
        return new StraightThroughDevice(settings, List.of(), null);
    }

    @Override
    public List<ParamSpec> parameters() {
        return parameters;
    }

    @Override
    public float[] theta(DeviceSettings s) {
        float[] t = new float[parameters.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) s.normalized(parameters.get(i).name());
        }
        return t;
    }

    @Override
    public NDArray apply(NDArray input, NDArray theta, double sampleRate) {
        NDArray audio = DiffBiquads.toFloat64(input);
        DeviceSettings s = settings;
        if (!parameters.isEmpty()) {
            double[] th = theta.toDoubleArray();
            for (int i = 0; i < th.length; i++) {
                s = s.withNormalized(parameters.get(i).name(), th[i]);
            }
        }
        NDArray ref = ReferenceRender.render(reference, audio, s, sampleRate);
        NDArray g = path == null ? audio : path.apply(audio, theta, sampleRate);
        return ref.add(g.sub(g.stopGradient()));
    }
}
