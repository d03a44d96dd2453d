package org.unmixer.params;

/**
 * How the Live Object Model exposes a parameter's value (what AbletonOSC reads and writes).
 *
 * <ul>
 *   <li>{@code NORMALIZED}: 0…1 with the device's own taper; we assume Live's taper equals the
 *       catalog's (see {@link Taper}), so the LOM value equals θ. Where Live's taper is not known
 *       the catalog says so in the parameter's {@code note}.</li>
 *   <li>{@code DISPLAY}: the display value itself (EQ Eight gains in dB, semitones, notch count).</li>
 *   <li>{@code LOG10}: log10 of the display value (Multiband Dynamics crossovers in Hz, times in
 *       ms).</li>
 *   <li>{@code INDEX}: a quantized parameter's item index.</li>
 * </ul>
 */
public enum LomEncoding {
    NORMALIZED, DISPLAY, LOG10, INDEX;

    public static LomEncoding parse(String name) {
        return switch (name) {
            case "normalized" -> NORMALIZED;
            case "display" -> DISPLAY;
            case "log10" -> LOG10;
            case "index" -> INDEX;
            default -> throw new IllegalArgumentException(
                    "unknown LOM encoding \"" + name + "\" (normalized, display, log10, index)");
        };
    }
}
