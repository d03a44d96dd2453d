package org.unmixer.infer.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;

/**
 * Every patch metric of one estimate against the truth, as metric name → value ({@link MetricNames}):
 * parameter MAE (overall and per device), discrete accuracy, per-example presence macro
 * precision/recall/F1, chain exact match, exact match modulo commuting neighbours and normalised
 * Levenshtein distance. Undefined metrics are left out (see {@link ExampleScores}).
 */
public final class PatchMetrics {
    private PatchMetrics() {}

    public static Map<String, Double> score(Patch estimate, Patch truth) {
        Map<String, Double> m = new LinkedHashMap<>();
        ParameterErrors.Scores params = ParameterErrors.score(estimate, truth);
        params.mae().ifPresent(v -> m.put(MetricNames.PARAM_MAE, v));
        params.perDevice().forEach((device, e) -> e.mae().ifPresent(v -> m.put(MetricNames.paramMaeOf(device), v)));
        params.discreteAccuracy().ifPresent(v -> m.put(MetricNames.DISCRETE_ACCURACY, v));
        List<String> est = estimate.chainNames();
        List<String> tru = truth.chainNames();
        Optional<EffectPresence.Macro> macro = EffectPresence.macro(EffectPresence.count(est, tru));
        macro.ifPresent(p -> {
            m.put(MetricNames.PRESENCE_PRECISION, p.precision());
            m.put(MetricNames.PRESENCE_RECALL, p.recall());
            m.put(MetricNames.PRESENCE_F1, p.f1());
        });
        m.put(MetricNames.CHAIN_EXACT, ChainMatch.exact(est, tru) ? 1.0 : 0.0);
        m.put(MetricNames.CHAIN_EXACT_COMMUTING, ChainMatch.exactModuloCommuting(est, tru) ? 1.0 : 0.0);
        m.put(MetricNames.CHAIN_LEVENSHTEIN, Levenshtein.normalized(est, tru));
        return m;
    }

    /** Presence counts of the example, for {@link ExampleScores#presence()}. */
    public static Map<String, PresenceCounts> presence(Patch estimate, Patch truth) {
        return EffectPresence.count(estimate.chainNames(), truth.chainNames());
    }
}
