package org.unmixer.infer.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * Parameter errors of an estimated patch against the true one, over the synth (when both patches
 * have one) and every chain device present in both ({@link DeviceMatching}), counting only
 * parameters the catalog marks {@link ParamSpec#estimated() estimated}.
 *
 * <ul>
 *   <li>Continuous parameters: normalised absolute error {@code |θ̂ − θ|} with θ from
 *       {@link ParamSpec#toNormalized}, so every parameter weighs the same whatever its unit.</li>
 *   <li>Quantized parameters: right when the item indices are equal.</li>
 * </ul>
 * The overall MAE pools every compared parameter (Σ|θ̂ − θ| / count), so a device with more
 * parameters weighs more; per-device values pool the instances of that device name. With nothing to
 * compare (no synth in both, no shared device) the values are empty, not 0.
 */
public final class ParameterErrors {
    /** Accumulated errors of one device name. */
    public record DeviceErrors(double absErrorSum, int continuousCount, int discreteCorrect, int discreteCount) {
        public static final DeviceErrors NONE = new DeviceErrors(0, 0, 0, 0);

        DeviceErrors plus(DeviceErrors o) {
            return new DeviceErrors(absErrorSum + o.absErrorSum, continuousCount + o.continuousCount,
                    discreteCorrect + o.discreteCorrect, discreteCount + o.discreteCount);
        }

        /** Mean |θ̂ − θ|; empty without continuous parameters. */
        public OptionalDouble mae() {
            return continuousCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(absErrorSum / continuousCount);
        }

        /** Fraction right; empty without quantized parameters. */
        public OptionalDouble discreteAccuracy() {
            return discreteCount == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(discreteCorrect / (double) discreteCount);
        }
    }

    /**
     * Errors of one example.
     *
     * @param perDevice device name → errors, synth first then chain devices in the truth's order
     */
    public record Scores(Map<String, DeviceErrors> perDevice) {
        public Scores {
            perDevice = Collections.unmodifiableMap(new LinkedHashMap<>(perDevice));
        }

        public DeviceErrors total() {
            DeviceErrors t = DeviceErrors.NONE;
            for (DeviceErrors e : perDevice.values()) {
                t = t.plus(e);
            }
            return t;
        }

        /** Pooled normalised MAE; empty when no continuous parameter was compared. */
        public OptionalDouble mae() {
            return total().mae();
        }

        /** Pooled discrete accuracy; empty when no quantized parameter was compared. */
        public OptionalDouble discreteAccuracy() {
            return total().discreteAccuracy();
        }
    }

    private ParameterErrors() {}

    /** Errors of {@code estimate} against {@code truth}. */
    public static Scores score(Patch estimate, Patch truth) {
        List<DeviceMatching.Pair> pairs = new ArrayList<>();
        if (estimate.synth().isPresent() && truth.synth().isPresent()) {
            pairs.add(new DeviceMatching.Pair(estimate.synth().get().settings(), truth.synth().get().settings()));
        }
        pairs.addAll(DeviceMatching.match(estimate.chain(), truth.chain()));
        Map<String, DeviceErrors> perDevice = new LinkedHashMap<>();
        for (DeviceMatching.Pair p : pairs) {
            perDevice.merge(p.name(), compare(p.estimate(), p.truth()), DeviceErrors::plus);
        }
        return new Scores(perDevice);
    }

    /** Errors of one device against a device of the same kind. */
    public static DeviceErrors compare(DeviceSettings estimate, DeviceSettings truth) {
        if (!estimate.device().name().equals(truth.device().name())) {
            throw new IllegalArgumentException("cannot compare " + estimate.device().name() + " with "
                    + truth.device().name());
        }
        double abs = 0;
        int continuous = 0;
        int correct = 0;
        int discrete = 0;
        for (ParamSpec p : truth.device().params()) {
            if (!p.estimated()) {
                continue;
            }
            if (p.isQuantized()) {
                discrete++;
                if (estimate.index(p.name()) == truth.index(p.name())) {
                    correct++;
                }
            } else {
                continuous++;
                abs += Math.abs(estimate.normalized(p.name()) - truth.normalized(p.name()));
            }
        }
        return new DeviceErrors(abs, continuous, correct, discrete);
    }
}
