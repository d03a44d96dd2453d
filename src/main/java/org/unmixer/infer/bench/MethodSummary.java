package org.unmixer.infer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unmixer.infer.metrics.Aggregation;
import org.unmixer.infer.metrics.Bootstrap;
import org.unmixer.infer.metrics.EffectPresence;
import org.unmixer.infer.metrics.ExampleScores;

/**
 * One method over the whole bench: per metric the mean and bootstrap interval over the examples
 * that define it ({@link Aggregation#summarize}; chain exact and modulo-commuting match rates are the
 * means of their 0/1 values), effect presence macro P/R/F1 from counts summed over all examples
 * ({@link Aggregation#presence}), and mean renders and wall time per example.
 */
public record MethodSummary(String method, int examples, Map<String, Bootstrap.Summary> metrics,
        Optional<EffectPresence.Macro> presence, double rendersPerExample, double nanosPerExample) {

    public MethodSummary {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Summaries per method, methods in first-seen order of {@code records}. */
    public static List<MethodSummary> of(List<BenchRecord> records, Bootstrap bootstrap) {
        Map<String, List<BenchRecord>> byMethod = new LinkedHashMap<>();
        for (BenchRecord r : records) {
            byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        List<MethodSummary> out = new ArrayList<>();
        byMethod.forEach((method, list) -> {
            List<ExampleScores> scores = list.stream().map(BenchRecord::scores).toList();
            double renders = list.stream().mapToInt(BenchRecord::renders).average().orElse(0);
            double nanos = list.stream().mapToLong(BenchRecord::nanos).average().orElse(0);
            out.add(new MethodSummary(method, list.size(), Aggregation.summarize(scores, bootstrap),
                    Aggregation.presence(scores), renders, nanos));
        });
        return out;
    }
}
