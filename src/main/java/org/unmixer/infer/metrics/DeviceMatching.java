package org.unmixer.infer.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.params.DeviceSettings;

/**
 * Pairs the devices of an estimated chain with those of the true chain by name: the k-th occurrence
 * of a name in the estimate goes with the k-th occurrence of that name in the truth (in chain
 * order). Devices without a partner are left out; positions in the chain do not matter otherwise.
 */
public final class DeviceMatching {
    /** One estimated device and the true device it is compared with. */
    public record Pair(DeviceSettings estimate, DeviceSettings truth) {
        public String name() {
            return truth.device().name();
        }
    }

    private DeviceMatching() {}

    /** Matched pairs in the truth's chain order. */
    public static List<Pair> match(List<DeviceSettings> estimate, List<DeviceSettings> truth) {
        Map<String, List<DeviceSettings>> byName = new HashMap<>();
        for (DeviceSettings d : estimate) {
            byName.computeIfAbsent(d.device().name(), k -> new ArrayList<>()).add(d);
        }
        Map<String, Integer> used = new HashMap<>();
        List<Pair> pairs = new ArrayList<>();
        for (DeviceSettings t : truth) {
            String name = t.device().name();
            List<DeviceSettings> candidates = byName.getOrDefault(name, List.of());
            int k = used.merge(name, 1, Integer::sum) - 1;
            if (k < candidates.size()) {
                pairs.add(new Pair(candidates.get(k), t));
            }
        }
        return pairs;
    }
}
