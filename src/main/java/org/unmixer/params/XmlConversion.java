package org.unmixer.params;

/**
 * How a display value becomes the {@code Manual} value of a preset's XML parameter element.
 *
 * <ul>
 *   <li>{@code SCALE}: xml = display · scale (ms → s is 0.001, % → 0…1 is 0.01, Hz is 1).</li>
 *   <li>{@code DB_TO_GAIN}: xml = 10^(display/20) (Reverb's Reflect/Diffuse levels are stored as
 *       linear gain, displayed in dB).</li>
 *   <li>{@code INDEX}: a quantized parameter stored as its item index.</li>
 *   <li>{@code BOOL}: an Off/On switch stored as {@code false}/{@code true}.</li>
 * </ul>
 */
public enum XmlConversion {
    SCALE, DB_TO_GAIN, INDEX, BOOL;

    public static XmlConversion parse(String name) {
        return switch (name) {
            case "scale" -> SCALE;
            case "db-to-gain" -> DB_TO_GAIN;
            case "index" -> INDEX;
            case "bool" -> BOOL;
            default -> throw new IllegalArgumentException(
                    "unknown XML conversion \"" + name + "\" (scale, db-to-gain, index, bool)");
        };
    }
}
