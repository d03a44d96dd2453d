package org.unmixer.infer.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.unmixer.infer.metrics.ChainMatch;

/**
 * Every order of a chain's devices that can sound different: all permutations, with those equal up
 * to swaps of adjacent linear time-invariant devices ({@link ChainMatch#canonical}) counted once.
 * The given order comes first, so a search that keeps the first of equally good orders keeps the
 * model's.
 */
public final class ChainOrders {
    private ChainOrders() {
    }

    /**
     * @param devices the chain in its given order
     * @param name a device's name (what {@link ChainMatch} compares)
     * @return distinct orders, the given one first; 120 at most for five devices
     */
    public static <T> List<List<T>> distinct(List<T> devices, Function<T, String> name) {
        Map<List<String>, List<T>> byCanonical = new LinkedHashMap<>();
        permute(new ArrayList<>(devices), 0, order -> byCanonical.putIfAbsent(
                ChainMatch.canonical(order.stream().map(name).toList()), List.copyOf(order)));
        return List.copyOf(byCanonical.values());
    }

    /** Every permutation of {@code items[from…]} by recursive swaps; the identity is visited first. */
    private static <T> void permute(List<T> items, int from, Consumer<List<T>> visit) {
        if (from >= items.size() - 1) {
            visit.accept(items);
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, visit);
            Collections.swap(items, from, i);
        }
    }
}
