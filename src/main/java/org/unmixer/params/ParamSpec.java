package org.unmixer.params;

import java.util.List;
import java.util.Locale;

/**
 * One Live device parameter as the catalog describes it: Live's exact name (as the Live API shows
 * it), the display unit and range the patch JSON uses, the taper that spreads the range over
 * normalised θ ∈ [0, 1], how the Live Object Model encodes the value, and how a preset's XML stores
 * it.
 *
 * <p>Values are always carried in <em>display units</em> (dB, Hz, ms, st, % as 0–100); a quantized
 * parameter carries its item index. All conversions are pure methods here.
 *
 * @param name Live's parameter name, e.g. {@code "Drive"}
 * @param unit display unit ({@code "dB"}, {@code "Hz"}, {@code "ms"}, {@code "%"}, …; empty if none)
 * @param min smallest display value (0 for quantized)
 * @param max largest display value (items − 1 for quantized)
 * @param taper how θ maps to the display range
 * @param curve curvature of {@link Taper#EXP}, ignored otherwise
 * @param defaultValue the device's default, display units or item index
 * @param items value items of a quantized parameter, in Live's order; empty when continuous
 * @param lom how the Live Object Model encodes the value
 * @param lomMin LOM range minimum (as the Live API reports it)
 * @param lomMax LOM range maximum
 * @param xmlElement the parameter's element path inside the device's preset XML, e.g. {@code PreDrive}
 * @param xml how display values become the XML {@code Manual} value
 * @param xmlScale factor for {@link XmlConversion#SCALE}
 * @param estimated whether the inverse model estimates this parameter
 * @param note why a range, taper or mapping is what it is (sources, assumptions); may be empty
 */
