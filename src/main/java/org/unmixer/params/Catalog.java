package org.unmixer.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every device the product renders or estimates, read from {@code assets/devices/*.json} (packed
 * onto the class path by the build). {@code assets/devices/index.json} lists the files in order.
 *
 * <p>The JSON schema is documented in {@code assets/devices/README.md}.
 */
public final class Catalog {
    private static final String ROOT = "assets/devices/";
    private static volatile Catalog standard;

    private final Map<String, DeviceSpec> devices;

    public Catalog(List<DeviceSpec> devices) {
        Map<String, DeviceSpec> byName = new LinkedHashMap<>();
        for (DeviceSpec d : devices) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("device \"" + d.name() + "\" listed twice");
            }
        }
        this.devices = Map.copyOf(byName);
        this.order = List.copyOf(byName.keySet());
    }

    private final List<String> order;

    /** The catalog shipped in {@code assets/devices}, loaded once. */
    public static Catalog standard() {
        Catalog c = standard;
        if (c == null) {
            synchronized (Catalog.class) {
                c = standard;
                if (c == null) {
                    c = loadFromClasspath();
                    standard = c;
                }
            }
        }
        return c;
    }

    public List<DeviceSpec> devices() {
        return order.stream().map(devices::get).toList();
    }

    /** Device by Live's name (ignoring case); a misspelling gets a one-line message with a suggestion. */
    public DeviceSpec device(String name) {
        DeviceSpec d = devices.get(name);
        if (d != null) {
            return d;
        }
        for (DeviceSpec candidate : devices.values()) {
            if (candidate.name().equalsIgnoreCase(name.trim()) || candidate.lomClass().equalsIgnoreCase(name.trim())) {
                return candidate;
            }
        }
        throw new BadInputException(String.format(Locale.ROOT, "unknown device \"%s\"%s", name,
                Suggest.didYouMean(name, order)));
    }

    public boolean has(String name) {
        try {
            device(name);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    // ---- loading ----------------------------------------------------------------------------

    private static Catalog loadFromClasspath() {
        ObjectMapper json = new ObjectMapper();
        JsonNode index = readTree(json, ROOT + "index.json");
        List<DeviceSpec> specs = new ArrayList<>();
        for (JsonNode file : index.path("devices")) {
            specs.add(parseDevice(readTree(json, ROOT + file.asText()), file.asText()));
        }
        return new Catalog(specs);
    }

    private static JsonNode readTree(ObjectMapper json, String resource) {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog file missing from the class path: " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog file " + resource, e);
        }
    }

    /** Parses one device file; {@code source} names it in error messages. */
    public static DeviceSpec parseDevice(JsonNode node, String source) {
        String name = required(node, "device", source).asText();
        List<ParamSpec> params = new ArrayList<>();
        for (JsonNode p : node.path("params")) {
            try {
                params.add(parseParam(p));
            } catch (RuntimeException e) {
                throw new IllegalStateException(source + ": parameter " + p.path("name").asText("?") + ": " + e.getMessage(), e);
            }
        }
        Map<String, Map<String, Object>> presets = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        node.path("presets").fields().forEachRemaining(e -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = mapper.convertValue(e.getValue(), LinkedHashMap.class);
            presets.put(e.getKey(), values);
        });
        DeviceSpec spec = new DeviceSpec(name,
                node.path("lomClass").asText(name),
                node.path("xmlElement").asText(node.path("lomClass").asText(name)),
                DeviceKind.parse(node.path("kind").asText("audio_effect")),
                params, presets);
        for (String preset : presets.keySet()) {
            try {
                spec.preset(preset);
            } catch (BadInputException e) {
                throw new IllegalStateException(source + ": preset " + preset + ": " + e.getMessage(), e);
            }
        }
        return spec;
    }

    private static ParamSpec parseParam(JsonNode p) {
        List<String> items = new ArrayList<>();
        p.path("items").forEach(i -> items.add(i.asText()));
        boolean quantized = !items.isEmpty();
        double min = quantized ? 0 : required(p, "min", "param").asDouble();
        double max = quantized ? items.size() - 1 : required(p, "max", "param").asDouble();
        double def;
        JsonNode d = required(p, "default", "param");
        if (quantized && d.isTextual()) {
            def = items.indexOf(d.asText());
            if (def < 0) {
                throw new IllegalArgumentException("default \"" + d.asText() + "\" is not one of " + items);
            }
        } else {
            def = d.asDouble();
        }
        JsonNode lom = p.path("lom");
        LomEncoding enc = LomEncoding.parse(lom.path("encoding").asText(quantized ? "index" : "normalized"));
        double lomMin = lom.has("min") ? lom.get("min").asDouble() : switch (enc) {
            case NORMALIZED -> 0;
            case DISPLAY, INDEX -> min;
            case LOG10 -> Math.log10(min);
        };
        double lomMax = lom.has("max") ? lom.get("max").asDouble() : switch (enc) {
            case NORMALIZED -> 1;
            case DISPLAY, INDEX -> max;
            case LOG10 -> Math.log10(max);
        };
        JsonNode xml = p.path("xml");
        XmlConversion conv = XmlConversion.parse(xml.path("conversion").asText(quantized ? "index" : "scale"));
        return new ParamSpec(
                required(p, "name", "param").asText(),
                p.path("unit").asText(""),
                min, max,
                quantized ? Taper.LIN : Taper.parse(p.path("taper").asText("lin")),
                p.path("curve").asDouble(0),
                def,
                items,
                enc, lomMin, lomMax,
                xml.path("element").asText(""),
                conv,
                xml.path("scale").asDouble(1),
                p.path("estimate").asBoolean(false),
                p.path("note").asText(""));
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
        }
        return v;
    }
}
