package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private final Bootstrap bootstrap = new Bootstrap(Bootstrap.Config.DEFAULT);

    @Test
    void eachMetricIsSummarisedOverTheExamplesThatDefineIt() {
        List<ExampleScores> examples = List.of(
                new ExampleScores("a", "nn", Map.of(MetricNames.MR_STFT, 1.0, MetricNames.PARAM_MAE, 0.2), Map.of()),
                new ExampleScores("b", "nn", Map.of(MetricNames.MR_STFT, 3.0), Map.of()),
                new ExampleScores("c", "nn", Map.of(MetricNames.MR_STFT, 2.0, MetricNames.PARAM_MAE, 0.2), Map.of()));
        Map<String, Bootstrap.Summary> s = Aggregation.summarize(examples, bootstrap);
        assertThat(s).containsOnlyKeys(MetricNames.MR_STFT, MetricNames.PARAM_MAE);
        assertThat(s.get(MetricNames.MR_STFT).n()).isEqualTo(3);
        assertThat(s.get(MetricNames.MR_STFT).mean()).isCloseTo(2.0, offset(1e-12));
        // defined in two examples, both 0.2: a zero-width interval
        assertThat(s.get(MetricNames.PARAM_MAE)).isEqualTo(new Bootstrap.Summary(2, 0.2, 0.2, 0.2));
    }

    @Test
    void presenceSumsCountsAcrossExamples() {
        List<ExampleScores> examples = List.of(
                new ExampleScores("a", "nn", Map.of(), EffectPresence.count(List.of("Saturator", "EQ Eight"),
                        List.of("Saturator", "Reverb"))),
                new ExampleScores("b", "nn", Map.of(), EffectPresence.count(List.of("Reverb"), List.of("Reverb"))));
        // as in EffectPresenceTest: Saturator F1 1, Reverb 2/3, EQ Eight 0 → 5/9
        assertThat(Aggregation.presence(examples).orElseThrow().f1()).isCloseTo(5 / 9.0, offset(1e-12));
        assertThat(Aggregation.presence(List.of())).isEmpty();
    }
}
