package org.unmixer.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AmpEnvelopeTest {
    /** The envelope is closed-form double arithmetic; only rounding separates it from the formulas. */
    private static final double EXACT = 1e-12;

    private static final AmpEnvelope LINEAR = new AmpEnvelope(0.1, 0.2, 0.5, 0.3, 0, 0, 0);
    private static final AmpEnvelope CURVED = new AmpEnvelope(0.1, 0.2, 0.5, 0.3, -0.5, 0.5, 0.5);

    @Test
    void segmentShapeIsTheStatedFormula() {
        for (double c : new double[] {-8, -2, 0, 3, 8}) {
            assertThat(AmpEnvelope.shape(0, c)).isCloseTo(0, within(EXACT));
            assertThat(AmpEnvelope.shape(1, c)).isCloseTo(1, within(EXACT));
        }
        assertThat(AmpEnvelope.shape(0.25, 8)).isCloseTo((1 - Math.exp(-2)) / (1 - Math.exp(-8)), within(EXACT));
        assertThat(AmpEnvelope.shape(0.5, 4)).as("positive: fast then slow").isGreaterThan(0.5);
        assertThat(AmpEnvelope.shape(0.5, -4)).as("negative: flat then fast").isLessThan(0.5);
        assertThat(AmpEnvelope.shape(0.3, 0)).isEqualTo(0.3);
    }

    @Test
    void linearSlopeIsAStraightLine() {
        for (double t = 0; t <= 0.1; t += 0.005) {
            assertThat(LINEAR.heldLevel(t)).isCloseTo(t / 0.1, within(EXACT));
        }
        for (double t = 0.1; t <= 0.3; t += 0.01) {
            assertThat(LINEAR.heldLevel(t)).isCloseTo(1 - 0.5 * (t - 0.1) / 0.2, within(EXACT));
        }
    }

    @Test
    void attackPeaksAtTheAttackTimeAndSustainIsHeld() {
        for (AmpEnvelope e : new AmpEnvelope[] {LINEAR, CURVED}) {
            assertThat(e.heldLevel(0)).isZero();
            assertThat(e.heldLevel(0.1)).isCloseTo(1, within(EXACT));
            assertThat(e.heldLevel(0.1 - 1e-6)).isLessThan(1).isGreaterThan(0.999);
            for (double t = 0.3; t < 2; t += 0.1) {
                assertThat(e.level(t, 2)).isCloseTo(0.5, within(EXACT));
            }
        }
        assertThat(new AmpEnvelope(0, 0.2, 0.5, 0.3, 0, 0, 0).heldLevel(0)).as("zero attack starts at the peak").isEqualTo(1);
    }

    @Test
    void releaseFallsFromTheGateLevelToSilence() {
        double gate = 1;
        for (AmpEnvelope e : new AmpEnvelope[] {LINEAR, CURVED}) {
            assertThat(e.level(gate, gate)).isCloseTo(0.5, within(EXACT));
            assertThat(e.level(gate + 0.3, gate)).isZero();
            double previous = 1;
            double minus60 = Double.NaN;
            for (double t = gate; t <= gate + 0.31; t += 0.001) {
                double v = e.level(t, gate);
                assertThat(v).isLessThanOrEqualTo(previous + EXACT);
                previous = v;
                if (Double.isNaN(minus60) && v <= 0.5 * 1e-3) {
                    minus60 = t - gate;
                }
            }
            assertThat(minus60).as("reaches −60 dB re the gate level within the release time").isLessThanOrEqualTo(0.3);
        }
        // linear release: halfway down at half the release time
        assertThat(LINEAR.level(gate + 0.15, gate)).isCloseTo(0.25, within(EXACT));
        // curved release follows start·(1 − s(u, 8·0.5))
        assertThat(CURVED.level(gate + 0.1, gate)).isCloseTo(0.5 * (1 - AmpEnvelope.shape(1.0 / 3, 4)), within(EXACT));
    }

    @Test
    void releaseDuringTheAttackStartsFromTheLevelReached() {
        assertThat(LINEAR.level(0.05, 0.05)).isCloseTo(0.5, within(EXACT));
        assertThat(LINEAR.level(0.05 + 0.15, 0.05)).isCloseTo(0.25, within(EXACT));
    }
}
