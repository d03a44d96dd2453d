package org.unmixer.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Packs a Max patcher into an unfrozen {@code .amxd} device: pure, bytes in memory, same input
 * same bytes.
 *
 * <p>Layout (reference notes §3.1, Ableton's maxdevtools reader): chunks of a 4-byte ASCII tag and
 * a little-endian uint32 size, then the data — {@code ampf} (4: the type tag), {@code meta} (4: a
 * uint32, {@value #META} as in maxdevtools' unfrozen test device; its meaning is undocumented)
 * and {@code ptch} (the patcher JSON, then {@code "\n\0"}; the size counts both).
 *
 * <p>Max refuses a device whose patcher has no {@code project} block (reference notes §3.2), so the
 * packer adds one with {@code amxdtype} and fixed dates, or checks the one present names the same
 * device type. The JSON is re-written with tab indentation and {@code \n} line ends whatever the
 * platform, so the bytes depend only on the patcher's content.
 */
public final class AmxdPacker {
    /** The {@code meta} chunk's value; maxdevtools' unfrozen Max 9 device carries 1. */
    public static final int META = 1;

    /**
     * {@code project.creationdate} and {@code modificationdate}: 2026-01-01T00:00:00Z in Max's
     * HFS+ epoch (seconds since 1904-01-01), fixed so that rebuilding gives the same bytes.
     */
    public static final long FIXED_DATE = 3_850_070_400L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AmxdPacker() {
    }

    /**
     * The {@code .amxd} bytes of a patcher.
     *
     * @param patcherJson a patcher file's JSON, {@code {"patcher": {...}}}
     * @throws MalformedAmxdException if it is not JSON, has no {@code patcher} object, or carries a
     *     {@code project.amxdtype} of another type
     */
    public static byte[] pack(String patcherJson, AmxdType type) {
        ObjectNode root = parse(patcherJson);
        ObjectNode patcher = patcherOf(root);
        withProject(patcher, type);
        byte[] json = (write(root) + "\n\0").getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 36);
        chunk(out, "ampf", type.tag().getBytes(StandardCharsets.US_ASCII));
        chunk(out, "meta", le32(META));
        chunk(out, "ptch", json);
        return out.toByteArray();
    }

    /** JSON as the packer writes it: objects indented by tabs, arrays on one line, {@code \n} line ends. */
    static String write(JsonNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("\t", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static ObjectNode parse(String patcherJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(patcherJson);
        } catch (JsonProcessingException e) {
            throw new MalformedAmxdException("the patcher is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAmxdException("the patcher is not a JSON object");
        }
        return (ObjectNode) root;
    }

    static ObjectNode patcherOf(ObjectNode root) {
        JsonNode patcher = root.get("patcher");
        if (patcher == null || !patcher.isObject()) {
            throw new MalformedAmxdException("the JSON has no \"patcher\" object at its top level");
        }
        return (ObjectNode) patcher;
    }

    /** Adds the project block Max requires, or checks that the one there is for {@code type}. */
    private static void withProject(ObjectNode patcher, AmxdType type) {
        JsonNode existing = patcher.get("project");
        if (existing != null) {
            JsonNode amxdtype = existing.get("amxdtype");
            if (amxdtype == null || !amxdtype.canConvertToInt() || amxdtype.intValue() != type.amxdtype()) {
                throw new MalformedAmxdException("the patcher's project.amxdtype is " + amxdtype + ", not "
                        + type.amxdtype() + " (" + type.tag() + ")");
            }
            return;
        }
        ObjectNode project = patcher.putObject("project");
        project.put("version", 1);
        project.put("creationdate", FIXED_DATE);
        project.put("modificationdate", FIXED_DATE);
        project.putArray("viewrect").add(0.0).add(0.0).add(300.0).add(500.0);
        project.put("autoorganize", 1);
        project.put("hideprojectwindow", 1);
        project.put("showdependencies", 1);
        project.put("autolocalize", 0);
        project.putObject("contents").putObject("patchers");
        project.putObject("layout");
        project.putObject("searchpath");
        project.put("detailsvisible", 0);
        project.put("amxdtype", type.amxdtype());
        project.put("readonly", 0);
        project.put("devpathtype", 0);
        project.put("devpath", ".");
        project.put("sortmode", 0);
        project.put("viewmode", 0);
        project.put("includepackages", 0);
    }

    private static void chunk(ByteArrayOutputStream out, String tag, byte[] data) {
        out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
