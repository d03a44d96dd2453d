package org.unmixer.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTicksTest {
    private static final double EPS = 1e-12;

    @Test
    void niceStepIsTheSmallestOneTwoFiveStepGivingAtMostMaxTicksParts() {
        assertThat(AxisTicks.niceStep(1, 5)).isCloseTo(0.2, within(EPS)); // 0.2 exactly
        assertThat(AxisTicks.niceStep(0.74, 5)).isCloseTo(0.2, within(EPS)); // 0.148 → 0.2
        assertThat(AxisTicks.niceStep(1000, 8)).isCloseTo(200, within(EPS)); // 125 → 200
        assertThat(AxisTicks.niceStep(30, 8)).isCloseTo(5, within(EPS)); // 3.75 → 5
        assertThat(AxisTicks.niceStep(70, 8)).isCloseTo(10, within(EPS)); // 8.75 → 10
    }

    @Test
    void linearTicksAreTheMultiplesInsideTheRange() {
        assertThat(AxisTicks.linear(0.13, 0.87, 0.2)).containsExactly(0.2, 0.4, 0.6000000000000001, 0.8);
        assertThat(AxisTicks.linear(0, 1, 0.25)).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(AxisTicks.linear(-3, 3, 2)).containsExactly(-2.0, 0.0, 2.0);
    }

    @Test
    void decadesAreThePowersOfTenInsideTheRange() {
        assertThat(AxisTicks.decades(1e-3, 1)).containsExactly(1e-3, 1e-2, 1e-1, 1.0);
        assertThat(AxisTicks.decades(0.5, 50)).containsExactly(1.0, 10.0);
    }

    @Test
    void labelsShowTheDecimalsTheStepNeeds() {
        assertThat(AxisTicks.label(0.6000000000000001, 0.2)).isEqualTo("0.6");
        assertThat(AxisTicks.label(1500, 500)).isEqualTo("1500");
        assertThat(AxisTicks.label(-0.05, 0.05)).isEqualTo("-0.05");
        assertThat(AxisTicks.label(-1e-17, 0.1)).isEqualTo("0.0");
        assertThat(AxisTicks.decadeLabel(1e-3)).isEqualTo("0.001");
        assertThat(AxisTicks.decadeLabel(100)).isEqualTo("100");
        assertThat(AxisTicks.decadeLabel(1e-5)).isEqualTo("1e-5");
    }
}
