package org.unmixer.model;

/**
 * The labels of a batch in the {@link OutputLayout}'s order.
 *
 * @param batch examples
 * @param continuous [batch · P] normalised θ of the continuous targets
 * @param continuousMask [batch · P] 1 where the target's device is present
 * @param classes [batch · D] class index of each discrete target
 * @param classMask [batch · D] 1 where the target's device is present
 * @param chains per example the effect indices in order, −1 padded
 */
public record Targets(int batch, float[] continuous, float[] continuousMask, int[] classes, float[] classMask, int[][] chains) {
    public Targets {
        if (chains.length != batch || continuous.length != continuousMask.length || classes.length != classMask.length
                || continuous.length % Math.max(batch, 1) != 0 || classes.length % Math.max(batch, 1) != 0) {
            throw new IllegalArgumentException("targets of inconsistent sizes");
        }
    }
}
