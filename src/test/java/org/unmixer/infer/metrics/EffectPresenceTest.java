package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectPresenceTest {
    private static final double EXACT = 1e-12;

    @Test
    void countsAreOnePerDevicePerExample() {
        Map<String, PresenceCounts> c = EffectPresence.count(List.of("Saturator", "EQ Eight", "EQ Eight"),
                List.of("Saturator", "Reverb"));
        assertThat(c).containsOnlyKeys(EffectPresence.EFFECTS);
        assertThat(c.get("Saturator")).isEqualTo(new PresenceCounts(1, 0, 0));
        assertThat(c.get("EQ Eight")).isEqualTo(new PresenceCounts(0, 1, 0)); // twice in the chain, counted once
        assertThat(c.get("Reverb")).isEqualTo(new PresenceCounts(0, 0, 1));
        assertThat(c.get("Phaser-Flanger")).isEqualTo(PresenceCounts.ZERO);
    }

    @Test
    void undefinedRatiosAreZeroForDevicesThatOccurAndEmptyForAbsentOnes() {
        PresenceCounts missed = new PresenceCounts(0, 0, 2);
        assertThat(missed.precision().getAsDouble()).isZero();
        assertThat(missed.recall().getAsDouble()).isZero();
        PresenceCounts invented = new PresenceCounts(0, 3, 0);
        assertThat(invented.recall().getAsDouble()).isZero();
        assertThat(invented.f1().getAsDouble()).isZero();
        assertThat(PresenceCounts.ZERO.precision()).isEmpty();
        assertThat(PresenceCounts.ZERO.f1()).isEmpty();
        // TP 1, FP 1, FN 2: P 1/2, R 1/3, F1 2/(2+1+2) = 0.4
        PresenceCounts mixed = new PresenceCounts(1, 1, 2);
        assertThat(mixed.precision().getAsDouble()).isCloseTo(0.5, offset(EXACT));
        assertThat(mixed.recall().getAsDouble()).isCloseTo(1 / 3.0, offset(EXACT));
        assertThat(mixed.f1().getAsDouble()).isCloseTo(0.4, offset(EXACT));
        assertThatThrownBy(() -> new PresenceCounts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void macroSkipsDevicesAbsentFromBoth() {
        // Saturator TP (1,1,1), Reverb FN (0,0,0), EQ FP (0,0,0); three absent devices skipped
        EffectPresence.Macro m = EffectPresence.macro(EffectPresence.count(List.of("Saturator", "EQ Eight"),
                List.of("Saturator", "Reverb"))).orElseThrow();
        assertThat(m.devices()).isEqualTo(3);
        assertThat(m.precision()).isCloseTo(1 / 3.0, offset(EXACT));
        assertThat(m.recall()).isCloseTo(1 / 3.0, offset(EXACT));
        assertThat(m.f1()).isCloseTo(1 / 3.0, offset(EXACT));
    }

    @Test
    void twoDryChainsHaveNoPresenceScore() {
        assertThat(EffectPresence.macro(EffectPresence.count(List.of(), List.of()))).isEmpty();
    }

    @Test
    void overADataSetCountsAreSummedBeforeF1() {
        Map<String, PresenceCounts> first = EffectPresence.count(List.of("Saturator", "EQ Eight"),
                List.of("Saturator", "Reverb"));
        Map<String, PresenceCounts> second = EffectPresence.count(List.of("Reverb"), List.of("Reverb"));
        Map<String, PresenceCounts> sum = EffectPresence.sum(List.of(first, second));
        assertThat(sum.get("Reverb")).isEqualTo(new PresenceCounts(1, 0, 1));
        // Saturator P1 R1 F1 1; Reverb P1 R1/2 F1 2/3; EQ P0 R0 F1 0 → P 2/3, R 1/2, F1 5/9
        EffectPresence.Macro m = EffectPresence.macro(sum).orElseThrow();
        assertThat(m.devices()).isEqualTo(3);
        assertThat(m.precision()).isCloseTo(2 / 3.0, offset(EXACT));
        assertThat(m.recall()).isCloseTo(0.5, offset(EXACT));
        assertThat(m.f1()).isCloseTo(5 / 9.0, offset(EXACT));
    }
}
