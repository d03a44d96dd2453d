package org.unmixer.model.diff;

import java.util.List;
import org.unmixer.params.ParamSpec;

/**
 * A device's differentiable stand-in as a vector-Jacobian product in plain Java (float64 arrays,
 * JTransforms), for the hot loop of inference-time finetuning: the same function and gradient as
 * the stand-in's NDArray version ({@link DiffDevices#forSettings}), without DJL's per-operation
 * cost and autograd bookkeeping.
 *
 * <p>For y = g(x; θ), the stand-in applied to the audio x that entered the device, and an upstream
 * gradient u = ∂L/∂y, {@link #pullBack} returns ∂L/∂x = (∂g/∂x)ᵀu and adds ∂L/∂θ = (∂g/∂θ)ᵀu
 * into {@code thetaGradient}. Straight-through rendering means only these products matter: the
 * value passed on is always the reference renderer's.
 */
public interface DeviceAdjoint {
    /** The parameters of θ, in the same order as the NDArray stand-in's. */
    List<ParamSpec> parameters();

    /**
     * @param input x [channels][samples], the audio that entered the device (not modified)
     * @param theta normalised θ in {@link #parameters()} order
     * @param upstream u = ∂L/∂y [channels][samples], same shape as the input (not modified)
     * @param thetaGradient ∂L/∂θ is added into it ({@link #parameters()} long)
     * @return ∂L/∂x [channels][samples]
     */
    double[][] pullBack(double[][] input, double[] theta, double sampleRate, double[][] upstream, double[] thetaGradient);

    /**
     * {@link #pullBack(double[][], double[], double, double[][], double[])}, also given y, what the
     * reference device rendered for this input and θ in the forward pass: an adjoint that would
     * otherwise render the device again (to find ∂y/∂θ) can reuse it.
     *
     * @param output y [channels][samples] (not modified)
     */
    default double[][] pullBack(double[][] input, double[][] output, double[] theta, double sampleRate, double[][] upstream,
            double[] thetaGradient) {
        return pullBack(input, theta, sampleRate, upstream, thetaGradient);
    }

    /**
     * Told, in the forward pass, the audio entering the device and θ before the device renders it;
     * the next {@link #pullBack} is for this input. An adjoint needing extra renders of the device
     * that depend on nothing else may start them here, to overlap the rest of the forward pass.
     */
    default void forwardInput(org.unmixer.audio.AudioBuffer input, double[] theta) {
    }
}
