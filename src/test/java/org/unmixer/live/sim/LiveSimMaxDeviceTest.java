package org.unmixer.live.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.live.LiveVersion;
import org.unmixer.live.osc.OscMessage;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/** The Max device's protocol (max-device/PROTOCOL.md) as the simulator speaks it, over loopback UDP. */
class LiveSimMaxDeviceTest {
    private static final Catalog CATALOG = Catalog.standard();
    /** Sample tolerance when parameters took the display → LOM → display round trip (the brief's 1e-6). */
    private static final float ROUND_TRIP_TOLERANCE = 1e-6f;

    @Test
    void helloNamesTheProtocolTheVersionAndWhereTheDeviceSits() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.ok("/unmixer/hello")).containsExactly("unmixer-device/1", "12.3.5 (simulator)", 0, 0);
            c.tell("/live/song/create_midi_track", 0);
            c.sync();
            c.ok("/unmixer/insert", "Wavetable", 0);
            assertThat(c.ok("/unmixer/hello")).containsExactly("unmixer-device/1", "12.3.5 (simulator)", 1, 1);
        }
    }

    @Test
    void theDeviceAnnouncesItselfWhenTheSetStarts() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.readies.poll(SimClient.REPLY_WAIT_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(OscMessage.of("/unmixer/ready", "unmixer-device/1", 0, 0));
        }
    }

    @Test
    void insertsListsMovesAndDeletesDevices() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.ok("/unmixer/insert", "Wavetable", 0)).containsExactly(0);
            assertThat(c.ok("/unmixer/insert", "Saturator", 1)).containsExactly(1);
            assertThat(c.ok("/unmixer/insert", "Reverb", 2)).containsExactly(2);
            assertThat(c.ok("/unmixer/devices")).containsExactly(
                    "Wavetable", "InstrumentVector", 1, "Saturator", "Saturator", 2, "Reverb", "Reverb", 2,
                    "Un-Mixer Link", "MxDeviceAudioEffect", 2);
            // Reverb before Saturator: drop position 1 (before the device at 1).
            assertThat(c.ok("/unmixer/move", 2, 1)).containsExactly(1);
            // An audio effect cannot go before the instrument: it lands on the nearest valid position.
            assertThat(c.ok("/unmixer/move", 2, 0)).containsExactly(1);
            // Reverb (now at 2) to the end, after the Max device.
            assertThat(c.ok("/unmixer/move", 2, 4)).containsExactly(3);
            assertThat(c.sim.snapshot().track("Un-Mixer").deviceNames())
                    .containsExactly("Wavetable", "Saturator", "Un-Mixer Link", "Reverb");
            assertThat(c.ok("/unmixer/delete", 3)).isEmpty();
            assertThat(c.sim.snapshot().track("Un-Mixer").deviceNames())
                    .containsExactly("Wavetable", "Saturator", "Un-Mixer Link");
            assertThat(c.fails("/unmixer/delete", 7).get(0)).isEqualTo("no-such-device");
            assertThat(c.fails("/unmixer/move", 9, 0).get(0)).isEqualTo("no-such-device");
        }
    }

    @Test
    void insertRefusesWhatLiveRefuses() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.fails("/unmixer/insert", "Wavetable", 1).get(1)).contains("the instrument goes after MIDI effects"
                    + " and before audio effects");
            c.ok("/unmixer/insert", "Wavetable", 0);
            List<String> audioFirst = c.fails("/unmixer/insert", "Saturator", 0);
            assertThat(audioFirst.get(0)).isEqualTo("live-error");
            assertThat(audioFirst.get(1)).contains("audio effects go after the instrument");
            assertThat(c.fails("/unmixer/insert", "Wavetable", 0).get(1)).contains("already has an instrument");
            List<String> unknown = c.fails("/unmixer/insert", "Serum", 1);
            assertThat(unknown).containsExactly("live-error", "Cannot insert \"Serum\": Live has no native device of that name");
            assertThat(c.fails("/unmixer/insert", "Un-Mixer Link", 1).get(1)).contains("only native Live devices");
            assertThat(c.fails("/unmixer/insert", "Reverb", 9).get(0)).isEqualTo("live-error");
            assertThat(c.fails("/unmixer/insert", 3, 1).get(0)).isEqualTo("bad-request");
            assertThat(c.ok("/unmixer/insert", "Reverb")).containsExactly(2);
        }
    }

    @Test
    void insertNeedsLive123() throws Exception {
        try (SimClient c = SimClient.start(o -> o.withLiveVersion(LiveVersion.fromUser("12.2.5")))) {
            assertThat(c.ok("/unmixer/hello").get(1)).isEqualTo("12.2.5 (simulator)");
            assertThat(c.fails("/unmixer/insert", "Saturator", 1)).containsExactly("not-supported",
                    "inserting devices needs Live 12.3 or later (this is 12.2.5)");
            c.sim.setLiveVersion(LiveVersion.fromUser("12.3.0"));
            assertThat(c.ok("/unmixer/insert", "Saturator", 0)).containsExactly(0);
        }
    }

    @Test
    void listsParametersAndSetsThemByNameWithReadBack() throws Exception {
        DeviceSpec saturator = CATALOG.device("Saturator");
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Saturator", 0);
            List<Object> params = c.ok("/unmixer/params", 0);
            assertThat(params).hasSize(5 * (saturator.params().size() + 1));
            assertThat(params.subList(0, 5)).containsExactly("Device On", 1f, 0f, 1f, 1);
            ParamSpec drive = saturator.param("Drive");
            int at = 5 * (saturator.indexOf("Drive") + 1);
            assertThat(params.subList(at, at + 5)).containsExactly("Drive", (float) drive.toLom(drive.defaultValue()),
                    (float) drive.lomMin(), (float) drive.lomMax(), 0);

            float lom = (float) drive.toLom(6);
            assertThat(c.ok("/unmixer/set", 0, "Drive", lom)).containsExactly(lom);
            assertThat(c.fails("/unmixer/set", 0, "Drvie", 0.5f))
                    .containsExactly("no-such-parameter", "Saturator has no parameter \"Drvie\"");
            assertThat(c.fails("/unmixer/set", 0, "Drive", 1e6f).get(0)).isEqualTo("out-of-range");
            assertThat(c.fails("/unmixer/set", 5, "Drive", 0.5f).get(0)).isEqualTo("no-such-device");
            assertThat(c.fails("/unmixer/set", 0, "Drive", "loud").get(0)).isEqualTo("bad-request");
            assertThat(c.sim.snapshot().track("Un-Mixer").devices().get(0).parameter("Drive").value()).isEqualTo(lom);
            assertThat(c.ok("/unmixer/set", 0, "Device On", 0.3f)).containsExactly(0f);
        }
    }

    @Test
    void aRenamedParameterIsFoundOnlyUnderItsNewName() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Saturator", 0);
            c.sim.renameParameter("Saturator", "Drive", "Drive Amount");
            assertThat(c.fails("/unmixer/set", 0, "Drive", 0.5f).get(0)).isEqualTo("no-such-parameter");
            assertThat(c.ok("/unmixer/set", 0, "Drive Amount", 0.5f)).containsExactly(0.5f);
            c.ok("/unmixer/insert", "Saturator", 1);
            assertThat(c.get("/live/device/get/parameters/name", 0, 1)).contains("Drive Amount").doesNotContain("Drive");
        }
    }

    @Test
    void choosesWavetablesByCategoryAndName() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Wavetable", 0);
            c.ok("/unmixer/insert", "Saturator", 1);
            assertThat(c.ok("/unmixer/wavetable", 0, 2, "Harmonics", "Odd Harmonics"))
                    .containsExactly(WavetableLibrary.CATEGORIES.indexOf("Harmonics"), 1);
            Map<String, Integer> properties = c.sim.snapshot().track("Un-Mixer").devices().get(0).properties();
            assertThat(properties).containsEntry("oscillator_2_wavetable_category", 6)
                    .containsEntry("oscillator_2_wavetable_index", 1)
                    .containsEntry("oscillator_1_wavetable_category", 0)
                    .containsEntry("oscillator_1_wavetable_index", 0);
            assertThat(c.fails("/unmixer/wavetable", 0, 3, "Basics", "PWM").get(0)).isEqualTo("bad-request");
            assertThat(c.fails("/unmixer/wavetable", 0, 1, "Bassics", "PWM").get(0)).isEqualTo("live-error");
            assertThat(c.fails("/unmixer/wavetable", 0, 1, "Basics", "Nope").get(1)).contains("Nope");
            assertThat(c.fails("/unmixer/wavetable", 1, 1, "Basics", "PWM").get(0)).isEqualTo("live-error");
            assertThat(c.fails("/unmixer/wavetable", 9, 1, "Basics", "PWM").get(0)).isEqualTo("no-such-device");
        }
    }

    @Test
    void loadsAWavSwitchesABAndPlays(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("original.wav");
        WavWriter.write(wav, AudioBuffer.silence(2, 22_050, 44_100), SampleFormat.PCM_16);
        Path text = Files.writeString(dir.resolve("notes.txt"), "not audio at all, just some words");
        try (SimClient c = SimClient.start()) {
            assertThat(c.fails("/unmixer/play").get(0)).isEqualTo("bad-request");
            assertThat(c.ok("/unmixer/load", wav.toString())).containsExactly(500f);
            assertThat(c.fails("/unmixer/load", dir.resolve("missing.wav").toString()).get(0)).isEqualTo("file-error");
            assertThat(c.fails("/unmixer/load", text.toString()).get(0)).isEqualTo("file-error");
            assertThat(c.fails("/unmixer/load", "relative.wav").get(0)).isEqualTo("file-error");
            assertThat(c.ok("/unmixer/ab", 1)).containsExactly(1);
            assertThat(c.fails("/unmixer/ab", 2).get(0)).isEqualTo("bad-request");
            assertThat(c.ok("/unmixer/play")).isEmpty();
            SetSnapshot.MaxDevice state = c.sim.snapshot().maxDevice().orElseThrow();
            assertThat(state.ab()).isEqualTo(1);
            assertThat(state.playingOriginal()).isTrue();
            assertThat(state.loaded()).contains(wav);
            assertThat(c.ok("/unmixer/stop")).isEmpty();
            assertThat(c.sim.snapshot().maxDevice().orElseThrow().playingOriginal()).isFalse();
        }
    }

    @Test
    void badIdsAndUnknownRequestsAreAnsweredWithErrors() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.device.send(OscMessage.of("/unmixer/hello", "one"), c.sim.devicePort());
            OscMessage m = c.nextDevice();
            assertThat(m.address()).isEqualTo("/unmixer/error");
            assertThat(m.args().subList(0, 2)).containsExactly(0, "bad-request");
            c.device.send(OscMessage.of("/unmixer/hello", 0), c.sim.devicePort());
            assertThat(c.nextDevice().args().subList(0, 2)).containsExactly(0, "bad-request");
            c.device.send(OscMessage.of("/unmixer/hello"), c.sim.devicePort());
            assertThat(c.nextDevice().args().subList(0, 2)).containsExactly(0, "bad-request");
            assertThat(c.fails("/unmixer/explode").get(0)).isEqualTo("unknown-address");
            assertThat(c.fails("/unmixer/params").get(0)).isEqualTo("bad-request");
        }
    }

    @Test
    void aDroppedDeviceDoesNotAnswer() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/hello");
            c.sim.dropMaxDevice();
            assertThat(c.sim.maxDevicePresent()).isFalse();
            c.device.send(OscMessage.of("/unmixer/hello", 99), c.sim.devicePort());
            awaitHandled(c, "/unmixer/hello", 2);
            c.sync();
            assertThat(c.deviceReplies.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(c.sim.snapshot().track("Un-Mixer").devices()).isEmpty();
            assertThat(c.sim.snapshot().maxDevice()).isEmpty();
        }
    }

    @Test
    void aSetWithoutTheDeviceOpensNoDevicePortAndStartsEmpty() throws Exception {
        try (SimClient c = SimClient.start(o -> o.withMaxDevice(false))) {
            assertThat(c.sim.devicePort()).isEqualTo(-1);
            assertThat(c.get("/live/song/get/num_tracks")).containsExactly(0);
        }
    }

    @Test
    void deletingTheDevicesTrackSilencesIt() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.tell("/live/song/delete_track", 0);
            c.sync();
            assertThat(c.sim.maxDevicePresent()).isFalse();
        }
    }

    @Test
    void recordWritesWhatTheReferenceRendererMakesOfTheTrack(@TempDir Path dir) throws Exception {
        DeviceSpec wavetable = CATALOG.device("Wavetable");
        DeviceSpec saturator = CATALOG.device("Saturator");
        DeviceSpec reverb = CATALOG.device("Reverb");
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Wavetable", 0);
            c.ok("/unmixer/insert", "Saturator", 1);
            c.ok("/unmixer/insert", "EQ Eight", 2);
            c.ok("/unmixer/insert", "Reverb", 3);
            c.ok("/unmixer/set", 2, "Device On", 0f); // EQ Eight bypassed
            Map<String, Map<String, Float>> lom = new LinkedHashMap<>();
            lom.put("Wavetable", Map.of("Osc 1 Pos", 0.4f, "Filter 1 Freq", 0.6f, "Volume", (float) wavetable.param("Volume").toLom(-6)));
            lom.put("Saturator", Map.of("Drive", (float) saturator.param("Drive").toLom(9)));
            lom.put("Reverb", Map.of("Dry/Wet", (float) reverb.param("Dry/Wet").toLom(30)));
            int[] index = {0, 1, -1, 3};
            String[] names = {"Wavetable", "Saturator", null, "Reverb"};
            for (int i = 0; i < names.length; i++) {
                if (names[i] != null) {
                    for (var e : lom.get(names[i]).entrySet()) {
                        c.ok("/unmixer/set", index[i], e.getKey(), e.getValue());
                    }
                }
            }
            c.ok("/unmixer/wavetable", 0, 1, "Basics", "PWM");
            c.tell("/live/clip_slot/create_clip", 0, 2, 4f);
            c.tell("/live/clip/add/notes", 0, 2, 67, 1f, 1f, 100f, false, 62, 0.5f, 0.75f, 90f, false);
            c.sync();

            Path out = dir.resolve("take.wav");
            assertThat(c.ok("/unmixer/record", out.toString(), 1.25f)).isEmpty();
            OscMessage done = c.nextDevice();
            assertThat(done).isEqualTo(OscMessage.of("/unmixer/recorded", done.intArg(0), out.toString()));

            // The same patch built here: LOM values (as the floats that travelled) back to display units.
            var synth = new org.unmixer.dsp.patch.SynthSpec(settings(wavetable, lom.get("Wavetable")),
                    new org.unmixer.dsp.patch.WavetableRef("Basics", "PWM"), org.unmixer.dsp.patch.WavetableRef.DEFAULT);
            var source = new org.unmixer.dsp.patch.SourceSpec(org.unmixer.dsp.patch.SourceKind.SYNTH, 62, 90,
                    0.75 * 60 / 120, org.unmixer.dsp.patch.SourceSpec.DEFAULT_TAIL_SECONDS, 0);
            var patch = new org.unmixer.dsp.patch.Patch(source, java.util.Optional.of(synth),
                    List.of(settings(saturator, lom.get("Saturator")), settings(reverb, lom.get("Reverb"))));
            AudioBuffer expected = org.unmixer.dsp.Renderer.render(patch, 44_100, 1.25);
            AudioBuffer recorded = AudioFiles.read(out).audio();
            assertThat(recorded.sampleRate()).isEqualTo(44_100);
            assertThat(recorded.channelCount()).isEqualTo(expected.channelCount());
            assertThat(recorded.frames()).isEqualTo(expected.frames());
            assertThat(recorded.peak()).isGreaterThan(0.01f);
            for (int ch = 0; ch < expected.channelCount(); ch++) {
                assertThat(recorded.channel(ch)).containsExactly(expected.channel(ch), within(ROUND_TRIP_TOLERANCE));
            }
        }
    }

    @Test
    void recordFailsOnDevicesTheCatalogDoesNotKnowAndWhenBusy(@TempDir Path dir) throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Wavetable", 0);
            c.sim.addForeignDevice(0, 1, "Serum", "PluginDevice", 2);
            List<String> failed = c.fails("/unmixer/record", dir.resolve("a.wav").toString(), 0.5f);
            assertThat(failed.get(0)).isEqualTo("live-error");
            assertThat(failed.get(1)).contains("\"Serum\"");
            c.sim.deleteDevice(0, 1);
            assertThat(c.fails("/unmixer/record", dir.resolve("no/such/folder/a.wav").toString(), 0.5f).get(0))
                    .isEqualTo("file-error");
            assertThat(c.fails("/unmixer/record", dir.resolve("a.wav").toString(), 0f).get(0)).isEqualTo("bad-request");

            // Two recordings in one datagram: the second arrives while the first runs.
            c.device.sendBundle(List.of(OscMessage.of("/unmixer/record", 100, dir.resolve("a.wav").toString(), 0.5f),
                    OscMessage.of("/unmixer/record", 101, dir.resolve("b.wav").toString(), 0.5f)), c.sim.devicePort());
            List<OscMessage> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(c.nextDevice());
            }
            assertThat(answers).contains(OscMessage.of("/unmixer/ok", 100),
                    OscMessage.of("/unmixer/error", 101, "busy", "a recording is already running"),
                    OscMessage.of("/unmixer/recorded", 100, dir.resolve("a.wav").toString()));
            assertThat(dir.resolve("b.wav")).doesNotExist();
            assertThat(AudioFiles.read(dir.resolve("a.wav")).audio().frames()).isEqualTo(22_050);
        }
    }

    @Test
    void recordRendersWavetablesUnisonAndRefusesModesTheRendererLacks(@TempDir Path dir) throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Wavetable", 0);
            c.sim.setUnison(0, 0, 1, 3);
            Path out = dir.resolve("unison.wav");
            c.ok("/unmixer/record", out.toString(), 0.3f);
            assertThat(c.nextDevice().address()).isEqualTo("/unmixer/recorded");
            DeviceSpec wavetable = CATALOG.device("Wavetable");
            var synth = new org.unmixer.dsp.patch.SynthSpec(wavetable.defaults(), org.unmixer.dsp.patch.WavetableRef.DEFAULT,
                    org.unmixer.dsp.patch.WavetableRef.DEFAULT,
                    new org.unmixer.dsp.source.Unison(org.unmixer.dsp.source.Unison.Mode.CLASSIC, 3));
            // No clip: pitch 60 at velocity 100, held for the whole recording.
            var patch = new org.unmixer.dsp.patch.Patch(new org.unmixer.dsp.patch.SourceSpec(
                    org.unmixer.dsp.patch.SourceKind.SYNTH, 60, 100, 0.3, org.unmixer.dsp.patch.SourceSpec.DEFAULT_TAIL_SECONDS, 0),
                    java.util.Optional.of(synth), List.of());
            AudioBuffer expected = org.unmixer.dsp.Renderer.render(patch, 44_100, 0.3);
            AudioBuffer recorded = AudioFiles.read(out).audio();
            for (int ch = 0; ch < 2; ch++) {
                // The defaults went display → LOM → display, which may move a value by an ulp.
                assertThat(recorded.channel(ch)).containsExactly(expected.channel(ch), within(ROUND_TRIP_TOLERANCE));
            }
            c.sim.setUnison(0, 0, 2, 3);
            assertThat(c.fails("/unmixer/record", out.toString(), 0.3f).get(1)).contains("unison mode 2");
        }
    }

    @Test
    void anEmptyTrackRecordsSilence(@TempDir Path dir) throws Exception {
        try (SimClient c = SimClient.start()) {
            Path out = dir.resolve("silence.wav");
            c.ok("/unmixer/record", out.toString(), 0.1f);
            assertThat(c.nextDevice().address()).isEqualTo("/unmixer/recorded");
            AudioBuffer audio = AudioFiles.read(out).audio();
            assertThat(audio.frames()).isEqualTo(4_410);
            assertThat(audio.peak()).isZero();
        }
    }

    private static org.unmixer.params.DeviceSettings settings(DeviceSpec spec, Map<String, Float> lom) {
        Map<String, Object> display = new LinkedHashMap<>();
        for (var e : lom.entrySet()) {
            display.put(e.getKey(), spec.param(e.getKey()).fromLom(e.getValue()));
        }
        return spec.settings(display);
    }

    private static void awaitHandled(SimClient c, String address, int count) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (c.sim.handled().stream().filter(h -> h.request().address().equals(address)).count() >= count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(address + " was not handled " + count + " times");
    }
}
