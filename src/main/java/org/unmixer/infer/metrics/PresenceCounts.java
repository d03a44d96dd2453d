package org.unmixer.infer.metrics;

import java.util.OptionalDouble;

/**
 * Effect-presence counts of one device: true positives (in both chains), false positives (only in
 * the estimate), false negatives (only in the truth). Counts add up over examples.
 *
 * <p>Undefined ratios: precision {@code TP/(TP+FP)} with nothing predicted, and recall
 * {@code TP/(TP+FN)} with nothing to find, are taken as 0 when the device occurs anywhere
 * ({@code TP+FP+FN > 0}; scikit-learn's {@code zero_division=0}), and are undefined (empty) only
 * for a device absent from both, which {@link EffectPresence#macro} then skips. F1 is
 * {@code 2TP/(2TP+FP+FN)}.
 */
public record PresenceCounts(int tp, int fp, int fn) {
    public static final PresenceCounts ZERO = new PresenceCounts(0, 0, 0);

    public PresenceCounts {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("negative counts: " + tp + ", " + fp + ", " + fn);
        }
    }

    public PresenceCounts plus(PresenceCounts o) {
        return new PresenceCounts(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** True when the device was in neither chain (all counts 0). */
    public boolean absent() {
        return tp + fp + fn == 0;
    }

    public OptionalDouble precision() {
        return absent() ? OptionalDouble.empty() : OptionalDouble.of(tp + fp == 0 ? 0 : tp / (double) (tp + fp));
    }

    public OptionalDouble recall() {
        return absent() ? OptionalDouble.empty() : OptionalDouble.of(tp + fn == 0 ? 0 : tp / (double) (tp + fn));
    }

    public OptionalDouble f1() {
        return absent() ? OptionalDouble.empty() : OptionalDouble.of(2.0 * tp / (2.0 * tp + fp + fn));
    }
}
