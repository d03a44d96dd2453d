package org.unmixer.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemainingTimeTest {
    @Test
    void averagePaceScalesElapsedTimeByTheItemsLeft() {
        assertThat(RemainingTime.atAveragePace(30, 3, 10)).isEqualTo(70.0); // 10 s per item, 7 left
        assertThat(RemainingTime.atAveragePace(5, 10, 10)).isEqualTo(0.0);
        assertThat(RemainingTime.atAveragePace(5, 0, 10)).isNaN();
    }

    @Test
    void rateGivesTimeForTheRemainingItems() {
        assertThat(RemainingTime.atRate(90, 10)).isEqualTo(9.0);
        assertThat(RemainingTime.atRate(90, 0)).isNaN();
        assertThat(RemainingTime.atRate(90, Double.NaN)).isNaN();
    }

    @Test
    void coarseIsSecondsUnderTwoMinutesThenMinutes() {
        assertThat(RemainingTime.coarse(42.4)).isEqualTo("42 s");
        assertThat(RemainingTime.coarse(119.4)).isEqualTo("119 s");
        assertThat(RemainingTime.coarse(150)).isEqualTo("2.5 min");
        assertThat(RemainingTime.coarse(Double.NaN)).isEqualTo("?");
    }

    @Test
    void clockIsMinutesSecondsAndHoursFromAnHourOn() {
        assertThat(RemainingTime.clock(201)).isEqualTo("3:21");
        assertThat(RemainingTime.clock(9.6)).isEqualTo("0:10");
        assertThat(RemainingTime.clock(3723)).isEqualTo("1:02:03");
        assertThat(RemainingTime.clock(Double.POSITIVE_INFINITY)).isEqualTo("?");
        assertThat(RemainingTime.clock(-1)).isEqualTo("?");
    }
}
