package org.unmixer.infer.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Data-set summaries of one method's {@link ExampleScores}: for every metric, the mean and bootstrap
 * interval over the examples where it is defined ({@link Bootstrap}); and effect presence from the
 * per-device counts summed over all examples ({@link EffectPresence#sum}, then
 * {@link EffectPresence#macro}), which is not the mean of per-example F1.
 */
public final class Aggregation {
    private Aggregation() {}

    /** Metric name → summary, metrics in first-seen order; each over the examples that define it. */
    public static Map<String, Bootstrap.Summary> summarize(List<ExampleScores> examples, Bootstrap bootstrap) {
        Set<String> names = new LinkedHashSet<>();
        for (ExampleScores e : examples) {
            names.addAll(e.metrics().keySet());
        }
        Map<String, Bootstrap.Summary> out = new LinkedHashMap<>();
        for (String name : names) {
            List<Double> values = new ArrayList<>();
            for (ExampleScores e : examples) {
                Double v = e.metrics().get(name);
                if (v != null) {
                    values.add(v);
                }
            }
            out.put(name, bootstrap.summarize(values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    /** Macro presence over the data set; empty when no example has any effect in either chain. */
    public static Optional<EffectPresence.Macro> presence(List<ExampleScores> examples) {
        return EffectPresence.macro(EffectPresence.sum(examples.stream().map(ExampleScores::presence).toList()));
    }
}
