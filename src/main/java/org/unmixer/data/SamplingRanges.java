package org.unmixer.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;
import org.unmixer.params.Suggest;

/**
 * The table of musical sampling ranges, per device and parameter, held as data
 * ({@code assets/datasets/sampling-ranges.json}, format {@code unmixer-sampling/1}):
 *
 * <pre>{"format": "unmixer-sampling/1",
 *  "devices": {"Saturator": {"params": {"Drive": {"min": 0, "max": 24},
 *                                       "Type": {"choices": ["Analog Clip", "Soft Sine"], "weights": [1, 2]}}},
 *              "Multiband Dynamics": {"preset": "OTT", "unlisted": "keep", "params": {"Amount": {"min": 10, "max": 100}}}}}</pre>
 *
 * A range is {@code min}/{@code max} in display units ({@code "scale": "log"} for log-uniform) or
 * {@code choices} (numbers or item names) with optional {@code weights}. Only estimated parameters
 * may be listed; the others stay at their defaults. Estimated parameters not listed are drawn
 * uniformly in θ over the catalog range ({@code "unlisted": "uniform"}, the default) or kept at the
 * starting values ({@code "unlisted": "keep"}); the starting values are the device's defaults or the
 * named {@code preset}.
 */
public final class SamplingRanges {
    public static final String FORMAT = "unmixer-sampling/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The rules of one device. */
    public record DeviceRanges(String preset, boolean uniformUnlisted, Map<String, ParamRange> params) {
        public DeviceRanges {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private final Map<String, DeviceRanges> devices;

    private SamplingRanges(Map<String, DeviceRanges> devices) {
        this.devices = devices;
    }

    /** No table: every estimated parameter uniform in θ, everything from defaults. */
    public static SamplingRanges uniform() {
        return new SamplingRanges(Map.of());
    }

    /** The rules for a device (empty rules when the table does not list it). */
    public DeviceRanges forDevice(String deviceName) {
        return devices.getOrDefault(deviceName, new DeviceRanges(null, true, Map.of()));
    }

    public static SamplingRanges load(Path file, Catalog catalog) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read sampling ranges (" + StrictJson.oneLine(e) + ")");
        }
        StrictJson.onlyFields(root, file.getFileName().toString(), List.of("format", "note", "devices"));
        String format = StrictJson.text(root, "format", "", null);
        if (!format.equals(FORMAT)) {
            throw new BadInputException(file + ": format \"" + format + "\" is not " + FORMAT);
        }
        return uniform().overriddenBy(root.get("devices"), "devices", catalog);
    }

    /**
     * This table with the entries of a {@code devices} object (same shape as in the file) laid over
     * it: a listed parameter replaces its range, {@code preset} and {@code unlisted} replace the
     * device's.
     */
    public SamplingRanges overriddenBy(JsonNode devicesNode, String where, Catalog catalog) {
        if (devicesNode == null) {
            return this;
        }
        StrictJson.object(devicesNode, where);
        Map<String, DeviceRanges> out = new LinkedHashMap<>(devices);
        for (Iterator<Map.Entry<String, JsonNode>> it = devicesNode.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            List<String> names = catalog.devices().stream().map(DeviceSpec::name).toList();
            if (!names.contains(name)) {
                throw new BadInputException(where + ": unknown device \"" + name + "\"" + Suggest.didYouMean(name, names));
            }
            out.put(name, parseDevice(forDevice(name), catalog.device(name), e.getValue(), where + "." + name));
        }
        return new SamplingRanges(out);
    }

