package org.unmixer.infer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;

/**
 * Everything an {@link Estimator} is told about one example. The benchmark gives every method the
 * same facts: the target audio and the source (kind, note, velocity, gate and tail; in known-source
 * mode the kind says which known signal fed the chain).
 *
 * <p>{@code skeleton} is the true chain's device names in order. Only methods that search the
 * parameters of a given chain (e.g. {@code cmaes}) read it, and doing so is a <em>declared
 * advantage</em>: the benchmark reports, per method, whether the skeleton was given. Methods that
 * estimate the chain themselves ignore it.
 *
 * <p>The true patch is deliberately not part of the input, so no method can peek at it; the
 * {@code oracle} baseline gets it through its own label lookup.
 *
 * @param target the audio to explain
 * @param source the source facts (its {@code seed} matters for noise sources)
 * @param skeleton the true chain's device names in order, when the run declares it given
 * @param budget what the method may spend on this input
 */
public record EstimationInput(AudioBuffer target, SourceSpec source, Optional<List<String>> skeleton, Budget budget) {
    public EstimationInput {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(budget, "budget");
        skeleton = skeleton.map(List::copyOf);
    }

    /** Without a skeleton. */
    public EstimationInput(AudioBuffer target, SourceSpec source, Budget budget) {
        this(target, source, Optional.empty(), budget);
    }

    /** The same input with the skeleton given; each name must be an audio effect of the catalog. */
    public EstimationInput withSkeleton(List<String> deviceNames) {
        Catalog catalog = Catalog.standard();
        for (String name : deviceNames) {
            if (catalog.device(name).kind() != DeviceKind.AUDIO_EFFECT) {
                throw new BadInputException("skeleton: \"" + name + "\" is not an audio effect");
            }
        }
        return new EstimationInput(target, source, Optional.of(deviceNames), budget);
    }

    /** The same input with another budget. */
    public EstimationInput withBudget(Budget newBudget) {
        return new EstimationInput(target, source, skeleton, newBudget);
    }
}
