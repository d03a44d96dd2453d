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
 * gradient passes unchanged. Given the forward pass's output y (the mix at w), wet − x is (y − x)/w and
 * no render is needed; below {@link #SMALLEST_MIX_TO_DIVIDE_BY} the float rounding of y would be
 * magnified too much, and the device is rendered fully wet instead.
 */
final class DryWetAdjoint implements DeviceAdjoint {
    static final double SMALLEST_MIX_TO_DIVIDE_BY = 0.05;

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

    @Override
    public double[][] pullBack(double[][] input, double[][] output, double[] theta, double sampleRate, double[][] upstream,
            double[] thetaGradient) {
        double mix = DiffTaper.display(theta[0], dryWet) / dryWet.max();
        if (mix < SMALLEST_MIX_TO_DIVIDE_BY) {
            return pullBack(input, theta, sampleRate, upstream, thetaGradient);
        }
        // Σ u·(wet − x) = Σ u·(y − x) / w
        double sum = 0;
        for (int c = 0; c < input.length; c++) {
            for (int i = 0; i < input[c].length; i++) {
                sum += upstream[c][i] * (output[c][i] - input[c][i]);
            }
        }
        thetaGradient[0] += sum / mix * DiffTaper.slope(theta[0], dryWet) / dryWet.max();
        return upstream;
    }
}
