package org.unmixer.infer.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Effect presence: for each of the effect devices, is it in the chain? Scored per device as
 * {@link PresenceCounts} and macro-averaged over devices.
 *
 * <p>Presence is a yes/no per device name: a device twice in a chain counts once. Devices not in
 * {@link #EFFECTS} (added to the catalog later) are not scored. Over a data set, sum the counts per
 * device across examples first ({@link #sum}), then take {@link #macro}: a device contributes once,
 * weighted like every other, and examples where it is absent from both chains add nothing.
 */
public final class EffectPresence {
    /** The five effect devices scored, in catalog order. */
    public static final List<String> EFFECTS =
            List.of("Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb");

    /**
     * Macro averages over the devices that occur in at least one chain.
     *
     * @param devices how many devices were averaged
     */
    public record Macro(double precision, double recall, double f1, int devices) {}

    private EffectPresence() {}

    /** Counts per device in {@link #EFFECTS} order for one example (all five keys present). */
    public static Map<String, PresenceCounts> count(List<String> estimateChain, List<String> truthChain) {
        Map<String, PresenceCounts> out = new LinkedHashMap<>();
        for (String device : EFFECTS) {
            boolean inEstimate = estimateChain.contains(device);
            boolean inTruth = truthChain.contains(device);
            out.put(device, new PresenceCounts(inEstimate && inTruth ? 1 : 0, inEstimate && !inTruth ? 1 : 0,
                    !inEstimate && inTruth ? 1 : 0));
        }
        return out;
    }

    /** Per-device sums over examples. */
    public static Map<String, PresenceCounts> sum(Collection<Map<String, PresenceCounts>> examples) {
        Map<String, PresenceCounts> out = new LinkedHashMap<>();
        for (String device : EFFECTS) {
            out.put(device, PresenceCounts.ZERO);
        }
        for (Map<String, PresenceCounts> e : examples) {
            e.forEach((device, c) -> out.merge(device, c, PresenceCounts::plus));
        }
        return out;
    }

    /**
     * Mean over devices of per-device precision, recall and F1, skipping devices absent from both
     * chains everywhere; empty when every device is absent (two dry chains: nothing to score).
     */
    public static Optional<Macro> macro(Map<String, PresenceCounts> counts) {
        double p = 0;
        double r = 0;
        double f = 0;
        int n = 0;
        for (PresenceCounts c : counts.values()) {
            if (c.absent()) {
                continue;
            }
            p += c.precision().getAsDouble();
            r += c.recall().getAsDouble();
            f += c.f1().getAsDouble();
            n++;
        }
        return n == 0 ? Optional.empty() : Optional.of(new Macro(p / n, r / n, f / n, n));
    }
}
