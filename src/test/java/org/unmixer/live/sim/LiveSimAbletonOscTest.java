package org.unmixer.live.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unmixer.live.osc.OscMessage;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/** The simulator's AbletonOSC subset over real loopback UDP (ableton-integration.md §1). */
class LiveSimAbletonOscTest {
    private static final String INDEX_ERROR = "Error handling OSC message: Index out of range";
    private static final String RANGE_ERROR =
            "Error handling OSC message: Invalid value. Check the parameters range with min/max";

    @Test
    void answersTheHandshakeAndReportsItsVersion() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.ask("/live/test")).isEqualTo(OscMessage.of("/live/test", "ok"));
            assertThat(c.get("/live/application/get/version")).containsExactly(12, 3);
            assertThat(c.get("/live/song/get/tempo")).containsExactly(120f);
            assertThat(c.sim.snapshot().statusMessage()).isEqualTo("Received OSC OK");
            assertThat(c.log).contains("live    /live/test → /live/test \"ok\"",
                    "live    /live/application/get/version → /live/application/get/version 12 3");
        }
    }

    @Test
    void createsAMidiTrackNamesItAndListsTheNames() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.get("/live/song/get/num_tracks")).containsExactly(1);
            c.tell("/live/song/create_midi_track", -1);
            c.tell("/live/track/set/name", 1, "Rebuild");
            c.tell("/live/song/create_midi_track", 0);
            assertThat(c.get("/live/song/get/track_names")).containsExactly("1-MIDI", "Un-Mixer", "Rebuild");
            assertThat(c.get("/live/track/get/name", 2)).containsExactly(2, "Rebuild");
            c.tell("/live/song/delete_track", 0);
            assertThat(c.get("/live/song/get/track_names")).containsExactly("Un-Mixer", "Rebuild");
            assertThat(c.sim.snapshot().track("Rebuild").midi()).isTrue();
        }
    }

    @Test
    void listsDevicesWithClassNamesAndLomTypes() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Wavetable", 0);
            c.ok("/unmixer/insert", "Saturator", 1);
            assertThat(c.get("/live/track/get/num_devices", 0)).containsExactly(0, 3);
            assertThat(c.get("/live/track/get/devices/name", 0)).containsExactly(0, "Wavetable", "Saturator", "Un-Mixer Link");
            assertThat(c.get("/live/track/get/devices/class_name", 0))
                    .containsExactly(0, "InstrumentVector", "Saturator", "MxDeviceAudioEffect");
            assertThat(c.get("/live/track/get/devices/type", 0)).containsExactly(0, 1, 2, 2);
            assertThat(c.get("/live/device/get/name", 0, 1)).containsExactly(0, 1, "Saturator");
            assertThat(c.get("/live/device/get/class_name", 0, 0)).containsExactly(0, 0, "InstrumentVector");
            assertThat(c.get("/live/device/get/type", 0, 2)).containsExactly(0, 2, 2);
            c.tell("/live/track/delete_device", 0, 1);
            assertThat(c.get("/live/track/get/devices/name", 0)).containsExactly(0, "Wavetable", "Un-Mixer Link");
        }
    }

    @Test
    void parameterListsStartWithDeviceOnThenTheCatalogWithLomRanges() throws Exception {
        DeviceSpec saturator = Catalog.standard().device("Saturator");
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Saturator", 0);
            int n = saturator.params().size() + 1;
            assertThat(c.get("/live/device/get/num_parameters", 0, 0)).containsExactly(0, 0, n);
            List<Object> names = new ArrayList<>(List.of(0, 0, "Device On"));
            List<Object> mins = new ArrayList<>(List.of(0, 0, 0f));
            List<Object> maxs = new ArrayList<>(List.of(0, 0, 1f));
            List<Object> quantized = new ArrayList<>(List.of(0, 0, true));
            List<Object> values = new ArrayList<>(List.of(0, 0, 1f));
            for (ParamSpec p : saturator.params()) {
                names.add(p.name());
                mins.add((float) p.lomMin());
                maxs.add((float) p.lomMax());
                quantized.add(p.isQuantized());
                values.add((float) p.toLom(p.defaultValue()));
            }
            assertThat(c.get("/live/device/get/parameters/name", 0, 0)).isEqualTo(names);
            assertThat(c.get("/live/device/get/parameters/min", 0, 0)).isEqualTo(mins);
            assertThat(c.get("/live/device/get/parameters/max", 0, 0)).isEqualTo(maxs);
            assertThat(c.get("/live/device/get/parameters/is_quantized", 0, 0)).isEqualTo(quantized);
            assertThat(c.get("/live/device/get/parameters/value", 0, 0)).isEqualTo(values);
        }
    }

    @Test
    void setsOneParameterAndAllOfThemAndReadsThemBack() throws Exception {
        DeviceSpec saturator = Catalog.standard().device("Saturator");
        int drive = saturator.indexOf("Drive") + 1;
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Saturator", 0);
            float lom = (float) saturator.param("Drive").toLom(12);
            c.tell("/live/device/set/parameter/value", 0, 0, drive, lom);
            assertThat(c.get("/live/device/get/parameter/value", 0, 0, drive)).containsExactly(0, 0, drive, lom);
            assertThat(c.get("/live/device/get/parameter/value_string", 0, 0, drive).get(3).toString())
                    .isEqualTo(saturator.param("Drive").displayText(saturator.param("Drive").fromLom(lom)));
            assertThat(c.get("/live/device/get/parameter/value_string", 0, 0, 0)).containsExactly(0, 0, 0, "On");

            List<Object> bulk = new ArrayList<>(List.of(0, 0, 0f));
            for (ParamSpec p : saturator.params()) {
                bulk.add((float) p.lomMax());
            }
            c.tell("/live/device/set/parameters/value", bulk.toArray());
            List<Object> back = c.get("/live/device/get/parameters/value", 0, 0);
            assertThat(back).isEqualTo(bulk);
            assertThat(c.sim.snapshot().track("Un-Mixer").devices().get(0).parameter("Device On").value()).isZero();
        }
    }

    @Test
    void aValueOutsideTheRangeIsAnErrorAndChangesNothing() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Saturator", 0);
            List<Object> before = c.get("/live/device/get/parameters/value", 0, 0);
            assertThat(c.error("/live/device/set/parameter/value", 0, 0, 1, 1e6f)).isEqualTo(RANGE_ERROR);
            assertThat(c.error("/live/device/set/parameter/value", 0, 0, 0, -1f)).isEqualTo(RANGE_ERROR);
            assertThat(c.get("/live/device/get/parameters/value", 0, 0)).isEqualTo(before);
        }
    }

    @Test
    void quantizedValuesAreRoundedToTheNearestStep() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.tell("/live/device/set/parameter/value", 0, 0, 0, 0.4f);
            assertThat(c.get("/live/device/get/parameter/value", 0, 0, 0)).containsExactly(0, 0, 0, 0f);
            c.tell("/live/device/set/parameter/value", 0, 0, 0, 0.6f);
            assertThat(c.get("/live/device/get/parameter/value", 0, 0, 0)).containsExactly(0, 0, 0, 1f);
        }
    }

    @Test
    void unknownAddressesBadIndicesAndBadArgumentsAreErrors() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.error("/live/song/get/nonsense")).isEqualTo("Unknown OSC address: /live/song/get/nonsense");
            assertThat(c.error("/live/track/get/name", 5)).isEqualTo(INDEX_ERROR);
            assertThat(c.error("/live/device/get/name", 0, 1)).isEqualTo(INDEX_ERROR);
            assertThat(c.error("/live/device/get/parameter/value", 0, 0, 1)).isEqualTo(INDEX_ERROR);
            assertThat(c.error("/live/clip_slot/get/has_clip", 0, 8)).isEqualTo(INDEX_ERROR);
            assertThat(c.error("/live/track/get/name", "zero")).startsWith("Error handling OSC message: ");
            assertThat(c.error("/live/track/get/name")).startsWith("Error handling OSC message: ");
            assertThat(c.error("/live/device/set/parameter/value", 0, 0, 0, "loud")).startsWith("Error handling OSC message: ");
            assertThat(c.error("/live/track/set/name", 0, 42)).startsWith("Error handling OSC message: ");
            assertThat(c.sim.snapshot().track("Un-Mixer").devices()).hasSize(1);
        }
    }

    @Test
    void floatIndicesAreTruncatedAsPythonsIntDoes() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.get("/live/track/get/name", 0.7f)).containsExactly(0, "Un-Mixer");
            assertThat(c.get("/live/device/get/name", 0f, 0f)).containsExactly(0, 0, "Un-Mixer Link");
        }
    }

    @Test
    void aBundleOfAHundredSetsIsHandledInOneTick() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.ok("/unmixer/insert", "Saturator", 0);
            List<OscMessage> sets = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sets.add(OscMessage.of("/live/device/set/parameter/value", 0, 0, 2, i / 99f));
            }
            c.live.sendBundle(sets, c.sim.abletonOscPort());
            assertThat(c.get("/live/device/get/parameter/value", 0, 0, 2)).containsExactly(0, 0, 2, 1f);
            List<Long> ticks = c.sim.handled().stream()
                    .filter(h -> h.request().address().equals("/live/device/set/parameter/value"))
                    .map(LiveSetSimulator.Handled::tick).toList();
            assertThat(ticks).hasSize(100);
            assertThat(ticks.stream().distinct()).hasSize(1);
        }
    }

    @Test
    void aQuestionAndItsAnswerCostATickEach() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.sync();
            c.sync();
            List<Long> ticks = c.sim.handled().stream().map(LiveSetSimulator.Handled::tick).toList();
            assertThat(ticks).hasSize(2);
            assertThat(ticks.get(1)).isGreaterThan(ticks.get(0));
        }
    }

    @Test
    void nestedBundlesAreHandledInOrder() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.live.sendRaw(NestedBundles.encode(
                    List.of(OscMessage.of("/live/song/create_midi_track", -1)),
                    List.of(OscMessage.of("/live/track/set/name", 1, "first"), OscMessage.of("/live/track/set/name", 1, "second"))),
                    c.sim.abletonOscPort());
            assertThat(c.get("/live/track/get/name", 1)).containsExactly(1, "second");
        }
    }

    @Test
    void clipsAndNotesRoundTrip() throws Exception {
        try (SimClient c = SimClient.start()) {
            assertThat(c.get("/live/clip_slot/get/has_clip", 0, 0)).containsExactly(0, 0, false);
            c.tell("/live/clip_slot/create_clip", 0, 0, 4f);
            assertThat(c.get("/live/clip_slot/get/has_clip", 0, 0)).containsExactly(0, 0, true);
            c.tell("/live/clip/add/notes", 0, 0, 64, 1f, 0.5f, 90f, false, 60, 0f, 2f, 100f, false);
            assertThat(c.get("/live/clip/get/notes", 0, 0))
                    .containsExactly(0, 0, 60, 0f, 2f, 100f, false, 64, 1f, 0.5f, 90f, false);
            c.tell("/live/clip/fire", 0, 0);
            c.sync();
            assertThat(c.sim.snapshot().track("Un-Mixer").clips().get(0).playing()).isTrue();
            c.tell("/live/track/stop_all_clips", 0);
            c.tell("/live/clip/remove/notes", 0, 0);
            assertThat(c.get("/live/clip/get/notes", 0, 0)).containsExactly(0, 0);
            assertThat(c.sim.snapshot().track("Un-Mixer").clips().get(0).playing()).isFalse();
            assertThat(c.error("/live/clip_slot/create_clip", 0, 0, 4f)).startsWith("Error handling OSC message: ");
            c.tell("/live/clip_slot/delete_clip", 0, 0);
            assertThat(c.get("/live/clip_slot/get/has_clip", 0, 0)).containsExactly(0, 0, false);
            assertThat(c.error("/live/clip/get/notes", 0, 0)).startsWith("Error handling OSC message: ");
        }
    }

    @Test
    void transportSelectionAndStatusMessagesChangeTheSet() throws Exception {
        try (SimClient c = SimClient.start()) {
            c.tell("/live/song/create_midi_track", -1);
            c.tell("/live/view/set/selected_track", 1);
            c.tell("/live/song/start_playing");
            c.tell("/live/api/show_message", "rebuilding");
            c.sync();
            SetSnapshot s = c.sim.snapshot();
            assertThat(s.selectedTrack()).isEqualTo(1);
            assertThat(s.playing()).isTrue();
            c.tell("/live/api/show_message", "done");
            c.tell("/live/song/stop_playing");
            assertThat(c.ask("/live/song/get/num_tracks")).isEqualTo(OscMessage.of("/live/song/get/num_tracks", 2));
            assertThat(c.sim.snapshot().playing()).isFalse();
            assertThat(c.sim.snapshot().statusMessage()).isEqualTo("done");
        }
    }

    @Test
    void withoutAbletonOscItsPortIsNotOpened() throws Exception {
        try (SimClient c = SimClient.start(o -> o.withAbletonOsc(false))) {
            assertThat(c.sim.abletonOscPort()).isEqualTo(-1);
            assertThat(c.ok("/unmixer/hello")).startsWith("unmixer-device/1");
        }
    }
}
