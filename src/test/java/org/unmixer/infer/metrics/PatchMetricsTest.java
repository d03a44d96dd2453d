package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class PatchMetricsTest {
    private static final Catalog CATALOG = Catalog.standard();

    private static Patch noise(String... devices) {
        List<DeviceSettings> chain = java.util.Arrays.stream(devices).map(d -> CATALOG.device(d).defaults()).toList();
        return new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.5, 0.25, 0), Optional.empty(), chain);
    }

    @Test
    void swappedLtiNeighboursMatchOnlyModuloCommuting() {
        Map<String, Double> m = PatchMetrics.score(noise("Reverb", "EQ Eight"), noise("EQ Eight", "Reverb"));
        assertThat(m.get(MetricNames.CHAIN_EXACT)).isEqualTo(0.0);
        assertThat(m.get(MetricNames.CHAIN_EXACT_COMMUTING)).isEqualTo(1.0);
        assertThat(m.get(MetricNames.CHAIN_LEVENSHTEIN)).isEqualTo(1.0); // two substitutions over 2
        assertThat(m.get(MetricNames.PRESENCE_F1)).isEqualTo(1.0);
        assertThat(m.get(MetricNames.PARAM_MAE)).isEqualTo(0.0);
        assertThat(m.get(MetricNames.paramMaeOf("Reverb"))).isEqualTo(0.0);
        assertThat(m.get(MetricNames.DISCRETE_ACCURACY)).isEqualTo(1.0);
    }

    @Test
    void undefinedMetricsAreAbsent() {
        // dry vs dry: no device to compare, no presence to score; chain metrics still defined
        Map<String, Double> m = PatchMetrics.score(noise(), noise());
        assertThat(m).containsOnlyKeys(MetricNames.CHAIN_EXACT, MetricNames.CHAIN_EXACT_COMMUTING,
                MetricNames.CHAIN_LEVENSHTEIN);
        assertThat(m.get(MetricNames.CHAIN_LEVENSHTEIN)).isZero();
    }

    @Test
    void aWrongDeviceLowersPresenceAndChainScores() {
        // truth Saturator, Reverb; estimate Saturator, EQ Eight: presence macro over 3 devices = 1/3
        Map<String, Double> m = PatchMetrics.score(noise("Saturator", "EQ Eight"), noise("Saturator", "Reverb"));
        assertThat(m.get(MetricNames.PRESENCE_F1)).isCloseTo(1 / 3.0, offset(1e-12));
        assertThat(m.get(MetricNames.CHAIN_LEVENSHTEIN)).isEqualTo(0.5);
        assertThat(m.get(MetricNames.CHAIN_EXACT_COMMUTING)).isEqualTo(0.0);
        assertThat(m).containsKey(MetricNames.paramMaeOf("Saturator")).doesNotContainKey(MetricNames.paramMaeOf("Reverb"));
    }
}
