package org.unmixer.model.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * Gradients for the settings of a device with no differentiable version (Reverb, Phaser-Flanger,
 * Multiband Dynamics), taken from the reference device itself by simultaneous perturbation (SPSA):
 * each call renders the device twice, at θ + hδ and θ − hδ for a random δ ∈ {±1}ᵈ, and with the
 * upstream gradient u at the device's output the directional derivative of the loss along δ is
 * ⟨u, y₊ − y₋⟩ / 2h — no distance needs evaluating, the backward pass already has u. The estimate
 * gᵢ = δᵢ·⟨u, y₊ − y₋⟩ / 2h is unbiased to first order; Adam's moving averages smooth its noise
 * over the steps. A secant of width 2h rather than a derivative also steps over the settings whose
 * effect moves in whole samples (Predelay, Room Size).
 *
 * <p>The device's plain mix or level parameter (Dry/Wet, Master Output) keeps its exact gradient
 * ({@link DryWetAdjoint}, {@link OutputGainAdjoint}) and comes first in θ. Gradients pass to the
 * input unchanged, as for a frozen device. Deterministic: δ comes from a seeded generator, one draw
 * per call.
 */
final class SecantAdjoint implements DeviceAdjoint {
    /** The settings perturbed, per device: those the producer sampling ranges vary (assets/datasets/sampling-ranges.json). */
    static final Map<String, List<String>> PERTURBED = Map.of(
            "Reverb", List.of("Predelay", "In Filter Freq", "HiFilter Freq", "Decay Time", "Room Size", "Reflect Level", "Diffuse Level"),
            "Phaser-Flanger", List.of("Center Freq", "Feedback", "Mod Freq"),
            "Multiband Dynamics", List.of("Amount", "Time Scaling"));

    /** Half-width of the secant in normalised θ. */
    static final double STEP = 0.02;

    private final DeviceSettings settings;
    private final DeviceAdjoint exact;
    private final List<ParamSpec> parameters;
    private final Effect reference;
    private final SplittableRandom random;

    SecantAdjoint(DeviceSettings settings, DeviceAdjoint exact, long seed) {
        List<String> names = PERTURBED.get(settings.device().name());
        if (names == null) {
            throw new IllegalArgumentException("no secant gradients for " + settings.device().name());
        }
        this.settings = settings;
        this.exact = exact;
        List<ParamSpec> all = new ArrayList<>(exact.parameters());
        for (String name : names) {
            all.add(settings.device().param(name));
        }
        this.parameters = List.copyOf(all);
        this.reference = Effects.forDevice(settings.device().name());
        this.random = new SplittableRandom(seed);
    }

    /** Whether the device has settings this can give gradients to. */
    static boolean covers(DeviceSettings settings) {
        return PERTURBED.containsKey(settings.device().name());
    }

    @Override
    public List<ParamSpec> parameters() {
        return parameters;
    }

    @Override
    public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
        return pullBack(input, null, theta, sampleRate, upstream, thetaGradient);
    }

    /** With {@code output} (may be null) passed on to the mix or level's exact adjoint. */
    @Override
    public double[][] pullBack(double[][] input, double[][] output, double[] theta, double sampleRate, double[][] upstream,
            double[] thetaGradient) {
        int fixed = exact.parameters().size();
        double[] exactGradient = new double[fixed];
        double[] exactTheta = java.util.Arrays.copyOf(theta, fixed);
        if (output == null) {
            exact.pullBack(input, exactTheta, sampleRate, upstream, exactGradient);
        } else {
            exact.pullBack(input, output, exactTheta, sampleRate, upstream, exactGradient);
        }
        for (int i = 0; i < fixed; i++) {
            thetaGradient[i] += exactGradient[i];
        }
        DeviceSettings plus = settings;
        DeviceSettings minus = settings;
        for (int i = 0; i < fixed; i++) {
            plus = plus.withNormalized(parameters.get(i).name(), theta[i]);
            minus = minus.withNormalized(parameters.get(i).name(), theta[i]);
        }
        int[] sign = new int[parameters.size()];
        for (int i = fixed; i < parameters.size(); i++) {
            sign[i] = random.nextBoolean() ? 1 : -1;
            // The secant's centre is kept h inside [0, 1], so both ends are valid settings and 2h apart.
            double centre = Math.min(1 - STEP, Math.max(STEP, theta[i]));
            plus = plus.withNormalized(parameters.get(i).name(), centre + STEP * sign[i]);
            minus = minus.withNormalized(parameters.get(i).name(), centre - STEP * sign[i]);
        }
        AudioBuffer in = AudioArrays.toBuffer(input, sampleRate);
        DeviceSettings up = plus;
        CompletableFuture<AudioBuffer> rendered = CompletableFuture.supplyAsync(() -> reference.render(in, up));
        double[][] low = AudioArrays.toDouble(reference.render(in, minus));
        double[][] high = AudioArrays.toDouble(rendered.join());
        double slope = (AudioArrays.dot(upstream, high) - AudioArrays.dot(upstream, low)) / (2 * STEP);
        for (int i = fixed; i < parameters.size(); i++) {
            thetaGradient[i] += sign[i] * slope;
        }
        return upstream;
    }
}
