package org.unmixer.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the bundled device, {@code max-device/Un-Mixer Link.amxd}, from its two sources: the
 * patcher {@code max-device/src/unmixer.maxpat} and the script {@code max-device/src/unmixer.js}.
 *
 * <p>In the source patcher the script box reads {@code v8 unmixer.js}, so the patcher opens and
 * runs in Max straight from {@code max-device/src}. The build turns that box into
 * {@code v8 @embed 1} with the script's text inside (reference notes §3.3), so the device needs no
 * file beside it, and packs the result as an Audio Effect. Line ends of the script are normalised
 * to {@code \n}: a Windows checkout builds the same bytes.
 */
public final class MaxDeviceBuild {
    /** The script box's text in the source patcher. */
    public static final String SOURCE_BOX_TEXT = "v8 unmixer.js";
    /** The script box's text in the device. */
    public static final String EMBEDDED_BOX_TEXT = "v8 @embed 1";

    private MaxDeviceBuild() {
    }

    /** The {@code .amxd} bytes of the device. */
    public static byte[] build(String maxpat, String script) {
        return AmxdPacker.pack(embed(maxpat, script), AmxdType.AUDIO_EFFECT);
    }

    /**
     * The source patcher with its {@value #SOURCE_BOX_TEXT} box replaced by an embedding
     * {@value #EMBEDDED_BOX_TEXT} box carrying {@code script}.
     *
     * @throws MalformedAmxdException unless the patcher has exactly one such box
     */
    public static String embed(String maxpat, String script) {
        ObjectNode root = AmxdPacker.parse(maxpat);
        ObjectNode patcher = AmxdPacker.patcherOf(root);
        List<ObjectNode> scriptBoxes = new ArrayList<>();
        JsonNode boxes = patcher.get("boxes");
        if (boxes instanceof ArrayNode array) {
            for (JsonNode entry : array) {
                JsonNode box = entry.get("box");
                if (box instanceof ObjectNode b && SOURCE_BOX_TEXT.equals(b.path("text").asText(null))) {
                    scriptBoxes.add(b);
                }
            }
        }
        if (scriptBoxes.size() != 1) {
            throw new MalformedAmxdException("the patcher has " + scriptBoxes.size() + " boxes \"" + SOURCE_BOX_TEXT
                    + "\"; the build needs exactly one");
        }
        ObjectNode box = scriptBoxes.get(0);
        box.put("text", EMBEDDED_BOX_TEXT);
        box.put("filename", "none");
        ObjectNode textfile = box.putObject("textfile");
        textfile.put("text", script.replace("\r\n", "\n"));
        textfile.put("filename", "none");
        textfile.put("flags", 0);
        textfile.put("embed", 1);
        textfile.put("autowatch", 1);
        return AmxdPacker.write(root);
    }
}
