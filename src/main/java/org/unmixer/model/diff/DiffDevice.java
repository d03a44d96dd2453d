package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * A device as a differentiable function of its continuous parameters: audio [channels, samples] and
 * θ (normalised, in {@link #parameters()} order) in, audio out (float64). The switches and the
 * parameters left out of θ are fixed by the settings it was made from.
 */
public interface DiffDevice {
    List<ParamSpec> parameters();

    /** θ of {@code settings}, in {@link #parameters()} order. */
    float[] theta(DeviceSettings settings);

    /** @param theta [parameters().size()] float64; null when there are no parameters */
    NDArray apply(NDArray audio, NDArray theta, double sampleRate);

    /** The exact analytic version of a device when there is one (EQ Eight, Saturator). */
    static Optional<DiffDevice> analytic(DeviceSettings settings) {
        return switch (settings.device().name()) {
            case "EQ Eight" -> Optional.of(new AnalyticEqEight(settings));
            case "Saturator" -> Optional.of(new AnalyticSaturator(settings));
            default -> Optional.empty();
        };
    }
}
