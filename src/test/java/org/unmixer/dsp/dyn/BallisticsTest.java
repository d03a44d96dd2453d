package org.unmixer.dsp.dyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class BallisticsTest {
    private static final double FS = 44_100;

    @Test
    void attackReaches63PercentAfterOneTimeConstant() {
        int step = 8;
        double tauMs = 20;
        double a = Ballistics.coefficient(tauMs, step, FS);
        double r = Ballistics.coefficient(200, step, FS);
        double g = 0;
        int steps = (int) Math.round(tauMs * 1e-3 * FS / step);
        for (int i = 0; i < steps; i++) {
            g = Ballistics.step(g, -20, a, r);
        }
        // after τ the one-pole has covered 1 − 1/e of the way (steps are rounded to whole blocks)
        assertThat(g / -20).isCloseTo(1 - Math.exp(-1), offset(0.005));
    }

    @Test
    void releaseIsUsedWhenTheGainMovesBackTowardZero() {
        double a = Ballistics.coefficient(1, 8, FS);
        double r = Ballistics.coefficient(100, 8, FS);
        assertThat(Ballistics.step(-10, -20, a, r)).isCloseTo(-20 + a * 10, offset(1e-12));
        assertThat(Ballistics.step(-10, 0, a, r)).isCloseTo(r * -10, offset(1e-12));
        // an upward boost growing is "more action" too, so it uses the attack coefficient
        assertThat(Ballistics.step(5, 10, a, r)).isCloseTo(10 - a * 5, offset(1e-12));
    }
}
