package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import java.util.Set;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.model.Scalars;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The exact gradient of a device's Dry/Wet where the device mixes linearly, out = x + w·(wet − x)
 * (Reverb and Phaser-Flanger do): g(x, w) = x + w·stopgrad(wet − x), with wet the reference device's
 * render at 100 % wet. So ∂out/∂w = wet − x exactly, while the rest of the device stays frozen and
 * passes gradients to its input unchanged (∂g/∂x = I, as for a frozen device). Used as the gradient
 * path of a {@link StraightThroughDevice} whose only parameter is Dry/Wet.
 */
public final class DryWetGradient implements StraightThroughDevice.GradientPath {
    /** The devices whose Dry/Wet is a linear crossfade in the reference renderer. */
    public static final Set<String> LINEAR_MIX_DEVICES = Set.of("Reverb", "Phaser-Flanger");
    public static final String PARAM = "Dry/Wet";

    private final DeviceSettings fullyWet;
    private final ParamSpec dryWet;
    private final Effect reference;

    public DryWetGradient(DeviceSettings settings) {
        if (!LINEAR_MIX_DEVICES.contains(settings.device().name())) {
            throw new IllegalArgumentException(settings.device().name() + " does not mix Dry/Wet linearly");
        }
        this.dryWet = settings.device().param(PARAM);
        this.fullyWet = settings.with(java.util.Map.of(PARAM, dryWet.max()));
        this.reference = Effects.forDevice(settings.device().name());
    }

    public ParamSpec parameter() {
        return dryWet;
    }

    @Override
    public NDArray apply(NDArray audio, NDArray theta, double sampleRate) {
        NDArray wet = ReferenceRender.render(reference, audio, fullyWet, sampleRate);
        NDArray difference = wet.sub(audio.stopGradient());
        NDArray mix = Scalars.div(DiffTaper.toDisplay(theta.get(0), dryWet), dryWet.max());
        return audio.add(difference.mul(mix));
    }
}
