package org.unmixer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiveLinkTest {
    @Test
    void noLiveAnsweringIsAClearMessageWithTheSetupSteps() {
        LiveLink.Settings nobody = new LiveLink.Settings(AbletonOscClientTest.freePort(), 0, AbletonOscClientTest.freePort(), 0, 300);
        assertThatThrownBy(() -> LiveLink.connect(nobody, s -> { }))
                .isInstanceOf(LiveConnectionException.class)
                .hasMessageContaining("no Live answered")
                .hasMessageContaining("AbletonOSC")
                .hasMessageContaining("Un-Mixer Link.amxd")
                .hasMessageContaining("fake-live")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void versionsCompareAndParseLiveStrings() {
        assertThat(LiveVersion.parse("12.3.5").canInsertDevices()).isTrue();
        assertThat(LiveVersion.parse("12.3b14").canInsertDevices()).isTrue();
        assertThat(LiveVersion.parse("12.2.5").canInsertDevices()).isFalse();
        assertThat(LiveVersion.parse("11").canInsertDevices()).isFalse();
        assertThat(LiveVersion.parse("garbage")).isEqualTo(new LiveVersion(0, 0, 0));
    }
}
