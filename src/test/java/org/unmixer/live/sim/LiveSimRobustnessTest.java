package org.unmixer.live.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.unmixer.live.osc.OscMessage;

/** Whatever arrives at the simulator's ports, it keeps answering; and it listens on loopback only. */
class LiveSimRobustnessTest {
    private static final int GARBAGE = 500;
    /**
     * Datagrams sent before waiting for the receivers to count them: loopback UDP drops what does not
     * fit in a socket's receive buffer, and a count is only exact if nothing was dropped.
     */
    private static final int BATCH = 20;

    @Test
    void garbageIsCountedAndBothPortsKeepAnswering() throws Exception {
        SplittableRandom random = new SplittableRandom(20_261_122);
        try (SimClient c = SimClient.start()) {
            for (int sent = 0; sent < GARBAGE; ) {
                for (int i = 0; i < BATCH; i++, sent++) {
                    c.live.sendRaw(garbage(random), c.sim.abletonOscPort());
                    c.device.sendRaw(garbage(random), c.sim.devicePort());
                }
                awaitMalformed(c, sent);
            }
            assertThat(c.sim.malformedAbletonOscPackets()).isEqualTo(GARBAGE);
            assertThat(c.sim.malformedDevicePackets()).isEqualTo(GARBAGE);
            c.sync();
            assertThat(c.ok("/unmixer/hello")).startsWith("unmixer-device/1");
            assertThat(c.sim.handled()).hasSize(2);
        }
    }

    @Test
    void theSimulatorListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to probe from");
        try (SimClient c = SimClient.start()) {
            c.live.send(OscMessage.of("/live/probe/from-lan"), new InetSocketAddress(lan.get(), c.sim.abletonOscPort()));
            c.device.send(OscMessage.of("/unmixer/hello", 7), new InetSocketAddress(lan.get(), c.sim.devicePort()));
            c.sync();
            c.sync();
            assertThat(c.sim.handled()).extracting(h -> h.request().address()).containsOnly("/live/test");
        }
    }

    /** Bytes that can never be OSC: empty, or a first byte that starts neither an address nor a bundle. */
    private static byte[] garbage(SplittableRandom random) {
        int length = random.nextInt(0, 600);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        if (length > 0 && (bytes[0] == '/' || bytes[0] == '#')) {
            bytes[0] = 0;
        }
        return bytes;
    }

    private static void awaitMalformed(SimClient c, int count) throws InterruptedException {
        for (int i = 0; i < 500 && (c.sim.malformedAbletonOscPackets() < count || c.sim.malformedDevicePackets() < count); i++) {
            Thread.sleep(10);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
