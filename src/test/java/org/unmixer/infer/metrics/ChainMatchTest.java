package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChainMatchTest {
    private static final String EQ = "EQ Eight";
    private static final String REV = "Reverb";
    private static final String SAT = "Saturator";
    private static final String OTT = "Multiband Dynamics";
    private static final String PF = "Phaser-Flanger";

    @Test
    void theLinearTimeInvariantDevicesAreEqEightAndReverb() {
        assertThat(ChainMatch.LTI_DEVICES).containsExactlyInAnyOrder(EQ, REV);
    }

    @Test
    void exactMatchNeedsTheSameOrder() {
        assertThat(ChainMatch.exact(List.of(EQ, REV), List.of(EQ, REV))).isTrue();
        assertThat(ChainMatch.exact(List.of(EQ, REV), List.of(REV, EQ))).isFalse();
        assertThat(ChainMatch.exact(List.of(), List.of())).isTrue();
    }

    @Test
    void adjacentLtiDevicesCommute() {
        assertThat(ChainMatch.exactModuloCommuting(List.of(EQ, REV), List.of(REV, EQ))).isTrue();
        assertThat(ChainMatch.exactModuloCommuting(List.of(SAT, EQ, REV, OTT), List.of(SAT, REV, EQ, OTT))).isTrue();
    }

    @Test
    void repeatedSwapsReachEveryOrderOfARun() {
        // EQ REV EQ: swapping positions 0,1 gives REV EQ EQ, swapping 1,2 gives EQ EQ REV: one class
        assertThat(ChainMatch.exactModuloCommuting(List.of(EQ, REV, EQ), List.of(REV, EQ, EQ))).isTrue();
        assertThat(ChainMatch.exactModuloCommuting(List.of(EQ, REV, EQ), List.of(EQ, EQ, REV))).isTrue();
        assertThat(ChainMatch.canonical(List.of(REV, EQ, EQ))).containsExactly(EQ, EQ, REV);
    }

    @Test
    void aNonLtiDeviceBetweenThemIsAWall() {
        assertThat(ChainMatch.exactModuloCommuting(List.of(EQ, SAT, REV), List.of(REV, SAT, EQ))).isFalse();
        assertThat(ChainMatch.canonical(List.of(REV, EQ, SAT, REV, EQ))).containsExactly(EQ, REV, SAT, EQ, REV);
        assertThat(ChainMatch.exactModuloCommuting(List.of(REV, EQ, SAT, REV), List.of(EQ, REV, SAT, REV))).isTrue();
        assertThat(ChainMatch.exactModuloCommuting(List.of(REV, EQ, SAT, REV), List.of(EQ, SAT, REV, REV))).isFalse();
    }

    @Test
    void nonLtiDevicesNeverCommute() {
        assertThat(ChainMatch.exactModuloCommuting(List.of(SAT, EQ), List.of(EQ, SAT))).isFalse();
        assertThat(ChainMatch.exactModuloCommuting(List.of(SAT, OTT), List.of(OTT, SAT))).isFalse();
        assertThat(ChainMatch.exactModuloCommuting(List.of(PF, REV), List.of(REV, PF))).isFalse();
    }

    @Test
    void commutingDoesNotChangeWhichDevicesAreThere() {
        assertThat(ChainMatch.exactModuloCommuting(List.of(EQ, REV), List.of(EQ, REV, REV))).isFalse();
        assertThat(ChainMatch.exactModuloCommuting(List.of(EQ, REV), List.of(EQ, EQ))).isFalse();
    }
}
