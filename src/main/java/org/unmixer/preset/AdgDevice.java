package org.unmixer.preset;

import java.util.Map;
import java.util.Optional;

/**
 * One device as read from a Live file.
 *
 * @param element the device's XML element name ({@code Saturator}, {@code InstrumentVector}, …)
 * @param manuals every parameter's {@code Manual} value as written, keyed by the parameter
 *     element's path inside the device ({@code PreDrive}, {@code Bands.0/ParameterA/Freq}), in
 *     document order; a repeated sibling name gets {@code [k]} (k ≥ 1) after it
 * @param xml the device element itself, for structure checks
 */
public record AdgDevice(String element, Map<String, String> manuals, XmlElement xml) {
    public AdgDevice {
        manuals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(manuals));
    }

    /** The {@code Manual} text of the parameter at this element path. */
    public Optional<String> manual(String path) {
        return Optional.ofNullable(manuals.get(path));
    }

    /** The {@code Value} of a non-automatable setting such as {@code SpriteName1}. */
    public Optional<String> value(String path) {
        return xml.valueAt(path);
    }
}
