package org.unmixer.model.proxy;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * How one device's settings become a proxy's conditioning vector: first every continuous estimated
 * parameter as normalised θ (the part inference-time finetuning differentiates), then every
 * quantized one — two-item switches as 0/1, longer lists (Saturator's Type) one-hot, since their
 * items are different curves, not points on a scale.
 */
public final class ProxyConditioning {
    private final DeviceSpec device;
    private final List<ParamSpec> continuous = new ArrayList<>();
    private final List<ParamSpec> quantized = new ArrayList<>();
    private final int size;

    public ProxyConditioning(DeviceSpec device) {
        this.device = device;
        int n = 0;
        for (ParamSpec p : device.params()) {
            if (!p.estimated()) {
                continue;
            }
            if (p.isQuantized()) {
                quantized.add(p);
            } else {
                continuous.add(p);
            }
        }
        n += continuous.size();
        for (ParamSpec p : quantized) {
            n += width(p);
        }
        this.size = n;
    }

    /**
     * Positions in the vector of the device's repeated sections — parameters named "N rest" (EQ
     * Eight's "3 Gain A"), grouped by N, each group's positions in the same order of "rest" — or an
     * empty list when the device has no such sections or they differ in layout. A proxy can give
     * every section one shared sub-network, as the sections are the same circuit.
     */
    public List<List<Integer>> sections() {
        java.util.Map<String, List<Integer>> byNumber = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> layouts = new java.util.LinkedHashMap<>();
        int i = 0;
        List<ParamSpec> inOrder = new ArrayList<>(continuous);
        inOrder.addAll(quantized);
        for (ParamSpec p : inOrder) {
            int w = p.isQuantized() ? width(p) : 1;
            java.util.regex.Matcher m = SECTION.matcher(p.name());
            if (m.matches()) {
                for (int k = 0; k < w; k++) {
                    byNumber.computeIfAbsent(m.group(1), x -> new ArrayList<>()).add(i + k);
                    layouts.computeIfAbsent(m.group(1), x -> new ArrayList<>()).add(m.group(2) + "#" + k);
                }
            }
            i += w;
        }
        if (byNumber.size() < 2 || new java.util.HashSet<>(layouts.values()).size() != 1) {
            return List.of();
        }
        return byNumber.values().stream().map(List::copyOf).toList();
    }

    private static final java.util.regex.Pattern SECTION = java.util.regex.Pattern.compile("(\\d+) (.+)");

    private static int width(ParamSpec p) {
        return p.items().size() <= 2 ? 1 : p.items().size();
    }

    public DeviceSpec device() {
        return device;
    }

    /** The continuous parameters, in the vector's order (its first {@code continuous().size()} values). */
    public List<ParamSpec> continuous() {
        return List.copyOf(continuous);
    }

    /**
     * Where a parameter starts in the vector: its value, or the first of its one-hot values.
     *
     * @throws IllegalArgumentException when the device has no such estimated parameter
     */
    public int position(String name) {
        int i = 0;
        for (ParamSpec p : continuous) {
            if (p.name().equals(name)) {
                return i;
            }
            i++;
        }
        for (ParamSpec p : quantized) {
            if (p.name().equals(name)) {
                return i;
            }
            i += width(p);
        }
        throw new IllegalArgumentException(device.name() + " has no estimated parameter \"" + name + "\"");
    }

    /** Length of the vector. */
    public int size() {
        return size;
    }

    /** The vector for one setting. */
    public float[] encode(DeviceSettings s) {
        if (!s.device().name().equals(device.name())) {
            throw new IllegalArgumentException("conditioning for " + device.name() + ", settings of " + s.device().name());
        }
        float[] out = new float[size];
        int i = 0;
        for (ParamSpec p : continuous) {
            out[i++] = (float) s.normalized(p.name());
        }
        for (ParamSpec p : quantized) {
            int index = s.index(p.name());
            if (width(p) == 1) {
                out[i++] = index;
            } else {
                out[i + index] = 1;
                i += width(p);
            }
        }
        return out;
    }
}
