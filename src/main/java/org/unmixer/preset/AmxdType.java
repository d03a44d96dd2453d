package org.unmixer.preset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The kind of a Max for Live device, as the {@code ampf} chunk of an {@code .amxd} names it
 * (reference notes §3.1, read from Ableton's maxdevtools reader).
 */
public enum AmxdType {
    AUDIO_EFFECT("aaaa"),
    MIDI_EFFECT("mmmm"),
    INSTRUMENT("iiii");

    private final String tag;

    AmxdType(String tag) {
        this.tag = tag;
    }

    /** The four ASCII bytes of the {@code ampf} chunk. */
    public String tag() {
        return tag;
    }

    /**
     * The patcher's {@code project.amxdtype}: the tag read as a big-endian int ({@code aaaa} =
     * 1633771873), as in Ableton's own devices (reference notes §3.2).
     */
    public int amxdtype() {
        byte[] b = tag.getBytes(StandardCharsets.US_ASCII);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /** The type with this {@code ampf} tag. */
    public static AmxdType ofTag(String tag) {
        return Arrays.stream(values()).filter(t -> t.tag.equals(tag)).findFirst()
                .orElseThrow(() -> new MalformedAmxdException("unknown device type \"" + tag
                        + "\" in the ampf chunk (expected aaaa, mmmm or iiii)"));
    }
}
