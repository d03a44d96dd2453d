package org.unmixer.audio.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrepSettingsTest {

    @Test
    void defaultsMatchTheTrainingRenders() {
        PrepSettings d = PrepSettings.DEFAULT;
        assertThat(d.sampleRate()).isEqualTo(44_100);
        assertThat(d.seconds()).isEqualTo(1.5);
        assertThat(d.windowFrames()).isEqualTo(66_150);
        assertThat(d.preRollFrames()).isEqualTo(221); // 5 ms
    }

    @Test
    void withersChangeOneValue() {
        PrepSettings s = PrepSettings.DEFAULT.withSeconds(2).withTargetLufs(-14);
        assertThat(s.windowFrames()).isEqualTo(88_200);
        assertThat(s.targetLufs()).isEqualTo(-14);
        assertThat(s.withSeconds(1.5)).isEqualTo(PrepSettings.DEFAULT.withTargetLufs(-14));
    }

    @Test
    void badValuesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> PrepSettings.DEFAULT.withSeconds(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> PrepSettings.DEFAULT.withTargetLufs(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3.0");
        assertThatThrownBy(() -> new PrepSettings(0, 1.5, -20, -0.1, -50, -70, 10, 0.005))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample rate");
        assertThatThrownBy(() -> new PrepSettings(44_100, 1.5, -20, 1, -50, -70, 10, 0.005))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peak ceiling");
        assertThatThrownBy(() -> new PrepSettings(44_100, 1.5, -20, -0.1, -50, -70, 10, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pre-roll");
    }
}
