package org.unmixer.infer.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chain order metrics on device-name sequences: exact match, and exact match modulo commuting
 * neighbours.
 *
 * <p>Two adjacent linear time-invariant devices can be swapped without changing the sound (LTI
 * systems commute), so both orders count as right. Repeated swaps let any permutation of a maximal
 * run of adjacent LTI devices happen, and nothing else; so two chains are equivalent exactly when
 * their canonical forms are equal, where the canonical form sorts every maximal LTI run by name and
 * leaves every other device where it is. A non-LTI device (Saturator) between two LTI devices is a
 * wall: EQ → Saturator → Reverb is not Reverb → Saturator → EQ.
 */
public final class ChainMatch {
    /**
     * Devices treated as linear time-invariant (issue 3 names these two): EQ Eight (fixed biquads)
     * and Reverb. Reverb is linear, but its Chorus and Spin slowly modulate delay lengths, so it is
     * strictly time-invariant only with both off; the swap is counted as right regardless, since
     * the slow, shallow modulation barely changes the sound of the swapped order.
     */
    public static final Set<String> LTI_DEVICES = Set.of("EQ Eight", "Reverb");

    private ChainMatch() {}

    /** True when the ordered names are equal. */
    public static boolean exact(List<String> estimate, List<String> truth) {
        return estimate.equals(truth);
    }

    /** True when the chains are equal up to swaps of adjacent LTI devices. */
    public static boolean exactModuloCommuting(List<String> estimate, List<String> truth) {
        return canonical(estimate).equals(canonical(truth));
    }

    /** The chain with every maximal run of adjacent {@link #LTI_DEVICES} sorted by name. */
    public static List<String> canonical(List<String> chain) {
        List<String> out = new ArrayList<>(chain.size());
        List<String> run = new ArrayList<>();
        for (String device : chain) {
            if (LTI_DEVICES.contains(device)) {
                run.add(device);
            } else {
                flush(run, out);
                out.add(device);
            }
        }
        flush(run, out);
        return List.copyOf(out);
    }

    private static void flush(List<String> run, List<String> out) {
        run.sort(null);
        out.addAll(run);
        run.clear();
    }
}
