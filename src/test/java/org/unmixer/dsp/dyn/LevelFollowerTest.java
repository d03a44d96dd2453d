package org.unmixer.dsp.dyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class LevelFollowerTest {
    private static final double FS = 44_100;
    /** Steps of 32 samples (0.73 ms), the device's control block. */
    private static final int STEP = 32;
    /** Time-constant agreement: one 0.73 ms step against τ ≥ 20 ms is under 4 %. */
    private static final double TIME_CONSTANT_RELATIVE = 0.1;

    /** Seconds until {@code level} has covered 63 % of the way from {@code from} to {@code to}. */
    private static double timeTo63Percent(double from, double to, double attackMs, double releaseMs) {
        double a = LevelFollower.coefficient(attackMs, STEP, FS);
        double r = LevelFollower.coefficient(releaseMs, STEP, FS);
        double level = from;
        for (int k = 1; k < 100_000; k++) {
            level = LevelFollower.step(level, to, a, r);
            if (Math.abs(level - from) >= (1 - Math.exp(-1)) * Math.abs(to - from)) {
                return k * STEP / FS;
            }
        }
        throw new AssertionError("never reached 63 %");
    }

    @Test
    void meanSquareStepFromMinus60ToMinus10DbReaches63PercentAfterOneAttackTime() {
        double attackMs = 20;
        double t = timeTo63Percent(Math.pow(10, -60 / 10.0), Math.pow(10, -10 / 10.0), attackMs, 200);
        assertThat(t).isCloseTo(attackMs * 1e-3, offset(TIME_CONSTANT_RELATIVE * attackMs * 1e-3));
    }

    @Test
    void meanSquareFallsWithTheReleaseTime() {
        double releaseMs = 100;
        double t = timeTo63Percent(Math.pow(10, -10 / 10.0), Math.pow(10, -60 / 10.0), 1, releaseMs);
        assertThat(t).isCloseTo(releaseMs * 1e-3, offset(TIME_CONSTANT_RELATIVE * releaseMs * 1e-3));
    }

    @Test
    void attackCoefficientIsChosenWhileTheInputIsAboveTheLevel() {
        double a = LevelFollower.coefficient(1, 8, FS);
        double r = LevelFollower.coefficient(100, 8, FS);
        assertThat(LevelFollower.step(0.1, 0.5, a, r)).isCloseTo(0.5 + a * (0.1 - 0.5), offset(1e-15));
        assertThat(LevelFollower.step(0.5, 0.1, a, r)).isCloseTo(0.1 + r * (0.5 - 0.1), offset(1e-15));
    }

    @Test
    void aStepFromSilenceLiftsTheLevelAboveMinus40DbInOneStep() {
        // the claim in the class Javadoc: one 32-sample step against τ = 50 ms keeps 1 − α ≈ 1.4 %
        double a = LevelFollower.coefficient(50, STEP, FS);
        double level = LevelFollower.step(0, Math.pow(10, -10 / 10.0), a, a);
        assertThat(10 * Math.log10(level)).isGreaterThan(-40).isCloseTo(-10 + 10 * Math.log10(1 - a), offset(1e-9));
    }
}
