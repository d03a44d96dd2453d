package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.model.Scalars;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The exact gradient of a device's final output gain in dB, out = 10^(dB/20)·core(x) (Multiband
 * Dynamics' Master Output): g(x, θ) = x − stopgrad(x) + core(x)·10^(dB(θ)/20), with core(x) the
 * reference device's render at 0 dB. The rest of the device stays frozen and passes gradients to
 * its input unchanged. Used as the gradient path of a {@link StraightThroughDevice} whose only
 * parameter is that gain.
 */
public final class OutputGainGradient implements StraightThroughDevice.GradientPath {
    /** Device → its final output gain parameter, where the reference applies it as a plain gain. */
    public static final Map<String, String> OUTPUT_GAINS = Map.of("Multiband Dynamics", "Master Output");

    private final DeviceSettings atUnity;
    private final ParamSpec gain;
    private final Effect reference;

    public OutputGainGradient(DeviceSettings settings) {
        String name = OUTPUT_GAINS.get(settings.device().name());
        if (name == null) {
            throw new IllegalArgumentException(settings.device().name() + " has no plain output gain");
        }
        this.gain = settings.device().param(name);
        this.atUnity = settings.with(Map.of(name, 0.0));
        this.reference = Effects.forDevice(settings.device().name());
    }

    public ParamSpec parameter() {
        return gain;
    }

    @Override
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate) {
        NDArray core = ReferenceRender.render(reference, audio, atUnity, sampleRate);
        NDArray linear = Scalars.mul(DiffTaper.toDisplay(theta.get(0), gain), Math.log(10) / 20).exp();
        return audio.sub(audio.stopGradient()).add(core.mul(linear));
    }
}
