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
 * for a random δ ∈ {±1}ᵈ the device is rendered once more, at θ + wδ, and with y its output at θ
 * (which the forward pass rendered anyway) and the upstream gradient u at its output, the
 * directional derivative of the loss along δ is ⟨u, y₊ − y⟩ / w — no distance needs evaluating,
 * the backward pass already has u. The estimate gᵢ = δᵢ·⟨u, y₊ − y⟩ / w is unbiased to first order
 * and, δ's odd moments being zero, its second-order term averages out too; Adam's moving averages
 * smooth its noise over the steps. A secant of width w rather than a derivative also steps over the
 * settings whose effect moves in whole samples (Predelay, Room Size). Where θᵢ + wδᵢ would leave
 * [0, 1], δᵢ is turned round.
 *
 * <p>The extra render needs only the device's input, so {@link #forwardInput} starts it while the
 * forward pass renders the device itself and the rest of the chain (a serial stretch that leaves the
 * second core idle); {@link #pullBack} collects it.
 *
 * <p>The device's plain mix or level parameter (Dry/Wet, Master Output) keeps its exact gradient
 * ({@link DryWetAdjoint}, {@link OutputGainAdjoint}) and comes first in θ; it needs the forward
 * output, which holds the perturbed settings at their current θ (without it, or below 5 % Dry/Wet,
 * DryWetAdjoint renders the device with the settings it was made with). Gradients pass to the
 * input unchanged, as for a frozen device. Deterministic: δ comes from a seeded generator, one draw
 * per call.
 */
final class SecantAdjoint implements DeviceAdjoint {
    /** The settings perturbed, per device: those the producer sampling ranges vary (assets/datasets/sampling-ranges.json). */
    static final Map<String, List<String>> PERTURBED = Map.of(
            "Reverb", List.of("Predelay", "In Filter Freq", "HiFilter Freq", "Decay Time", "Room Size", "Reflect Level", "Diffuse Level"),
            "Phaser-Flanger", List.of("Center Freq", "Feedback", "Mod Freq"),
            "Multiband Dynamics", List.of("Amount", "Time Scaling"));

    /** Width of the secant in normalised θ. */
    static final double WIDTH = 0.04;

    private final DeviceSettings settings;
    private final DeviceAdjoint exact;
    private final List<ParamSpec> parameters;
    private final Effect reference;
    private final SplittableRandom random;
    /** The render at θ + wδ started by {@link #forwardInput}, for the next {@link #pullBack}. */
    private Perturbed pending;

    private record Perturbed(double[] theta, int[] sign, CompletableFuture<AudioBuffer> render) {
    }

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
    public void forwardInput(AudioBuffer input, double[] theta) {
        pending = perturb(input, theta);
    }

    @Override
    public double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient) {
        return pullBack(input, null, theta, sampleRate, upstream, thetaGradient);
    }

    /** With {@code output} (may be null: then the device is rendered at θ here) reused as y. */
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
        boolean started = pending != null && java.util.Arrays.equals(pending.theta(), theta);
        AudioBuffer in = started && output != null ? null : AudioArrays.toBuffer(input, sampleRate);
        Perturbed p = started ? pending : perturb(in, theta);
        pending = null;
        double[][] y = output != null ? output : AudioArrays.toDouble(reference.render(in, at(theta, null)));
        double slope = (AudioArrays.dot(upstream, AudioArrays.toDouble(p.render().join())) - AudioArrays.dot(upstream, y)) / WIDTH;
        for (int i = fixed; i < parameters.size(); i++) {
            thetaGradient[i] += p.sign()[i] * slope;
        }
        return upstream;
    }

    /** Draws δ and starts the render at θ + wδ (on the common pool). */
    private Perturbed perturb(AudioBuffer input, double[] theta) {
        int[] sign = new int[parameters.size()];
        for (int i = exact.parameters().size(); i < parameters.size(); i++) {
            sign[i] = random.nextBoolean() ? 1 : -1;
            double end = theta[i] + WIDTH * sign[i];
            if (end < 0 || end > 1) {
                sign[i] = -sign[i];
            }
        }
        DeviceSettings shifted = at(theta, sign);
        return new Perturbed(theta.clone(), sign, CompletableFuture.supplyAsync(() -> reference.render(input, shifted)));
    }

    /** The settings at θ, the perturbed ones moved by w·sign (when sign is not null). */
    private DeviceSettings at(double[] theta, int[] sign) {
        DeviceSettings s = settings;
        for (int i = 0; i < parameters.size(); i++) {
            double t = sign == null ? theta[i] : theta[i] + WIDTH * sign[i];
            s = s.withNormalized(parameters.get(i).name(), Math.min(1, Math.max(0, t)));
        }
        return s;
    }
}
