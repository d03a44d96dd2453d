package org.unmixer.dsp.mod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.mod.Lfo.Waveform;

class LfoTest {
    private static final double EXACT = 1e-12;

    @Test
    void periodicShapesMatchTheirFormulas() {
        for (double p = -2; p < 3; p += 0.0371) {
            double f = p - Math.floor(p);
            assertThat(Lfo.value(Waveform.SINE, p, 0, 1)).isCloseTo(Math.sin(2 * Math.PI * p), offset(1e-9));
            assertThat(Lfo.value(Waveform.SAW_UP, p, 0, 1)).isCloseTo(2 * f - 1, offset(EXACT));
            assertThat(Lfo.value(Waveform.SAW_DOWN, p, 0, 1)).isCloseTo(1 - 2 * f, offset(EXACT));
            assertThat(Lfo.value(Waveform.RECTANGLE, p, 0, 1)).isEqualTo(f < 0.5 ? 1.0 : -1.0);
            // the triangle is 2/π·asin(sin 2πp)
            assertThat(Lfo.value(Waveform.TRIANGLE, p, 0, 1))
                    .isCloseTo(2 / Math.PI * Math.asin(Math.sin(2 * Math.PI * p)), offset(1e-9));
        }
    }

    @Test
    void dutyCycleMovesTheHalfCyclePoint() {
        // duty 0.5: the first half of the shape takes 75 % of the cycle
        assertThat(Lfo.value(Waveform.RECTANGLE, 0.7, 0.5, 1)).isEqualTo(1.0);
        assertThat(Lfo.value(Waveform.RECTANGLE, 0.8, 0.5, 1)).isEqualTo(-1.0);
        assertThat(Lfo.value(Waveform.TRIANGLE, 0.375, 0.5, 1)).isCloseTo(1, offset(EXACT));
    }

    @Test
    void steppedTrianglesHoldWholeSteps() {
        assertThat(Lfo.value(Waveform.TRIANGLE_8, 0.13, 0, 1)).isEqualTo(Lfo.value(Waveform.TRIANGLE_8, 0.2, 0, 1));
        assertThat(Lfo.value(Waveform.TRIANGLE_8, 0.13, 0, 1)).isCloseTo(0.5, offset(EXACT));
        assertThat(Lfo.value(Waveform.TRIANGLE_16, 0.13, 0, 1)).isCloseTo(0.25 * 2, offset(EXACT));
    }

    @Test
    void analogTriangleIsContinuousAndSpansPlusMinusOne() {
        double max = -2;
        double min = 2;
        double previous = Lfo.value(Waveform.TRIANGLE_ANALOG, 0, 0, 1);
        for (int i = 1; i <= 10_000; i++) {
            double v = Lfo.value(Waveform.TRIANGLE_ANALOG, i / 10_000.0, 0, 1);
            assertThat(Math.abs(v - previous)).isLessThan(0.01);
            previous = v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertThat(max).isCloseTo(1, offset(1e-3));
        assertThat(min).isCloseTo(-1, offset(1e-3));
    }

    @Test
    void randomShapesAreSeededHeldAndJoined() {
        double held = Lfo.value(Waveform.RANDOM_SH, 3.1, 0, 7);
        assertThat(Lfo.value(Waveform.RANDOM_SH, 3.9, 0, 7)).isEqualTo(held);
        assertThat(Lfo.value(Waveform.RANDOM_SH, 4.1, 0, 7)).isNotEqualTo(held);
        assertThat(Lfo.value(Waveform.RANDOM_SH, 3.1, 0, 8)).isNotEqualTo(held);
        // the smooth random passes through the held values at whole cycles
        assertThat(Lfo.value(Waveform.RANDOM, 3.0, 0, 7)).isCloseTo(held, offset(EXACT));
        assertThat(Lfo.value(Waveform.RANDOM, 4.0, 0, 7))
                .isCloseTo(Lfo.value(Waveform.RANDOM_SH, 4.0, 0, 7), offset(EXACT));
    }

    @ParameterizedTest
    @EnumSource(Waveform.class)
    void everyShapeStaysWithinPlusMinusOne(Waveform w) {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            double v = Lfo.value(w, r.nextDouble(-100, 100), r.nextDouble(-1, 1), 11);
            assertThat(v).isBetween(-1.0 - EXACT, 1.0 + EXACT);
        }
    }
}
