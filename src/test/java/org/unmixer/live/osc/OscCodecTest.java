package org.unmixer.live.osc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OscCodecTest {
    @Test
    void roundTripsEveryArgumentTypeWeUse() {
        OscMessage m = OscMessage.of("/live/device/set/parameter/value", 3, 1, 7, 0.25f, "Soft Sine", true, false, 2.5, 9L);
        byte[] bytes = OscCodec.encode(m);
        assertThat(bytes.length % 4).isZero();
        assertThat(OscCodec.decode(bytes, bytes.length)).containsExactly(m);
    }

    @Test
    void aBundleComesBackAsItsMessagesInOrder() {
        List<OscMessage> ms = List.of(OscMessage.of("/a", 1), OscMessage.of("/b", "x"), OscMessage.of("/c"));
        byte[] bytes = OscCodec.encodeBundle(ms);
        assertThat(OscCodec.decode(bytes, bytes.length)).containsExactlyElementsOf(ms);
    }

    @Test
    void knownGoodBytesFromTheOscSpecDecode() {
        // "/oscillator/4/frequency" ,f 440.0 — the OSC 1.0 specification's example.
        byte[] addr = "/oscillator/4/frequency\0".getBytes(StandardCharsets.US_ASCII);
        byte[] tags = ",f\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] value = {0x43, (byte) 0xdc, 0x00, 0x00};
        byte[] all = new byte[addr.length + tags.length + value.length];
        System.arraycopy(addr, 0, all, 0, addr.length);
        System.arraycopy(tags, 0, all, addr.length, tags.length);
        System.arraycopy(value, 0, all, addr.length + tags.length, value.length);
        assertThat(OscCodec.decode(all, all.length)).containsExactly(OscMessage.of("/oscillator/4/frequency", 440f));
    }

    @Test
    void garbageIsRejectedWithAReasonNeverAnotherException() {
        assertThatThrownBy(() -> OscCodec.decode(new byte[0], 0)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> OscCodec.decode(new byte[5], 5)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("multiple of 4");
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[4 * (1 + random.nextInt(16))];
            random.nextBytes(junk);
            if (i % 3 == 0) {
                junk[0] = '/';
            }
            try {
                OscCodec.decode(junk, junk.length);
            } catch (MalformedPacketException expected) {
                assertThat(expected.getMessage()).doesNotContain("\n");
            }
        }
    }

    @Test
    void truncatedMessagesAreMalformed() {
        byte[] bytes = OscCodec.encode(OscMessage.of("/live/test", "hello", 1.5f));
        assertThatThrownBy(() -> OscCodec.decode(bytes, bytes.length - 4)).isInstanceOf(MalformedPacketException.class);
    }
}
