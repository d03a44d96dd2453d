package org.unmixer.params;

/** Where a device sits in Live: an instrument makes sound from notes, an audio effect processes audio. */
public enum DeviceKind {
    INSTRUMENT, AUDIO_EFFECT;

    public static DeviceKind parse(String name) {
        return switch (name) {
            case "instrument" -> INSTRUMENT;
            case "audio_effect" -> AUDIO_EFFECT;
            default -> throw new IllegalArgumentException("unknown device kind \"" + name + "\" (instrument, audio_effect)");
        };
    }
}