public record ParamSpec(
        String name,
        String unit,
        double min,
        double max,
        Taper taper,
        double curve,
        double defaultValue,
        List<String> items,
        LomEncoding lom,
        double lomMin,
        double lomMax,
        String xmlElement,
        XmlConversion xml,
        double xmlScale,
        boolean estimated,
        String note) {

    /** Slack for values read from text (JSON, XML) that sit on a range end after rounding. */
    private static final double RANGE_SLACK = 1e-9;

    public ParamSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter without a name");
        }
        items = List.copyOf(items);
        if (!items.isEmpty()) {
            if (min != 0 || max != items.size() - 1) {
                throw new IllegalArgumentException(name + ": quantized range must be 0.." + (items.size() - 1));
            }
            if (lom == LomEncoding.LOG10) {
                throw new IllegalArgumentException(name + ": quantized parameter cannot be log10-encoded");
            }
        }
        if (!(min < max) && items.size() != 1) {
            throw new IllegalArgumentException(name + ": min " + min + " must be below max " + max);
        }
        if (taper == Taper.LOG && !(min > 0)) {
            throw new IllegalArgumentException(name + ": log taper needs min > 0, got " + min);
        }
        if (taper == Taper.EXP && !(curve > 0)) {
            throw new IllegalArgumentException(name + ": exp taper needs curve > 0, got " + curve);
        }
        if (lom == LomEncoding.LOG10 && !(min > 0)) {
            throw new IllegalArgumentException(name + ": log10 encoding needs min > 0, got " + min);
        }
        if (!(defaultValue >= min - RANGE_SLACK && defaultValue <= max + RANGE_SLACK)) {
            throw new IllegalArgumentException(
                    name + ": default " + defaultValue + " outside " + min + ".." + max);
        }
        if (!items.isEmpty() && defaultValue != Math.rint(defaultValue)) {
            throw new IllegalArgumentException(name + ": quantized default must be an index");
        }
        unit = unit == null ? "" : unit;
        note = note == null ? "" : note;
    }

    public boolean isQuantized() {
        return !items.isEmpty();
    }

    // ---- θ ↔ display ------------------------------------------------------------------------

    /** Normalised θ ∈ [0, 1] for a display value (item index / (n − 1) when quantized). */
    public double toNormalized(double display) {
        if (isQuantized()) {
            return items.size() == 1 ? 0 : display / (items.size() - 1);
        }
        return taper.toNormalized(display, min, max, curve);
    }

    /** Display value for θ ∈ [0, 1]; quantized parameters round to the nearest item. */
    public double fromNormalized(double theta) {
        if (isQuantized()) {
            return Math.rint(theta * (items.size() - 1));
        }
        return taper.toDisplay(theta, min, max, curve);
    }

    // ---- display ↔ LOM ----------------------------------------------------------------------

    /** The value to send to Live's {@code DeviceParameter.value}. */
    public double toLom(double display) {
        return switch (lom) {
            case NORMALIZED -> lomMin + toNormalized(display) * (lomMax - lomMin);
            case DISPLAY, INDEX -> display;
            case LOG10 -> Math.log10(display);
        };
    }

    /** Display value for a {@code DeviceParameter.value} read from Live. */
    public double fromLom(double lomValue) {
        return switch (lom) {
            case NORMALIZED -> fromNormalized((lomValue - lomMin) / (lomMax - lomMin));
            case DISPLAY, INDEX -> lomValue;
            case LOG10 -> Math.pow(10, lomValue);
        };
    }

    // ---- display ↔ preset XML ---------------------------------------------------------------

    /** The XML {@code Manual} value (booleans as 0/1; see {@link #xmlText}). */
    public double toXml(double display) {
        return switch (xml) {
            case SCALE -> display * xmlScale;
            case DB_TO_GAIN -> Math.pow(10, display / 20);
            case INDEX, BOOL -> display;
        };
    }

    /** Display value for an XML {@code Manual} value. */
    public double fromXml(double xmlValue) {
        return switch (xml) {
            case SCALE -> xmlValue / xmlScale;
            case DB_TO_GAIN -> 20 * Math.log10(xmlValue);
            case INDEX, BOOL -> xmlValue;
        };
    }

    /** The XML {@code Manual} value as Live writes it: {@code true/false}, an integer, or a decimal. */
    public String xmlText(double display) {
        return switch (xml) {
            case BOOL -> display != 0 ? "true" : "false";
            case INDEX -> Long.toString(Math.round(display));
            default -> formatDecimal(toXml(display));
        };
    }

    private static String formatDecimal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.9g", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }

    // ---- items and validation ---------------------------------------------------------------

    /** Item name for an index. */
    public String itemName(double index) {
        return items.get((int) Math.round(index));
    }

    /** Index of an item, ignoring case; throws {@link BadInputException} naming the valid items. */
    public int itemIndex(String item, String deviceName) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).equalsIgnoreCase(item.trim())) {
                return i;
            }
        }
        throw new BadInputException(String.format(Locale.ROOT,
                "%s \"%s\": unknown value \"%s\" (one of: %s)", deviceName, name, item, String.join(", ", items)));
    }

    /**
     * Validates a value from JSON: a number in the display range, or for a quantized parameter an
     * item name (or its index). Returns the display value / index.
     */
    public double parse(Object value, String deviceName) {
        if (value instanceof String s) {
            if (isQuantized()) {
                return itemIndex(s, deviceName);
            }
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s \"%s\": expected a number in %s, got \"%s\"", deviceName, name, rangeText(), s));
        }
        if (value instanceof Boolean b && isQuantized() && items.size() == 2) {
            return b ? 1 : 0;
        }
        if (!(value instanceof Number n)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s \"%s\": expected %s, got %s", deviceName, name,
                    isQuantized() ? "one of " + String.join(", ", items) : "a number in " + rangeText(), value));
        }
        double v = n.doubleValue();
        return checkDisplay(v, deviceName);
    }

    /** Returns {@code display} if it is a valid value, else throws {@link BadInputException}. */
    public double checkDisplay(double display, String deviceName) {
        if (!Double.isFinite(display) || display < min - RANGE_SLACK * Math.max(1, Math.abs(min))
                || display > max + RANGE_SLACK * Math.max(1, Math.abs(max))) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s \"%s\": %s is out of range %s", deviceName, name, format(display), rangeText()));
        }
        if (isQuantized() && display != Math.rint(display)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s \"%s\": %s is not an item index (one of: %s)", deviceName, name, format(display),
                    String.join(", ", items)));
        }
        return Math.min(max, Math.max(min, display));
    }

    /** The range as a user reads it, e.g. {@code -36..36 dB}. */
    public String rangeText() {
        if (isQuantized()) {
            return String.join(", ", items);
        }
        return format(min) + ".." + format(max) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** A display value with its unit, as a person reads it. */
    public String displayText(double display) {
        if (isQuantized()) {
            return itemName(display);
        }
        return format(display) + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * The value as a knob label: items by name, numbers to about three significant digits (whole
     * numbers from 100 up), as Live's own labels read ("2.10 ct" → "2.1 ct", "4270.82 Hz" →
     * "4271 Hz"). The full precision stays in {@link #displayText}.
     */
    public String shortText(double display) {
        if (isQuantized()) {
            return itemName(display);
        }
        double a = Math.abs(display);
        String number = a >= 100 ? String.format(Locale.ROOT, "%.0f", display)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", display)
                : String.format(Locale.ROOT, "%.2f", display);
        number = number.contains(".") ? number.replaceFirst("0+$", "").replaceFirst("\\.$", "") : number;
        if (number.equals("-0")) {
            number = "0";
        }
        return number + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
