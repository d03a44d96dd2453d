package org.unmixer.model.diff;

import java.util.List;
import java.util.Map;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * {@link DryWetGradient} as a plain-Java adjoint: for out = x + w·(wet − x) with the rest of the
 * device frozen, ∂L/∂w = Σ u·(wet − x) (wet the reference render at 100 %), and the input's
 * gradient passes unchanged.
 */
final class DryWetAdjoint implements DeviceAdjoint {
    private final DeviceSettings fullyWet;
    private final ParamSpec dryWet;
    private final Effect reference;

    DryWetAdjoint(DeviceSettings settings) {
        if (!DryWetGradient.LINEAR_MIX_DEVICES.contains(settings.device().name())) {
            throw new IllegalArgumentException(settings.device().name() + " does not mix Dry/Wet linearly");
        }
        this.dryWet = settings.device().param(DryWetGradient.PARAM);
        this.fullyWet = settings.with(Map.of(DryWetGradient.PARAM, dryWet.max()));
        this.reference = Effects.forDevice(settings.device().name());
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(dryWet);
    }

    @Override
    public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
        double[][] wet = AudioArrays.toDouble(reference.render(AudioArrays.toBuffer(input, sampleRate), fullyWet));
        double sum = 0;
        for (int c = 0; c < input.length; c++) {
            for (int i = 0; i < input[c].length; i++) {
                sum += upstream[c][i] * (wet[c][i] - input[c][i]);
            }
        }
        thetaGradient[0] += sum * DiffTaper.slope(theta[0], dryWet) / dryWet.max();
        return upstream;
    }
}
