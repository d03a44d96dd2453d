package org.unmixer.model.diff;

import java.util.List;
import java.util.Map;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * {@link OutputGainGradient} as a plain-Java adjoint: for out = 10^(dB/20)·core(x) with the rest of
 * the device frozen, ∂L/∂dB = Σ u·core·10^(dB/20)·ln10/20 (core the reference render at 0 dB), and
 * the input's gradient passes unchanged.
 */
final class OutputGainAdjoint implements DeviceAdjoint {
    private final DeviceSettings atUnity;
    private final ParamSpec gain;
    private final Effect reference;

    OutputGainAdjoint(DeviceSettings settings) {
        String name = OutputGainGradient.OUTPUT_GAINS.get(settings.device().name());
        if (name == null) {
            throw new IllegalArgumentException(settings.device().name() + " has no plain output gain");
        }
        this.gain = settings.device().param(name);
        this.atUnity = settings.with(Map.of(name, 0.0));
        this.reference = Effects.forDevice(settings.device().name());
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(gain);
    }

    @Override
    public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
        double[][] core = AudioArrays.toDouble(reference.render(AudioArrays.toBuffer(input, sampleRate), atUnity));
        double linear = Math.exp(DiffTaper.display(theta[0], gain) * Math.log(10) / 20);
        thetaGradient[0] += AudioArrays.dot(upstream, core) * linear * Math.log(10) / 20 * DiffTaper.slope(theta[0], gain);
        return upstream;
    }

    /** y = gain·core, so ⟨u, core⟩·gain is ⟨u, y⟩: no render. */
    @Override
    public double[][] pullBack(double[][] input, double[][] output, double[] theta, double sampleRate, double[][] upstream,
            double[] thetaGradient) {
        thetaGradient[0] += AudioArrays.dot(upstream, output) * Math.log(10) / 20 * DiffTaper.slope(theta[0], gain);
        return upstream;
    }
}
