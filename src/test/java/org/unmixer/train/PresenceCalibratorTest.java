package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PresenceCalibratorTest {
    @Test
    void picksTheThresholdWithTheBestF1PerEffect() {
        // Effect 0: positives sit at 0.3–0.4, negatives at 0.1: any threshold in [0.10, 0.30) separates
        // them; the one nearest 0.5 is 0.29. Effect 1: perfectly separated at 0.5 already.
        double[][] p = {{0.30, 0.9}, {0.35, 0.8}, {0.40, 0.1}, {0.10, 0.2}, {0.10, 0.7}};
        boolean[][] labels = {{true, true}, {true, true}, {true, false}, {false, false}, {false, true}};

        PresenceCalibrator.Fit fit = PresenceCalibrator.fit(p, labels);

        assertThat(fit.calibration().thresholds()[0]).isCloseTo(0.29, within(1e-9));
        assertThat(fit.f1AtHalf()[0]).isZero();
        assertThat(fit.f1AtThreshold()[0]).isEqualTo(1.0);
        assertThat(fit.calibration().thresholds()[1]).isCloseTo(0.5, within(1e-9));
        assertThat(fit.f1AtThreshold()[1]).isEqualTo(1.0);
        assertThat(fit.positives()).containsExactly(3, 3);
    }

    @Test
    void f1CountsHitsFalseAlarmsAndMisses() {
        double[][] p = {{0.9}, {0.9}, {0.1}, {0.9}};
        boolean[][] labels = {{true}, {false}, {true}, {true}};
        // tp 2, fp 1, fn 1 → 4 / 6.
        assertThat(PresenceCalibrator.f1(p, labels, 0, 0.5)).isCloseTo(4.0 / 6, within(1e-12));
    }
}
