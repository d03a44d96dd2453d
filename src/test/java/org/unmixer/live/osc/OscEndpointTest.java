package org.unmixer.live.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OscEndpointTest {
    @Test
    void messagesAndBundlesTravelOverLoopbackAndGarbageIsCountedNotFatal() throws Exception {
        LinkedBlockingQueue<OscMessage> got = new LinkedBlockingQueue<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (OscEndpoint server = OscEndpoint.open(0, "test-server", (m, from) -> got.add(m), problems::add);
                OscEndpoint client = OscEndpoint.open(0, "test-client", (m, from) -> { }, problems::add)) {
            client.sendRaw(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, server.port());
            client.sendRaw(new byte[] {'/', 'x', 0}, server.port());
            client.send(OscMessage.of("/live/test"), server.port());
            client.sendBundle(List.of(OscMessage.of("/a", 1), OscMessage.of("/b", 2f)), server.port());
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo(OscMessage.of("/live/test"));
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo(OscMessage.of("/a", 1));
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo(OscMessage.of("/b", 2f));
            assertThat(server.malformedCount()).isEqualTo(2);
            assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("ignored a malformed packet"));
        }
    }

    @Test
    void listenerFailuresAreReportedAndTheReceiverKeepsGoing() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (OscEndpoint server = OscEndpoint.open(0, "test-server", (m, from) -> {
                    if (m.address().equals("/boom")) {
                        throw new IllegalStateException("boom");
                    }
                    seen.add(m.address());
                }, problems::add);
                OscEndpoint client = OscEndpoint.open(0, "test-client", (m, from) -> { }, problems::add)) {
            client.send(OscMessage.of("/boom"), server.port());
            client.send(OscMessage.of("/fine"), server.port());
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("/fine");
            assertThat(problems).containsExactly("could not handle /boom: boom");
        }
    }

    @Test
    void bindsTheLoopbackAddressOnlyAndRefusesATakenPort() {
        try (OscEndpoint a = OscEndpoint.open(0, "a", (m, from) -> { }, p -> { })) {
            assertThat(OscEndpoint.loopback(a.port()).getAddress().isLoopbackAddress()).isTrue();
            assertThatThrownBy(() -> OscEndpoint.open(a.port(), "b", (m, from) -> { }, p -> { }))
                    .isInstanceOf(PortInUseException.class).hasMessageContaining("127.0.0.1:" + a.port());
        }
    }

    @Test
    void repliesCanGoBackToTheSender() throws Exception {
        LinkedBlockingQueue<OscMessage> replies = new LinkedBlockingQueue<>();
        OscEndpoint[] server = new OscEndpoint[1];
        server[0] = OscEndpoint.open(0, "echo", (m, from) -> server[0].send(OscMessage.of("/echo", m.address()), from), p -> { });
        try (OscEndpoint client = OscEndpoint.open(0, "c", (m, from) -> replies.add(m), p -> { })) {
            client.send(OscMessage.of("/ping"), server[0].port());
            assertThat(replies.poll(5, TimeUnit.SECONDS)).isEqualTo(OscMessage.of("/echo", "/ping"));
        } finally {
            server[0].close();
        }
    }
}
