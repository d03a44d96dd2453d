package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class BootstrapTest {
    private final Bootstrap standard = new Bootstrap(Bootstrap.Config.DEFAULT);

    @Test
    void constantValuesGiveAZeroWidthInterval() {
        Bootstrap.Summary s = standard.summarize(new double[] {2, 2, 2});
        assertThat(s).isEqualTo(new Bootstrap.Summary(3, 2, 2, 2));
        assertThat(standard.summarize(new double[] {5})).isEqualTo(new Bootstrap.Summary(1, 5, 5, 5));
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Bootstrap.quantile(sorted, 0)).isEqualTo(1);
        assertThat(Bootstrap.quantile(sorted, 0.25)).isCloseTo(1.75, offset(1e-12)); // position 0.75
        assertThat(Bootstrap.quantile(sorted, 0.5)).isCloseTo(2.5, offset(1e-12));
        assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(4);
    }

    @Test
    void twoValuesGiveTheWholeRangeAt95Percent() {
        // {0, 1}, n = 2: resampled means are 0, 0.5, 1 with probability 1/4, 1/2, 1/4. Of 2000,
        // ~500 are 0 and ~500 are 1, so the 2.5 % and 97.5 % order statistics (positions 49.975 and
        // 1949.0) are 0 and 1; at 40 % confidence (positions 599.7, 1399.3) both fall among the 0.5s.
        Bootstrap.Summary s = standard.summarize(new double[] {0, 1});
        assertThat(s).isEqualTo(new Bootstrap.Summary(2, 0.5, 0, 1));
        Bootstrap.Summary narrow = new Bootstrap(new Bootstrap.Config(2000, 0.4, 1)).summarize(new double[] {0, 1});
        assertThat(narrow).isEqualTo(new Bootstrap.Summary(2, 0.5, 0.5, 0.5));
    }

    @Test
    void aFixedSeedIsDeterministicAndTheIntervalHoldsTheMean() {
        double[] values = {1, 2, 3, 4, 10};
        Bootstrap.Summary a = standard.summarize(values);
        Bootstrap.Summary b = new Bootstrap(Bootstrap.Config.DEFAULT).summarize(values.clone());
        assertThat(a).isEqualTo(b);
        assertThat(a.mean()).isCloseTo(4, offset(1e-12));
        assertThat(a.low()).isLessThan(a.mean()).isGreaterThanOrEqualTo(1);
        assertThat(a.high()).isGreaterThan(a.mean()).isLessThanOrEqualTo(10);
        Bootstrap.Summary other = new Bootstrap(new Bootstrap.Config(2000, 0.95, 2)).summarize(values);
        assertThat(other.mean()).isEqualTo(a.mean());
        assertThat(new double[] {other.low(), other.high()}).isNotEqualTo(new double[] {a.low(), a.high()});
    }

    @Test
    void rejectsNoValuesNonFiniteValuesAndBadConfigs() {
        assertThatThrownBy(() -> standard.summarize(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.summarize(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Bootstrap.Config(0, 0.95, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bootstrap.Config(100, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