    private static DeviceRanges parseDevice(DeviceRanges base, DeviceSpec device, JsonNode node, String where) {
        StrictJson.onlyFields(node, where, List.of("preset", "unlisted", "params", "note"));
        String preset = base.preset();
        if (node.has("preset")) {
            preset = StrictJson.text(node, "preset", where, null);
            device.preset(preset); // refuses unknown presets with the list of known ones
        }
        boolean uniform = base.uniformUnlisted();
        if (node.has("unlisted")) {
            String u = StrictJson.text(node, "unlisted", where, null);
            if (!u.equals("uniform") && !u.equals("keep")) {
                throw new BadInputException(where + ".unlisted \"" + u + "\" is not one of uniform, keep");
            }
            uniform = u.equals("uniform");
        }
        Map<String, ParamRange> params = new LinkedHashMap<>(base.params());
        JsonNode p = node.get("params");
        if (p != null) {
            StrictJson.object(p, where + ".params");
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                var e = it.next();
                ParamSpec spec;
                try {
                    spec = device.param(e.getKey());
                } catch (BadInputException ex) {
                    throw new BadInputException(where + ".params: " + ex.getMessage());
                }
                if (!spec.estimated()) {
                    throw new BadInputException(where + ".params.\"" + spec.name()
                            + "\": not an estimated parameter; it stays at its default");
                }
                params.put(spec.name(), parseRange(device, spec, e.getValue(), where + ".params.\"" + spec.name() + "\""));
            }
        }
        return new DeviceRanges(preset, uniform, params);
    }

    private static ParamRange parseRange(DeviceSpec device, ParamSpec spec, JsonNode node, String where) {
        StrictJson.object(node, where);
        if (node.has("by")) {
            return parseConditional(device, spec, node, where);
        }
        StrictJson.onlyFields(node, where, List.of("min", "max", "scale", "choices", "weights"));
        if (node.has("choices")) {
            if (node.has("min") || node.has("max") || node.has("scale")) {
                throw new BadInputException(where + ": give either min/max or choices, not both");
            }
            JsonNode c = node.get("choices");
            if (!c.isArray() || c.isEmpty()) {
                throw new BadInputException(where + ".choices must be a non-empty array");
            }
            List<Object> choices = new ArrayList<>();
            for (JsonNode v : c) {
                Object value = v.isNumber() ? (Object) v.asDouble() : v.isTextual() ? v.asText() : null;
                if (value == null) {
                    throw new BadInputException(where + ".choices: " + v + " is neither a number nor an item name");
                }
                try {
                    spec.parse(value, device.name());
                } catch (BadInputException ex) {
                    throw new BadInputException(where + ".choices: " + ex.getMessage());
                }
                choices.add(value);
            }
            double[] weights = new double[choices.size()];
            java.util.Arrays.fill(weights, 1);
            JsonNode w = node.get("weights");
            if (w != null) {
                if (!w.isArray() || w.size() != choices.size()) {
                    throw new BadInputException(where + ".weights must be an array of " + choices.size() + " numbers");
                }
                double total = 0;
                for (int i = 0; i < weights.length; i++) {
                    if (!w.get(i).isNumber() || !(w.get(i).asDouble() >= 0)) {
                        throw new BadInputException(where + ".weights: " + w.get(i) + " is not a number ≥ 0");
                    }
                    weights[i] = w.get(i).asDouble();
                    total += weights[i];
                }
                if (!(total > 0)) {
                    throw new BadInputException(where + ".weights must not all be 0");
                }
            }
            return new ParamRange.Choice(List.copyOf(choices), weights);
        }
        if (spec.isQuantized()) {
            throw new BadInputException(where + ": " + spec.name() + " has items; give \"choices\"");
        }
        if (node.has("weights")) {
            throw new BadInputException(where + ".weights needs choices");
        }
        if (!node.has("min") || !node.has("max")) {
            throw new BadInputException(where + ": needs min and max (or choices)");
        }
        double min = StrictJson.number(node, "min", where, 0);
        double max = StrictJson.number(node, "max", where, 0);
        String scale = StrictJson.text(node, "scale", where, "linear");
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw new BadInputException(where + ".scale \"" + scale + "\" is not one of linear, log");
        }
        if (!(min < max)) {
            throw new BadInputException(where + ": min " + min + " must be below max " + max);
        }
        if (min < spec.min() || max > spec.max()) {
            throw new BadInputException(where + ": " + min + ".." + max + " is outside the parameter's range " + spec.rangeText());
        }
        if (scale.equals("log") && !(min > 0)) {
            throw new BadInputException(where + ": log scale needs min > 0, got " + min);
        }
        return new ParamRange.Interval(min, max, scale.equals("log"));
    }

    /** {@code {"by": "1 Filter Type A", "cases": {"Bell": {…}, …}, "otherwise": {…}}}; cases are plain ranges. */
    private static ParamRange parseConditional(DeviceSpec device, ParamSpec spec, JsonNode node, String where) {
        StrictJson.onlyFields(node, where, List.of("by", "cases", "otherwise"));
        String byName = StrictJson.text(node, "by", where, null);
        ParamSpec by;
        try {
            by = device.param(byName);
        } catch (BadInputException ex) {
            throw new BadInputException(where + ".by: " + ex.getMessage());
        }
        if (!by.isQuantized() || !by.estimated() || by.name().equals(spec.name())) {
            throw new BadInputException(where + ".by: \"" + by.name()
                    + "\" must be another estimated parameter with items");
        }
        JsonNode cases = node.get("cases");
        if (cases == null || !cases.isObject() || cases.isEmpty()) {
            throw new BadInputException(where + ".cases must be a non-empty object from " + by.name() + " items to ranges");
        }
        Map<String, ParamRange> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!by.items().contains(e.getKey())) {
                throw new BadInputException(where + ".cases: \"" + e.getKey() + "\" is not an item of " + by.name()
                        + Suggest.didYouMean(e.getKey(), by.items()));
            }
            parsed.put(e.getKey(), parsePlain(device, spec, e.getValue(), where + ".cases.\"" + e.getKey() + "\""));
        }
        ParamRange otherwise = node.has("otherwise")
                ? parsePlain(device, spec, node.get("otherwise"), where + ".otherwise") : null;
        return new ParamRange.Conditional(by.name(), parsed, otherwise);
    }

    private static ParamRange parsePlain(DeviceSpec device, ParamSpec spec, JsonNode node, String where) {
        if (node.has("by")) {
            throw new BadInputException(where + ": conditional ranges do not nest");
        }
        return parseRange(device, spec, node, where);
    }
}
