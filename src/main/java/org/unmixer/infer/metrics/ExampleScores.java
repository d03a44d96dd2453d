package org.unmixer.infer.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every metric of one method on one example, as plain data a bench serialises with Jackson.
 *
 * <p>A metric that is undefined for the example (parameter MAE with no shared device, audio metrics
 * without audio, presence F1 of two dry chains) is absent from {@code metrics}, never NaN (JSON has
 * no NaN). Presence counts are kept raw so a data set's presence scores are computed by summing
 * them ({@link EffectPresence#sum}), not by averaging per-example F1.
 *
 * @param example the example's id
 * @param method the estimator's name
 * @param metrics metric name ({@link MetricNames}) → value
 * @param presence effect device → presence counts in this example
 */
public record ExampleScores(String example, String method, Map<String, Double> metrics,
        Map<String, PresenceCounts> presence) {

    public ExampleScores {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        presence = Collections.unmodifiableMap(new LinkedHashMap<>(presence));
        for (var e : metrics.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(example + " / " + method + ": metric " + e.getKey()
                        + " is " + e.getValue() + "; leave undefined metrics out");
            }
        }
    }
}
