package org.unmixer.dsp.dyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class GainComputerTest {
    /** Closed-form values are exact up to double rounding. */
    private static final double EXACT = 1e-9;

    /** OTT's mid band (dsp-reference.md §4.3): 66.7:1 above −30.25 dB, 1:4.17 upward below −41.75 dB. */
    private static final GainComputer OTT_MID = new GainComputer(
            -30.25, GainComputer.aboveSlope(-0.985), -41.75, GainComputer.belowSlope(0.76), 0, 1);

    @Test
    void ratioEncodingGivesTheDocumentedRatios() {
        assertThat(1 / GainComputer.aboveSlope(-0.985)).isCloseTo(66.67, offset(0.01));
        assertThat(GainComputer.aboveSlope(-1)).isZero();
        assertThat(1 / GainComputer.belowSlope(0.76)).isCloseTo(4.17, offset(0.01));
        assertThat(GainComputer.belowSlope(-3)).isEqualTo(4);
    }

    @Test
    void hardKneeCurveFollowsThePiecewiseLine() {
        // above: y = T + s(x − T) → gain = (s − 1)(x − T)
        assertThat(OTT_MID.gainDb(0)).isCloseTo(-0.985 * 30.25, offset(EXACT));
        // below: gain = (s − 1)(x − T) = −0.76·(x − T)
        assertThat(OTT_MID.gainDb(-60)).isCloseTo(0.76 * 18.25, offset(EXACT));
        // between the thresholds nothing happens
        assertThat(OTT_MID.gainDb(-35)).isZero();
        // at the detector floor OTT lifts by ≈ 29.1 dB (§4.4)
        assertThat(OTT_MID.gainDb(-200)).isCloseTo(0.76 * (80 - 41.75), offset(EXACT));
    }

    @Test
    void amountScalesTheGainInDb() {
        GainComputer half = new GainComputer(-30.25, 0.015, -41.75, 0.24, 0, 0.5);
        assertThat(half.gainDb(0)).isCloseTo(OTT_MID.gainDb(0) / 2, offset(EXACT));
        GainComputer none = new GainComputer(-30.25, 0.015, -41.75, 0.24, 0, 0);
        assertThat(none.gainDb(0)).isZero();
        assertThat(none.gainDb(-70)).isZero();
    }

    @Test
    void softKneeIsQuadraticAndJoinsTheLinesAtItsEdges() {
        double w = 6;
        GainComputer soft = new GainComputer(-30, 0.25, -50, 0.5, w, 1);
        GainComputer hard = new GainComputer(-30, 0.25, -50, 0.5, 0, 1);
        // Giannoulis et al. eq. (4) at the threshold: (s − 1)(W/2)²/(2W) = (s − 1)W/8
        assertThat(soft.aboveGainDb(-30)).isCloseTo((0.25 - 1) * w / 8, offset(EXACT));
        assertThat(soft.belowGainDb(-50)).isCloseTo(-(0.5 - 1) * w / 8, offset(EXACT));
        for (double edge : new double[] {-33, -27, -53, -47}) {
            assertThat(soft.gainDb(edge)).isCloseTo(hard.gainDb(edge), offset(EXACT));
        }
        assertThat(soft.gainDb(-20)).isCloseTo(hard.gainDb(-20), offset(EXACT));
    }

    @Test
    void boostIsCappedAndLevelsAreFloored() {
        GainComputer lift = new GainComputer(0, 1, 0, GainComputer.belowSlope(1), 0, 1);
        assertThat(lift.belowGainDb(-70)).isEqualTo(GainComputer.BOOST_CAP_DB);
        GainComputer expander = new GainComputer(0, 1, -40, 2, 0, 1);
        assertThat(expander.belowGainDb(Double.NEGATIVE_INFINITY)).isCloseTo(-40, offset(EXACT));
    }
}
