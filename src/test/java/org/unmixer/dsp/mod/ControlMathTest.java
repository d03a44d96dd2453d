package org.unmixer.dsp.mod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ControlMathTest {
    /** Relative agreement with java.lang.Math promised in the Javadoc. */
    private static final double RELATIVE = 1e-10;

    @Test
    void exp2MatchesPowOfTwoOverTheLfoRange() {
        for (int i = 0; i <= 10_000; i++) {
            double x = -8 + 16.0 * i / 10_000;
            double expected = Math.pow(2, x);
            assertThat(ControlMath.exp2(x)).as("2^%f", x).isCloseTo(expected, offset(RELATIVE * expected));
        }
    }

    @Test
    void exp2IsExactAtIntegers() {
        assertThat(ControlMath.exp2(0)).isEqualTo(1);
        assertThat(ControlMath.exp2(3)).isEqualTo(8);
        assertThat(ControlMath.exp2(-3)).isEqualTo(0.125);
    }

    @Test
    void tanMatchesMathTanUpTo0Point45Pi() {
        for (int i = 0; i <= 10_000; i++) {
            double x = 0.45 * Math.PI * i / 10_000;
            double expected = Math.tan(x);
            assertThat(ControlMath.tan(x)).as("tan %f", x).isCloseTo(expected, offset(RELATIVE * expected));
            assertThat(ControlMath.tan(-x)).isEqualTo(-ControlMath.tan(x));
        }
        assertThat(ControlMath.tan(0)).isEqualTo(0);
    }
}
