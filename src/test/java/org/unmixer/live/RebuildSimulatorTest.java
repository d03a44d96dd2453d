package org.unmixer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;
import org.unmixer.live.sim.SetSnapshot;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/** The rebuild against the Live set simulator over real loopback sockets (issue 6's must-shows). */
class RebuildSimulatorTest {
    private static final Catalog CATALOG = Catalog.standard();
    private static final List<String> FIVE = List.of("Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb");

    @TempDir
    Path temp;

    private LiveSetSimulator sim;
    private LiveLink link;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (System.getenv("REBUILD_TEST_LOG") != null) {
            log.forEach(System.err::println);
        }
        if (link != null) {
            link.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(LiveSimOptions options) {
        int oscReply = AbletonOscClientTest.freePort();
        int deviceReply = AbletonOscClientTest.freePort();
        sim = LiveSetSimulator.start(options.withPorts(0, oscReply, 0, deviceReply), log::add);
        // A side the simulator does not open (port −1) gets a port nobody listens on.
        int oscPort = sim.abletonOscPort() > 0 ? sim.abletonOscPort() : AbletonOscClientTest.freePort();
        int devicePort = sim.devicePort() > 0 ? sim.devicePort() : AbletonOscClientTest.freePort();
        link = LiveLink.connect(new LiveLink.Settings(oscPort, oscReply, devicePort, deviceReply, 2000), log::add);
    }

    private RebuildReport rebuild(Patch patch) {
        return new Rebuild(link, p -> {
            Path file = temp.resolve("fallback.adg");
            org.unmixer.preset.AdgWriter.write(p, org.unmixer.preset.RackKind.INSTRUMENT, file);
            return file;
        }, log::add).run(patch);
    }

    /** Random settings for every catalog parameter of each device, Wavetable first. */
    static Patch randomPatch(long seed, List<String> effects) {
        Random random = new Random(seed);
        DeviceSettings synth = randomSettings(CATALOG.device("Wavetable"), random);
        List<DeviceSettings> chain = new ArrayList<>();
        for (String e : effects) {
            chain.add(randomSettings(CATALOG.device(e), random));
        }
        return new Patch(SourceSpec.synth(45 + random.nextInt(24), 100, 1.0),
                Optional.of(new SynthSpec(synth, new WavetableRef("Basics", "PWM"), new WavetableRef("Basics", "Sync Sweep"))), chain);
    }

    private static DeviceSettings randomSettings(DeviceSpec device, Random random) {
        DeviceSettings s = device.defaults();
        for (ParamSpec p : device.params()) {
            s = s.withNormalized(p.name(), random.nextDouble());
        }
        return s;
    }

    private static List<DeviceSettings> all(Patch patch) {
        List<DeviceSettings> out = new ArrayList<>();
        patch.synth().ifPresent(s -> out.add(s.settings()));
        out.addAll(patch.chain());
        return out;
    }

    private void assertEveryParameterReadsBack(Patch patch, SetSnapshot.Track track) {
        List<DeviceSettings> devices = all(patch);
        for (int d = 0; d < devices.size(); d++) {
            SetSnapshot.Device live = track.devices().get(d);
            for (ParamSpec p : devices.get(d).device().params()) {
                double intended = p.toLom(devices.get(d).get(p.name()));
                assertThat(live.parameter(p.name()).value()).as("%s %s", live.name(), p.name())
                        .isCloseTo(p.isQuantized() ? Math.rint(intended) : intended, within(1e-4));
            }
        }
    }

    @Test
    void aFiveDeviceRebuildCreatesTheDevicesInOrderAndEveryParameterReadsBack() {
        start(LiveSimOptions.defaults().withTickMs(10));
        Patch patch = randomPatch(1, FIVE);
        long before = sim.handled().size();
        RebuildReport report = rebuild(patch);

        assertThat(report.problems()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(link.status()).isEqualTo(LiveLink.Status.SIMULATOR);
        int catalogParameters = all(patch).stream().mapToInt(d -> d.device().params().size()).sum();
        assertThat(catalogParameters).isGreaterThan(100);
        assertThat(report.parametersSet()).isEqualTo(catalogParameters);
        assertThat(report.parametersVerified()).isEqualTo(catalogParameters);
        SetSnapshot.Track track = sim.snapshot().track(Rebuild.TRACK_NAME);
        assertThat(track.deviceNames()).containsExactly("Wavetable", "Saturator", "EQ Eight", "Multiband Dynamics",
                "Phaser-Flanger", "Reverb", DevicePlan.OUR_DEVICE);
        assertEveryParameterReadsBack(patch, track);
        SetSnapshot.Clip clip = track.clips().get(0);
        assertThat(clip.notes()).singleElement().satisfies(n -> assertThat(n.pitch()).isEqualTo(patch.source().note()));

        // Batched, not ping-pong: the whole rebuild lands in a handful of Live's ticks (at Live's
        // 100 ms tick, 12 ticks are 1.2 s), whatever the ~120 parameters.
        Set<Long> ticks = new HashSet<>();
        sim.handled().stream().skip(before).forEach(h -> ticks.add(h.tick()));
        assertThat(ticks.size()).as("ticks with work in them").isLessThanOrEqualTo(12);
    }

    @Test
    void aSecondRebuildChangesOnlyWhatChanged() {
        start(LiveSimOptions.defaults().withTickMs(10));
        assertThat(rebuild(randomPatch(1, FIVE)).complete()).isTrue();
        long before = sim.handled().size();
        // Phaser-Flanger goes, Reverb moves before EQ Eight, new values everywhere.
        Patch changed = randomPatch(2, List.of("Saturator", "Reverb", "EQ Eight", "Multiband Dynamics"));
        RebuildReport report = rebuild(changed);
        assertThat(report.problems()).isEmpty();
        List<String> edits = report.done().stream().filter(l -> l.matches("track \\d+: (insert|move|delete) .*")).toList();
        assertThat(edits).hasSize(2).anyMatch(l -> l.contains("delete Phaser-Flanger")).anyMatch(l -> l.contains("move Reverb"));
        long structural = sim.handled().stream().skip(before).map(h -> h.request().address())
                .filter(a -> a.equals("/unmixer/insert") || a.equals("/unmixer/delete") || a.equals("/unmixer/move")).count();
        assertThat(structural).isEqualTo(2);
        SetSnapshot.Track track = sim.snapshot().track(Rebuild.TRACK_NAME);
        assertThat(track.deviceNames()).containsExactly("Wavetable", "Saturator", "Reverb", "EQ Eight", "Multiband Dynamics",
                DevicePlan.OUR_DEVICE);
        assertEveryParameterReadsBack(changed, track);
    }

    @Test
    void aRenamedParameterIsReportedAndEverythingElseIsSet() {
        start(LiveSimOptions.defaults().withTickMs(10));
        sim.renameParameter("Saturator", "Drive", "Drive Amount");
        Patch patch = randomPatch(3, FIVE);
        RebuildReport report = rebuild(patch);
        assertThat(report.problems()).singleElement().asString().contains("\"Drive\"").contains("Drive Amount");
        assertThat(report.parametersVerified()).isEqualTo(report.parametersSet());
        int catalogParameters = all(patch).stream().mapToInt(d -> d.device().params().size()).sum();
        assertThat(report.parametersSet()).isEqualTo(catalogParameters - 1);
    }

    @Test
    void aDeviceDeletedMidRebuildIsReportedNotFatal() {
        start(LiveSimOptions.defaults().withTickMs(10));
        Patch patch = randomPatch(4, FIVE);
        RebuildReport report = new Rebuild(link, p -> temp.resolve("unused.adg"), line -> {
            if (line.startsWith("Wavetable Osc 2")) {
                sim.deleteDevice(0, 2); // the user deletes EQ Eight while we set the wavetables
            }
        }).run(patch);
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("changed during the rebuild"));
        // Devices before the deleted one were still set and read back.
        assertThat(report.parametersVerified()).isGreaterThan(0);
        assertThat(link.osc()).isPresent();
        assertThat(link.osc().get().ping()).isTrue();
    }

    @Test
    void garbageAtOurListenersDuringARebuildIsCountedAndIgnored() {
        start(LiveSimOptions.defaults().withTickMs(10));
        try (OscEndpoint attacker = OscEndpoint.open(0, "garbage", (m, f) -> { }, s -> { })) {
            for (int i = 0; i < 20; i++) {
                attacker.sendRaw(new byte[] {1, 2, 3, 4, 5, 6, 7}, link.osc().get().replyPort());
                attacker.sendRaw("/unmixer/ok\0,i".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        link.osc().get().replyPort());
            }
            RebuildReport report = rebuild(randomPatch(5, FIVE));
            assertThat(report.complete()).isTrue();
        }
        assertThat(link.osc().get().malformedCount()).isPositive();
    }

    @Test
    void withoutAbletonOscTheDeviceSetsTheParametersAndTheClipIsReportedMissing() {
        start(LiveSimOptions.defaults().withTickMs(10).withAbletonOsc(false));
        Patch patch = randomPatch(6, List.of("Saturator", "Reverb"));
        RebuildReport report = rebuild(patch);
        assertThat(report.problems()).singleElement().asString().contains("clip not written");
        assertThat(link.status()).isEqualTo(LiveLink.Status.SIMULATOR);
        int catalogParameters = all(patch).stream().mapToInt(d -> d.device().params().size()).sum();
        assertThat(report.parametersVerified()).isEqualTo(catalogParameters);
        assertEveryParameterReadsBack(patch, sim.snapshot().track(Rebuild.TRACK_NAME));
    }

    @Test
    void liveOlderThan12Point3GetsTheRackPresetInstead() throws Exception {
        start(LiveSimOptions.defaults().withTickMs(10).withLiveVersion(LiveVersion.fromUser("12.2.5")));
        RebuildReport report = rebuild(randomPatch(7, FIVE));
        assertThat(report.preset()).isPresent();
        assertThat(Files.size(report.preset().get())).isPositive();
        assertThat(report.done()).anyMatch(l -> l.contains("drop it on track 1") && l.contains("12.3"));
        assertThat(sim.snapshot().track(Rebuild.TRACK_NAME).deviceNames()).containsExactly(DevicePlan.OUR_DEVICE);
    }

    @Test
    void withoutTheDeviceATrackIsCreatedAndThePresetIsHandedOver() {
        start(LiveSimOptions.defaults().withTickMs(10).withMaxDevice(false));
        RebuildReport report = rebuild(randomPatch(8, FIVE));
        assertThat(report.preset()).isPresent();
        assertThat(sim.snapshot().tracks()).anyMatch(t -> t.name().equals(Rebuild.TRACK_NAME));
        assertThat(report.done()).anyMatch(l -> l.contains("no Un-Mixer device answered"));
        assertThat(link.status()).isEqualTo(LiveLink.Status.MAX_DEVICE_MISSING);
    }
}
