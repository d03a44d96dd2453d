package org.unmixer.model.diff;

import java.util.List;
import java.util.Optional;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The plain-Java adjoint of the stand-in {@link DiffDevices#forSettings} chooses for a device, where
 * there is one: every kind but a neural proxy, whose network runs in DJL.
 */
final class DeviceAdjoints {
    private DeviceAdjoints() {
    }

    /** A frozen device: no parameters, gradients pass unchanged. */
    static final DeviceAdjoint IDENTITY = new DeviceAdjoint() {
        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
            return upstream;
        }
    };

    static Optional<DeviceAdjoint> forSettings(DeviceSettings settings, DiffDevices diff) {
        return switch (diff.kind(settings)) {
            case ANALYTIC -> analytic(settings);
            case PROXY -> Optional.empty();
            case DRY_WET -> Optional.of(new DryWetAdjoint(settings));
            case OUTPUT_GAIN -> Optional.of(new OutputGainAdjoint(settings));
            case FROZEN -> Optional.of(IDENTITY);
            case SECANT -> Optional.of(new SecantAdjoint(settings, exact(settings, diff), SECANT_SEED + settings.device().name().hashCode()));
        };
    }

    private static final long SECANT_SEED = 0x5ECA17L;

    /** The exact mix or level adjoint a {@link SecantAdjoint} keeps for its device. */
    private static DeviceAdjoint exact(DeviceSettings settings, DiffDevices diff) {
        return switch (diff.ndArrayKind(settings)) {
            case DRY_WET -> new DryWetAdjoint(settings);
            case OUTPUT_GAIN -> new OutputGainAdjoint(settings);
            default -> IDENTITY;
        };
    }

    private static Optional<DeviceAdjoint> analytic(DeviceSettings settings) {
        return switch (settings.device().name()) {
            case "EQ Eight" -> Optional.of(new EqEightAdjoint(settings));
            case "Saturator" -> Optional.of(new SaturatorAdjoint(settings));
            default -> Optional.empty();
        };
    }
}
