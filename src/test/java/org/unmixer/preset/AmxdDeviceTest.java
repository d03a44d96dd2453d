package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The bundled device, {@code max-device/Un-Mixer Link.amxd}, against its sources in {@code max-device/src}. */
class AmxdDeviceTest {
    private static final Path PROJECT = Path.of(System.getProperty("unmixer.home", "."));
    private static final Path SRC = PROJECT.resolve("max-device/src");

    @Test
    void theCommittedDeviceIsExactlyAFreshBuildOfItsSources() throws IOException {
        Path device = BuildMaxDevice.devicePath(PROJECT);
        assertThat(device).as("the bundled device; build it with: " + BuildMaxDevice.COMMAND).exists();
        byte[] fresh = BuildMaxDevice.buildFrom(PROJECT);
        byte[] committed = Files.readAllBytes(device);
        int mismatch = Arrays.mismatch(committed, fresh);
        if (mismatch >= 0) {
            fail("max-device/Un-Mixer Link.amxd differs from a build of max-device/src/unmixer.maxpat + unmixer.js"
                    + " (first at byte " + mismatch + "; " + committed.length + " bytes committed, " + fresh.length
                    + " built); rebuild it with: " + BuildMaxDevice.COMMAND + " and commit it");
        }
    }

    @Test
    void buildingTwiceGivesTheSameBytes() throws IOException {
        assertThat(BuildMaxDevice.buildFrom(PROJECT)).isEqualTo(BuildMaxDevice.buildFrom(PROJECT));
    }

    @Test
    void theDeviceIsAnAudioEffectWithTheScriptEmbedded() throws IOException {
        AmxdReader.AmxdFile file = AmxdReader.read(BuildMaxDevice.buildFrom(PROJECT));
        assertThat(file.type()).isEqualTo(AmxdType.AUDIO_EFFECT);
        assertThat(file.patcher().get("project").get("amxdtype").intValue()).isEqualTo(1633771873);

        List<JsonNode> scripts = boxes(file.patcher()).stream().filter(b -> b.path("text").asText().startsWith("v8")).toList();
        assertThat(scripts).hasSize(1);
        JsonNode v8 = scripts.get(0);
        assertThat(v8.get("text").asText()).isEqualTo("v8 @embed 1");
        assertThat(v8.get("textfile").get("embed").intValue()).isEqualTo(1);
        String script = Files.readString(SRC.resolve("unmixer.js"), StandardCharsets.UTF_8);
        assertThat(v8.get("textfile").get("text").asText()).isEqualTo(script.replace("\r\n", "\n"));
        assertThat(file.patcherJson()).doesNotContain("v8 unmixer.js");
    }

    @Test
    void thePatcherHasTheObjectsTheProtocolNeeds() throws IOException {
        JsonNode patcher = AmxdPacker.patcherOf(AmxdPacker.parse(Files.readString(SRC.resolve("unmixer.maxpat"))));
        List<String> texts = boxes(patcher).stream().map(b -> b.path("text").asText()).toList();
        assertThat(texts).contains("live.thisdevice", "udpreceive 11020 @defer 1", "udpsend 127.0.0.1 11021",
                "v8 unmixer.js", "plugin~", "plugout~", "buffer~ ---unmixer-original",
                "groove~ ---unmixer-original 2 @loop 1", "line~", "sfrecord~ 2");
        // The script's third outlet feeds this route; its selectors are the ones unmixer.js sends.
        assertThat(texts).contains("route xfade seek speed rec chans udpport replyport");
    }

    @Test
    void everyPatchlineJoinsExistingBoxesAtExistingInletsAndOutlets() throws IOException {
        JsonNode patcher = AmxdPacker.patcherOf(AmxdPacker.parse(Files.readString(SRC.resolve("unmixer.maxpat"))));
        Map<String, JsonNode> byId = new HashMap<>();
        boxes(patcher).forEach(b -> assertThat(byId.put(b.get("id").asText(), b)).as("duplicate id").isNull());
        for (JsonNode entry : patcher.get("lines")) {
            JsonNode line = entry.get("patchline");
            JsonNode source = byId.get(line.get("source").get(0).asText());
            JsonNode destination = byId.get(line.get("destination").get(0).asText());
            assertThat(source).as("source of %s", line).isNotNull();
            assertThat(destination).as("destination of %s", line).isNotNull();
            assertThat(line.get("source").get(1).intValue()).as("outlet of %s", line)
                    .isBetween(0, source.get("numoutlets").intValue() - 1);
            assertThat(line.get("destination").get(1).intValue()).as("inlet of %s", line)
                    .isBetween(0, destination.get("numinlets").intValue() - 1);
        }
        for (JsonNode box : byId.values()) {
            if (box.has("outlettype")) {
                assertThat(box.get("outlettype").size()).as("outlettype of %s", box.get("id")).isEqualTo(box.get("numoutlets").intValue());
            }
        }
    }

    @Test
    void embeddingNeedsExactlyOneScriptBox() {
        String none = AmxdPackerTest.PASS_THROUGH;
        assertThatThrownBy(() -> MaxDeviceBuild.embed(none, "post('hi');"))
                .isInstanceOf(MalformedAmxdException.class)
                .hasMessage("the patcher has 0 boxes \"v8 unmixer.js\"; the build needs exactly one");
    }

    @Test
    void scriptLineEndsDoNotChangeTheDevice() throws IOException {
        String maxpat = Files.readString(SRC.resolve("unmixer.maxpat"));
        String script = Files.readString(SRC.resolve("unmixer.js")).replace("\r\n", "\n");
        assertThat(MaxDeviceBuild.build(maxpat, script.replace("\n", "\r\n"))).isEqualTo(MaxDeviceBuild.build(maxpat, script));
    }

    private static List<JsonNode> boxes(JsonNode patcher) {
        return StreamSupport.stream(patcher.get("boxes").spliterator(), false).map(e -> e.get("box")).toList();
    }
}
