package org.unmixer.dsp.shaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShaperMathTest {

    @Test
    void tanhIsWithinItsStatedErrorOfMathTanh() {
        for (double x = -20; x <= 20; x += 1e-3) {
            assertThat(ShaperMath.tanh(x)).as("x=%s", x).isCloseTo(Math.tanh(x), within(ShaperMath.TANH_MAX_ERROR));
        }
    }

    @Test
    void tanhIsOddBoundedAndMonotone() {
        double previous = -1;
        for (double x = -10; x <= 10; x += 1e-3) {
            double y = ShaperMath.tanh(x);
            assertThat(ShaperMath.tanh(-x)).isEqualTo(-y);
            assertThat(Math.abs(y)).isLessThanOrEqualTo(1.0);
            assertThat(y).isGreaterThanOrEqualTo(previous);
            previous = y;
        }
        assertThat(ShaperMath.tanh(1e300)).isEqualTo(1.0);
    }

    @Test
    void sinPiIsWithinItsStatedErrorOfMathSin() {
        for (double t = -60; t <= 60; t += 7.3e-4) {
            assertThat(ShaperMath.sinPi(t)).as("t=%s", t).isCloseTo(Math.sin(Math.PI * t), within(ShaperMath.SIN_MAX_ERROR));
        }
        assertThat(ShaperMath.sinPi(0.5)).isCloseTo(1.0, within(1e-12));
        assertThat(ShaperMath.sinPi(1234.5)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void sinHalfPiIsASineOnItsInterval() {
        for (double u = -1; u <= 1; u += 1e-4) {
            assertThat(ShaperMath.sinHalfPi(u)).isCloseTo(Math.sin(Math.PI * u / 2), within(1e-13));
        }
    }

    @Test
    void sinHalfPiIsOddAndNeverExceedsOneWithoutAClamp() {
        // the top of the sine, where a polynomial approximation would overshoot: the 10⁶ doubles
        // just below 1, then a coarser sweep of [0, 1]
        for (double u = 1; u > 1 - 1e6 * Math.ulp(0.5); u = Math.nextDown(u)) {
            assertThat(ShaperMath.sinHalfPi(u)).as("u=%s", u).isLessThanOrEqualTo(1.0);
            assertThat(ShaperMath.sinHalfPi(-u)).isEqualTo(-ShaperMath.sinHalfPi(u));
        }
        for (double u = 0; u <= 1; u += 1e-6) {
            assertThat(Math.abs(ShaperMath.sinHalfPi(u))).isLessThanOrEqualTo(1.0);
        }
        assertThat(ShaperMath.sinHalfPi(1)).isCloseTo(1.0, within(2e-14));
    }
}
