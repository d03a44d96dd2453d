package org.unmixer.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Live device as the catalog describes it.
 *
 * @param name Live's display name ({@code "EQ Eight"}), as the Live API's {@code Device.name} of a
 *     freshly inserted device shows it and as {@code Track.insert_device} accepts it
 * @param lomClass Live's {@code class_name} ({@code "Eq8"})
 * @param xmlElement the device element in preset XML ({@code "Eq8"})
 * @param kind instrument or audio effect
 * @param params the parameters we render or estimate, in catalog order
 * @param presets named presets (e.g. Multiband Dynamics' {@code "OTT"}), as parameter → value maps
 *     in patch-JSON form
 */
public record DeviceSpec(
        String name,
        String lomClass,
        String xmlElement,
        DeviceKind kind,
        List<ParamSpec> params,
        Map<String, Map<String, Object>> presets) {

    public DeviceSpec {
        params = List.copyOf(params);
        presets = Map.copyOf(presets);
        Map<String, ParamSpec> seen = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException(name + ": parameter \"" + p.name() + "\" listed twice");
            }
        }
    }

    /** Index of a parameter in {@link #params()}, or −1. */
    public int indexOf(String paramName) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(paramName)) {
                return i;
            }
        }
        return -1;
    }

    /** The parameter with this exact name; a misspelling gets a one-line message with a suggestion. */
    public ParamSpec param(String paramName) {
        int i = indexOf(paramName);
        if (i < 0) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: unknown parameter \"%s\"%s",
                    name, paramName, Suggest.didYouMean(paramName, params.stream().map(ParamSpec::name).toList())));
        }
        return params.get(i);
    }

    /** Every parameter at its default. */
    public DeviceSettings defaults() {
        double[] values = new double[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.get(i).defaultValue();
        }
        return new DeviceSettings(this, values);
    }

    /** Defaults overridden by the given patch-JSON values (validated). */
    public DeviceSettings settings(Map<String, ?> values) {
        return defaults().with(values);
    }

    /** A named preset (exact name, or ignoring case). */
    public DeviceSettings preset(String presetName) {
        for (var e : presets.entrySet()) {
            if (e.getKey().equalsIgnoreCase(presetName)) {
                return settings(e.getValue());
            }
        }
        throw new BadInputException(String.format(Locale.ROOT, "%s: unknown preset \"%s\"%s", name, presetName,
                presets.isEmpty() ? " (this device has no presets)" : " (one of: " + String.join(", ", presets.keySet()) + ")"));
    }
}
