package org.unmixer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.osc.OscMessage;

/**
 * The client against a tiny scripted server on loopback: replies are matched by address and echoed
 * indices even when they come back out of order, missing replies time out with Live's error text.
 */
class AbletonOscClientTest {
    @Test
    void theCorrelationKeyIsTheAddressAndTheLeadingIndices() {
        assertThat(AbletonOscClient.key(OscMessage.of("/live/device/get/parameters/value", 2, 1)))
                .isEqualTo("/live/device/get/parameters/value 2 1");
        assertThat(AbletonOscClient.key(OscMessage.of("/live/device/get/parameter/value", 2f, 1, 3, 0.5f)))
                .isEqualTo("/live/device/get/parameter/value 2 1 3");
        assertThat(AbletonOscClient.key(OscMessage.of("/live/test", "ok"))).isEqualTo("/live/test");
    }

    @Test
    void aBatchIsAnsweredOutOfOrderAndEachReplyFindsItsQuery() {
        List<OscMessage> batch = Collections.synchronizedList(new ArrayList<>());
        int[] replyPort = new int[1];
        OscEndpoint[] server = new OscEndpoint[1];
        server[0] = OscEndpoint.open(0, "scripted", (m, from) -> {
            batch.add(m);
            if (batch.size() == 3) {
                List<OscMessage> reversed = new ArrayList<>(batch);
                Collections.reverse(reversed);
                for (OscMessage q : reversed) {
                    server[0].send(OscMessage.of(q.address(), q.args().get(0), q.args().get(1), "of " + q.args().get(1)),
                            replyPort[0]);
                }
            }
        }, s -> { });
        try (AbletonOscClient client = AbletonOscClient.open(server[0].port(), 0, 3000, s -> { })) {
            replyPort[0] = client.replyPort();
            List<OscMessage> replies = client.queryAll(List.of(
                    OscMessage.of("/live/device/get/parameters/name", 0, 1),
                    OscMessage.of("/live/device/get/parameters/name", 0, 10),
                    OscMessage.of("/live/device/get/parameters/name", 0, 2)));
            assertThat(replies).extracting(m -> m.stringArg(2)).containsExactly("of 1", "of 10", "of 2");
        } finally {
            server[0].close();
        }
    }

    @Test
    void aQueryLiveRefusesTimesOutWithLivesErrorText() {
        int[] replyPort = new int[1];
        OscEndpoint[] server = new OscEndpoint[1];
        server[0] = OscEndpoint.open(0, "refusing", (m, from) -> server[0].send(
                OscMessage.of("/live/error", "Error handling OSC message: Index out of range"), replyPort[0]), s -> { });
        try (AbletonOscClient client = AbletonOscClient.open(server[0].port(), 0, 400, s -> { })) {
            replyPort[0] = client.replyPort();
            assertThatThrownBy(() -> client.query(OscMessage.of("/live/device/get/parameters/name", 0, 9)))
                    .isInstanceOf(LiveConnectionException.class).hasMessageContaining("Index out of range");
            List<Optional<OscMessage>> each = client.queryEach(List.of(OscMessage.of("/live/track/get/name", 7)));
            assertThat(each).containsExactly(Optional.empty());
            assertThat(client.errors()).isNotEmpty();
        } finally {
            server[0].close();
        }
    }

    @Test
    void nobodyListeningGivesTheSetupStepsNotAHang() {
        try (AbletonOscClient client = AbletonOscClient.open(freePort(), 0, 300, s -> { })) {
            assertThat(client.ping()).isFalse();
            assertThatThrownBy(() -> client.query(OscMessage.of("/live/test")))
                    .isInstanceOf(LiveConnectionException.class).hasMessageContaining("AbletonOSC").hasMessageContaining("Control Surface");
        }
    }

    static int freePort() {
        return org.unmixer.testing.FreePorts.udp();
    }
}
