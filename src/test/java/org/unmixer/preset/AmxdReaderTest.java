package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AmxdReaderTest {
    private static final byte[] DEVICE = AmxdPacker.pack(AmxdPackerTest.PASS_THROUGH, AmxdType.AUDIO_EFFECT);

    @Test
    void everyTruncationIsAClearErrorNeverAnotherException() {
        for (int length = 0; length < DEVICE.length; length++) {
            byte[] cut = Arrays.copyOf(DEVICE, length);
            Throwable t = catchThrowable(() -> AmxdReader.read(cut));
            assertThat(t).as("read of the first %d bytes", length).isInstanceOf(MalformedAmxdException.class);
            assertThat(t.getMessage()).doesNotContain("\n");
        }
        assertThatThrownBy(() -> AmxdReader.read(Arrays.copyOf(DEVICE, 100)))
                .hasMessageContaining("the ptch chunk at byte 24 says").hasMessageContaining("truncated?");
        assertThatThrownBy(() -> AmxdReader.read(Arrays.copyOf(DEVICE, 6)))
                .hasMessageContaining("ampf chunk header").hasMessageContaining("truncated?");
    }

    @Test
    void aGarbledTagNamesTheChunkAndTheByte() {
        byte[] garbled = DEVICE.clone();
        garbled[24] = 'x';
        assertThatThrownBy(() -> AmxdReader.read(garbled)).isInstanceOf(MalformedAmxdException.class)
                .hasMessage("expected the ptch chunk at byte 24, found \"xtch\"; not an unfrozen .amxd?");
        byte[] wav = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> AmxdReader.read(wav)).hasMessageContaining("expected the ampf chunk at byte 0");
    }

    @Test
    void aPatcherWithoutItsNulIsRefused() {
        byte[] noNul = DEVICE.clone();
        noNul[noNul.length - 1] = ' ';
        assertThatThrownBy(() -> AmxdReader.read(noNul)).isInstanceOf(MalformedAmxdException.class)
                .hasMessageContaining("does not end with a NUL byte");
    }

    @Test
    void strayBytesAfterThePatcherAreRefused() {
        byte[] longer = Arrays.copyOf(DEVICE, DEVICE.length + 3);
        assertThatThrownBy(() -> AmxdReader.read(longer)).hasMessageContaining("3 stray bytes after the ptch chunk");
    }

    @Test
    void brokenJsonUnknownTypesAndFrozenDevicesAreNamed() {
        assertThatThrownBy(() -> AmxdReader.read(file("aaaa", "{\"patcher\": {\0")))
                .isInstanceOf(MalformedAmxdException.class).hasMessageStartingWith("the patcher is not JSON");
        assertThatThrownBy(() -> AmxdReader.read(file("abcd", "{}\0")))
                .hasMessageContaining("unknown device type \"abcd\"");
        assertThatThrownBy(() -> AmxdReader.read(file("aaaa", "mx@c\0\0\0\u0010")))
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> AmxdReader.read(file("aaaa", "{\"patcher\": {}}\0")))
                .hasMessageContaining("no \"boxes\"");
        byte[] badUtf8 = file("aaaa", "{\"patcher\": {\"boxes\": [], \"x\": \"__\"}}\0");
        int at = new String(badUtf8, StandardCharsets.ISO_8859_1).indexOf("__");
        badUtf8[at] = (byte) 0xc3;
        badUtf8[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> AmxdReader.read(badUtf8)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aDeviceWithoutMetaReadsAsWell() {
        AmxdReader.AmxdFile f = AmxdReader.read(file("mmmm", "{\"patcher\": {\"boxes\": []}}\n\0"));
        assertThat(f.type()).isEqualTo(AmxdType.MIDI_EFFECT);
        assertThat(f.meta()).isEmpty();
        assertThat(f.patcherJson()).isEqualTo("{\"patcher\": {\"boxes\": []}}\n");
    }

    @Test
    void randomBytesNeverEscapeAsAnotherException() {
        Random random = new Random(11);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = i % 2 == 0 ? new byte[random.nextInt(64)] : DEVICE.clone();
            if (i % 2 == 0) {
                random.nextBytes(junk);
            } else {
                for (int k = 0; k < 4; k++) {
                    junk[random.nextInt(40)] = (byte) random.nextInt(256);
                }
            }
            try {
                AmxdReader.read(junk);
            } catch (MalformedAmxdException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    /** ampf + ptch without meta, as py2max's exports are laid out. */
    private static byte[] file(String type, String ptch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] data = ptch.getBytes(StandardCharsets.UTF_8);
        out.writeBytes("ampf".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(4));
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("ptch".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
