package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleScoresTest {
    @Test
    void roundTripsThroughJackson() throws Exception {
        ExampleScores s = new ExampleScores("id-full/0007", "nn",
                Map.of(MetricNames.MR_STFT, 1.25, MetricNames.CHAIN_EXACT, 0.0),
                EffectPresence.count(List.of("Reverb"), List.of("Reverb", "Saturator")));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(s);
        assertThat(text).contains("\"mr_stft\":1.25").contains("\"Saturator\":{\"tp\":0,\"fp\":0,\"fn\":1}");
        assertThat(json.readValue(text, ExampleScores.class)).isEqualTo(s);
    }

    @Test
    void undefinedMetricsAreLeftOutNotNaN() {
        assertThatThrownBy(() -> new ExampleScores("x", "random", Map.of(MetricNames.PARAM_MAE, Double.NaN), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("param_mae");
    }
}
