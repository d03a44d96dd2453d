package org.unmixer.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Reads an unfrozen {@code .amxd} back into its parts and checks it on the way: the chunk order
 * {@code ampf}, optional {@code meta}, {@code ptch}; every size inside the file; the patcher
 * NUL-terminated UTF-8 JSON with a {@code patcher} object. Frozen ({@code mx@c}) and encrypted
 * ({@code ciph}) devices are refused by name. Every problem is a {@link MalformedAmxdException}
 * whose message says what and at which byte.
 */
public final class AmxdReader {
    private static final int HEADER = 8;

    private AmxdReader() {
    }

    /** A read device: its type, the {@code meta} value if present, and the patcher JSON (without the NUL). */
    public record AmxdFile(AmxdType type, OptionalInt meta, String patcherJson) {
        /** The parsed patcher JSON ({@code {"patcher": {...}}}). */
        public ObjectNode json() {
            return AmxdPacker.parse(patcherJson);
        }

        /** The top-level {@code patcher} object. */
        public ObjectNode patcher() {
            return AmxdPacker.patcherOf(json());
        }
    }

    /** Parses and checks {@code .amxd} bytes. */
    public static AmxdFile read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        byte[] ampf = expectChunk(in, "ampf");
        if (ampf.length != 4) {
            throw new MalformedAmxdException("the ampf chunk has " + ampf.length + " bytes, not 4");
        }
        AmxdType type = AmxdType.ofTag(new String(ampf, StandardCharsets.US_ASCII));

        OptionalInt meta = OptionalInt.empty();
        if ("meta".equals(peekTag(in))) {
            byte[] m = expectChunk(in, "meta");
            if (m.length != 4) {
                throw new MalformedAmxdException("the meta chunk has " + m.length + " bytes, not 4");
            }
            meta = OptionalInt.of(ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
        if ("ciph".equals(peekTag(in))) {
            throw new MalformedAmxdException("the device is encrypted (ciph chunk); only plain devices are read");
        }

        int ptchAt = in.position();
        byte[] ptch = expectChunk(in, "ptch");
        if (in.hasRemaining()) {
            throw new MalformedAmxdException(in.remaining() + " stray bytes after the ptch chunk (at byte "
                    + in.position() + ")");
        }
        if (ptch.length >= 4 && "mx@c".equals(new String(ptch, 0, 4, StandardCharsets.US_ASCII))) {
            throw new MalformedAmxdException("the device is frozen (mx@c container); only unfrozen devices are read");
        }
        if (ptch.length == 0 || ptch[ptch.length - 1] != 0) {
            throw new MalformedAmxdException("the patcher JSON in the ptch chunk (at byte " + ptchAt
                    + ") does not end with a NUL byte");
        }
        String json = utf8(ptch, ptch.length - 1);
        int nul = json.indexOf('\0');
        if (nul >= 0) {
            throw new MalformedAmxdException("the patcher JSON has a NUL byte inside it (character " + nul + ")");
        }
        AmxdFile file = new AmxdFile(type, meta, json);
        JsonNode patcher = file.patcher();
        if (!patcher.has("boxes")) {
            throw new MalformedAmxdException("the patcher has no \"boxes\"");
        }
        return file;
    }

    private static String peekTag(ByteBuffer in) {
        if (in.remaining() < 4) {
            return null;
        }
        return new String(in.array(), in.position(), 4, StandardCharsets.US_ASCII);
    }

    private static byte[] expectChunk(ByteBuffer in, String tag) {
        int at = in.position();
        if (in.remaining() < HEADER) {
            throw new MalformedAmxdException("the file ends at byte " + in.limit() + " where the " + tag
                    + " chunk header (8 bytes) should be; truncated?");
        }
        String found = peekTag(in);
        if (!tag.equals(found)) {
            throw new MalformedAmxdException("expected the " + tag + " chunk at byte " + at + ", found \""
                    + printable(found) + "\"; not an unfrozen .amxd?");
        }
        in.position(at + 4);
        long size = Integer.toUnsignedLong(in.getInt());
        if (size > in.remaining()) {
            throw new MalformedAmxdException("the " + tag + " chunk at byte " + at + " says " + size
                    + " bytes but only " + in.remaining() + " follow; truncated?");
        }
        byte[] data = new byte[(int) size];
        in.get(data);
        return data;
    }

    private static String utf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedAmxdException("the patcher JSON is not valid UTF-8", e);
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
