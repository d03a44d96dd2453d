package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AmxdPackerTest {
    /** Ableton's CPU Reporter in miniature: plugin~ straight into plugout~ (reference notes §3.2). */
    static final String PASS_THROUGH = """
            {"patcher": {"fileversion": 1, "classnamespace": "box", "rect": [0.0, 0.0, 400.0, 300.0],
              "boxes": [
                {"box": {"id": "obj-1", "maxclass": "newobj", "text": "plugin~", "numinlets": 2, "numoutlets": 2,
                         "outlettype": ["signal", "signal"], "patching_rect": [30.0, 30.0, 60.0, 22.0]}},
                {"box": {"id": "obj-2", "maxclass": "newobj", "text": "plugout~", "numinlets": 2, "numoutlets": 2,
                         "outlettype": ["signal", "signal"], "patching_rect": [30.0, 90.0, 60.0, 22.0]}}],
              "lines": [
                {"patchline": {"source": ["obj-1", 0], "destination": ["obj-2", 0]}},
                {"patchline": {"source": ["obj-1", 1], "destination": ["obj-2", 1]}}]}}
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void chunksAreAmpfMetaPtchWithLittleEndianSizes() {
        byte[] amxd = AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT);
        ByteBuffer in = ByteBuffer.wrap(amxd).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ascii(amxd, 0, 4)).isEqualTo("ampf");
        assertThat(in.getInt(4)).isEqualTo(4);
        assertThat(ascii(amxd, 8, 4)).isEqualTo("aaaa");
        assertThat(ascii(amxd, 12, 4)).isEqualTo("meta");
        assertThat(in.getInt(16)).isEqualTo(4);
        assertThat(in.getInt(20)).isEqualTo(AmxdPacker.META).isEqualTo(1);
        assertThat(ascii(amxd, 24, 4)).isEqualTo("ptch");
        // The size is little-endian: its low byte comes first.
        int ptchSize = in.getInt(28);
        assertThat(amxd[28] & 0xff).isEqualTo(ptchSize & 0xff);
        assertThat(ptchSize).isEqualTo(amxd.length - 32);
        assertThat(ascii(amxd, 32, 1)).isEqualTo("{");
        assertThat(Arrays.copyOfRange(amxd, amxd.length - 2, amxd.length)).containsExactly('\n', 0);
    }

    @Test
    void theTypeTagGoesIntoAmpf() {
        assertThat(ascii(AmxdPacker.pack(PASS_THROUGH, AmxdType.MIDI_EFFECT), 8, 4)).isEqualTo("mmmm");
        assertThat(ascii(AmxdPacker.pack(PASS_THROUGH, AmxdType.INSTRUMENT), 8, 4)).isEqualTo("iiii");
    }

    @Test
    void amxdtypeIsTheTagReadAsABigEndianInt() {
        // The values in Ableton's own devices (reference notes §3.2).
        assertThat(AmxdType.AUDIO_EFFECT.amxdtype()).isEqualTo(1633771873);
        assertThat(AmxdType.MIDI_EFFECT.amxdtype()).isEqualTo(1835887981);
        assertThat(AmxdType.INSTRUMENT.amxdtype()).isEqualTo(1768515945);
    }

    @Test
    void theProjectBlockIsAddedWithAmxdtypeAndFixedDates() {
        JsonNode project = AmxdReader.read(AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT)).patcher().get("project");
        assertThat(project.get("amxdtype").intValue()).isEqualTo(1633771873);
        assertThat(project.get("creationdate").longValue()).isEqualTo(AmxdPacker.FIXED_DATE);
        assertThat(project.get("modificationdate").longValue()).isEqualTo(AmxdPacker.FIXED_DATE);
        assertThat(project.get("devpath").asText()).isEqualTo(".");
        assertThat(project.get("contents").get("patchers").isObject()).isTrue();
    }

    @Test
    void readingBackGivesThePatcherPlusItsProject() throws Exception {
        AmxdReader.AmxdFile file = AmxdReader.read(AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT));
        assertThat(file.type()).isEqualTo(AmxdType.AUDIO_EFFECT);
        assertThat(file.meta()).hasValue(1);
        ObjectNode back = file.json();
        ((ObjectNode) back.get("patcher")).remove("project");
        assertThat(back).isEqualTo(MAPPER.readTree(PASS_THROUGH));
    }

    @Test
    void packingIsReproducibleWhateverTheSourceFormatting() throws Exception {
        byte[] once = AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT);
        byte[] twice = AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT);
        String compact = MAPPER.writeValueAsString(MAPPER.readTree(PASS_THROUGH));
        String windows = PASS_THROUGH.replace("\n", "\r\n");
        assertThat(twice).isEqualTo(once);
        assertThat(AmxdPacker.pack(compact, AmxdType.AUDIO_EFFECT)).isEqualTo(once);
        assertThat(AmxdPacker.pack(windows, AmxdType.AUDIO_EFFECT)).isEqualTo(once);
        assertThat(new String(once, StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void aProjectOfTheSameTypeIsKeptAndOfAnotherTypeRefused() {
        String audio = ascii(AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT), 32, -2);
        assertThat(AmxdPacker.pack(audio, AmxdType.AUDIO_EFFECT)).isEqualTo(AmxdPacker.pack(PASS_THROUGH, AmxdType.AUDIO_EFFECT));
        assertThatThrownBy(() -> AmxdPacker.pack(audio, AmxdType.MIDI_EFFECT))
                .isInstanceOf(MalformedAmxdException.class)
                .hasMessageContaining("amxdtype is 1633771873, not 1835887981 (mmmm)");
    }

    @Test
    void whatIsNotAPatcherIsRefusedWithAReason() {
        assertThatThrownBy(() -> AmxdPacker.pack("{\"patcher\": ", AmxdType.AUDIO_EFFECT))
                .isInstanceOf(MalformedAmxdException.class).hasMessageStartingWith("the patcher is not JSON");
        assertThatThrownBy(() -> AmxdPacker.pack("[1, 2]", AmxdType.AUDIO_EFFECT))
                .isInstanceOf(MalformedAmxdException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> AmxdPacker.pack("{\"boxes\": []}", AmxdType.AUDIO_EFFECT))
                .isInstanceOf(MalformedAmxdException.class).hasMessageContaining("no \"patcher\" object");
    }

    /** ASCII text of {@code length} bytes from {@code offset}; a negative length counts back from the end. */
    static String ascii(byte[] bytes, int offset, int length) {
        int n = length >= 0 ? length : bytes.length - offset + length;
        return new String(bytes, offset, n, StandardCharsets.UTF_8);
    }
}
