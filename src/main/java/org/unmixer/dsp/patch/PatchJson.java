package org.unmixer.dsp.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unmixer.dsp.source.Unison;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.Suggest;

/**
 * Reads and writes patch JSON ({@code unmixer-patch/1}, DESIGN.md §4). Reading is strict: an
 * unknown field, device, parameter, value item or an out-of-range value is a
 * {@link BadInputException} whose one-line message says where ({@code chain[1] (Reverb): …}).
 * Pure: text in, text out; files are the caller's business.
 */
public final class PatchJson {
    public static final String FORMAT = "unmixer-patch/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Catalog catalog;

    public PatchJson(Catalog catalog) {
        this.catalog = catalog;
    }

    public static PatchJson standard() {
        return new PatchJson(Catalog.standard());
    }

    // ---- reading ----------------------------------------------------------------------------

    public Patch parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("a patch must be a JSON object");
        }
        return parse(root);
    }

    public Patch parse(JsonNode root) {
        checkFields(root, "patch", Set.of("format", "source", "synth", "chain"));
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new BadInputException("\"format\" must be \"" + FORMAT + "\", got "
                    + (root.has("format") ? "\"" + format + "\"" : "nothing"));
        }
        SourceSpec source = parseSource(requireObject(root, "source", "patch"));
        Optional<SynthSpec> synth = root.has("synth")
                ? Optional.of(parseSynth(requireObject(root, "synth", "patch")))
                : Optional.empty();
        List<DeviceSettings> chain = new ArrayList<>();
        JsonNode chainNode = root.path("chain");
        if (!chainNode.isMissingNode() && !chainNode.isArray()) {
            throw new BadInputException("\"chain\" must be a list of devices");
        }
        for (int i = 0; i < chainNode.size(); i++) {
            chain.add(parseChainDevice(chainNode.get(i), "chain[" + i + "]"));
        }
        return new Patch(source, synth, chain);
    }

    private SourceSpec parseSource(JsonNode node) {
        checkFields(node, "source", Set.of("kind", "note", "seconds", "velocity", "tail", "seed"));
        SourceKind kind = SourceKind.parse(node.path("kind").asText("synth"));
        return new SourceSpec(kind,
                intField(node, "note", 60, "source"),
                intField(node, "velocity", 100, "source"),
                numberField(node, "seconds", 1.0, "source"),
                numberField(node, "tail", SourceSpec.DEFAULT_TAIL_SECONDS, "source"),
                (long) numberField(node, "seed", 0, "source"));
    }

    private SynthSpec parseSynth(JsonNode node) {
        checkFields(node, "synth", Set.of("device", "wavetable", "wavetable2", "unison", "params"));
        DeviceSpec device = catalog.device(node.path("device").asText("Wavetable"));
        if (device.kind() != DeviceKind.INSTRUMENT) {
            throw new BadInputException("synth: \"" + device.name() + "\" is not an instrument");
        }
        WavetableRef osc1 = node.has("wavetable") ? parseWavetable(node.get("wavetable"), "synth.wavetable") : WavetableRef.DEFAULT;
        WavetableRef osc2 = node.has("wavetable2") ? parseWavetable(node.get("wavetable2"), "synth.wavetable2") : osc1;
        Unison unison = node.has("unison") ? parseUnison(node.get("unison")) : Unison.NONE;
        return new SynthSpec(parseParams(device, node.path("params"), "synth", device.defaults()), osc1, osc2, unison);
    }

    /** {@code {"mode": "Classic", "voices": 4}}; modes: None, Classic, Phase Sync. */
    private static Unison parseUnison(JsonNode node) {
        if (!node.isObject()) {
            throw new BadInputException("synth.unison must be an object like {\"mode\": \"Classic\", \"voices\": 4}");
        }
        checkFields(node, "synth.unison", Set.of("mode", "voices"));
        String mode = node.path("mode").asText("None");
        Unison.Mode m = switch (mode.toLowerCase(java.util.Locale.ROOT).replace(" ", "")) {
            case "none" -> Unison.Mode.NONE;
            case "classic" -> Unison.Mode.CLASSIC;
            case "phasesync" -> Unison.Mode.PHASE_SYNC;
            default -> throw new BadInputException("synth.unison.mode \"" + mode + "\" is not one we render (None, Classic, Phase Sync)");
        };
        int voices = intField(node, "voices", m == Unison.Mode.NONE ? 1 : 4, "synth.unison");
        if (m != Unison.Mode.NONE && (voices < 2 || voices > 8)) {
            throw new BadInputException("synth.unison.voices " + voices + " is out of range 2..8");
        }
        return new Unison(m, voices);
    }

    static String unisonModeName(Unison.Mode mode) {
        return switch (mode) {
            case NONE -> "None";
            case CLASSIC -> "Classic";
            case PHASE_SYNC -> "Phase Sync";
        };
    }

    private static WavetableRef parseWavetable(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInputException(where + " must be an object with \"category\" and \"name\"");
        }
        checkFields(node, where, Set.of("category", "name"));
        if (!node.path("category").isTextual() || !node.path("name").isTextual()) {
            throw new BadInputException(where + " needs text fields \"category\" and \"name\"");
        }
        return new WavetableRef(node.get("category").asText(), node.get("name").asText());
    }

    private DeviceSettings parseChainDevice(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInputException(where + " must be an object like {\"device\": \"Reverb\", \"params\": {…}}");
        }
        checkFields(node, where, Set.of("device", "preset", "params"));
        if (!node.path("device").isTextual()) {
            throw new BadInputException(where + ": missing \"device\" name");
        }
        DeviceSpec device;
        try {
            device = catalog.device(node.get("device").asText());
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
        DeviceSettings base = device.defaults();
        try {
            if (node.has("preset")) {
                base = device.preset(node.get("preset").asText());
            }
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
        return parseParams(device, node.path("params"), where + " (" + device.name() + ")", base);
    }

    private static DeviceSettings parseParams(DeviceSpec device, JsonNode params, String where, DeviceSettings base) {
        if (params.isMissingNode() || params.isNull()) {
            return base;
        }
        if (!params.isObject()) {
            throw new BadInputException(where + ": \"params\" must be an object of name → value");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            Object value;
            if (v.isNumber()) {
                value = v.doubleValue();
            } else if (v.isTextual()) {
                value = v.asText();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else {
                throw new BadInputException(where + ": parameter \"" + e.getKey() + "\" must be a number or a value name");
            }
            values.put(e.getKey(), value);
        }
        try {
            return base.with(values);
        } catch (BadInputException e) {
            throw new BadInputException(where.startsWith("chain") || where.equals("synth")
                    ? where.replaceFirst(" \\(.*\\)$", "") + ": " + e.getMessage()
                    : e.getMessage(), e);
        }
    }

    private static void checkFields(JsonNode node, String where, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadInputException(where + ": unknown field \"" + name + "\"" + Suggest.didYouMean(name, allowed));
            }
        }
    }

    private static JsonNode requireObject(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new BadInputException(where + ": missing object \"" + field + "\"");
        }
        return v;
    }

    private static double numberField(JsonNode node, String field, double fallback, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new BadInputException(where + "." + field + " must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static int intField(JsonNode node, String field, int fallback, String where) {
        double d = numberField(node, field, fallback, where);
        if (d != Math.rint(d)) {
            throw new BadInputException(where + "." + field + " must be a whole number, got " + d);
        }
        return (int) d;
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Patch JSON with every parameter written out (a complete, self-describing patch). */
    public String write(Patch patch) {
        return write(patch, false);
    }

    /** Patch JSON; with {@code onlyChanged}, parameters at their defaults are left out. */
    public String write(Patch patch, boolean onlyChanged) {
        try {
            return MAPPER.writeValueAsString(toTree(patch, onlyChanged)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write patch JSON", e);
        }
    }

    public ObjectNode toTree(Patch patch, boolean onlyChanged) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode source = root.putObject("source");
        SourceSpec s = patch.source();
        source.put("kind", s.kind().jsonName());
        if (s.kind() == SourceKind.SYNTH) {
            source.put("note", s.note());
            source.put("velocity", s.velocity());
        }
        source.put("seconds", s.seconds());
        source.put("tail", s.tailSeconds());
        if (s.seed() != 0) {
            source.put("seed", s.seed());
        }
        patch.synth().ifPresent(synth -> {
            ObjectNode node = root.putObject("synth");
            node.put("device", synth.settings().device().name());
            ObjectNode t1 = node.putObject("wavetable");
            t1.put("category", synth.oscillator1().category());
            t1.put("name", synth.oscillator1().name());
            if (!synth.oscillator2().equals(synth.oscillator1())) {
                ObjectNode t2 = node.putObject("wavetable2");
                t2.put("category", synth.oscillator2().category());
                t2.put("name", synth.oscillator2().name());
            }
            if (synth.unison().mode() != Unison.Mode.NONE) {
                ObjectNode u = node.putObject("unison");
                u.put("mode", unisonModeName(synth.unison().mode()));
                u.put("voices", synth.unison().voices());
            }
            node.set("params", MAPPER.valueToTree(params(synth.settings(), onlyChanged)));
        });
        ArrayNode chain = root.putArray("chain");
        for (DeviceSettings d : patch.chain()) {
            ObjectNode node = chain.addObject();
            node.put("device", d.device().name());
            node.set("params", MAPPER.valueToTree(params(d, onlyChanged)));
        }
        return root;
    }

    private static Map<String, Object> params(DeviceSettings settings, boolean onlyChanged) {
        return onlyChanged ? settings.changedFromDefaults() : settings.toJsonMap();
    }
}
