package org.unmixer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unmixer.live.sim.LiveSetSimulator;
import org.unmixer.live.sim.LiveSimOptions;

/** The client's typed requests against the simulator over loopback. */
class AbletonOscClientSimulatorTest {
    private LiveSetSimulator sim;
    private AbletonOscClient client;
    private MaxDeviceClient device;

    @BeforeEach
    void start() {
        int reply = AbletonOscClientTest.freePort();
        int deviceReply = AbletonOscClientTest.freePort();
        sim = LiveSetSimulator.start(LiveSimOptions.defaults().withTickMs(10).withPorts(0, reply, 0, deviceReply));
        client = AbletonOscClient.open(sim.abletonOscPort(), reply, 2000, s -> { });
        device = MaxDeviceClient.open(sim.devicePort(), deviceReply, 2000, s -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        device.close();
        sim.close();
    }

    @Test
    void tracksDevicesParametersSetsAndClips() {
        assertThat(client.ping()).isTrue();
        assertThat(client.version().canInsertDevices()).isTrue();
        client.createMidiTrack();
        assertThat(client.trackNames()).hasSize(2);
        client.setTrackName(1, "Bass");
        assertThat(client.trackNames()).containsExactly("Un-Mixer", "Bass");

        device.request("/unmixer/insert", "Reverb", 0);
        assertThat(client.devices(0)).extracting(AbletonOscClient.DeviceInfo::className, AbletonOscClient.DeviceInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Reverb", 2),
                        org.assertj.core.groups.Tuple.tuple("MxDeviceAudioEffect", 2));
        List<LiveParameter> params = client.parameters(0, 0);
        assertThat(params.get(0).name()).isEqualTo("Device On");
        int decay = params.stream().filter(p -> p.name().equals("Decay Time")).findFirst().orElseThrow().index();

        client.setParameter(0, 0, decay, 0.25);
        assertThat(client.parameters(0, 0).get(decay).value()).isCloseTo(0.25, within(1e-6));

        double[] bulk = params.stream().mapToDouble(LiveParameter::value).toArray();
        bulk[decay] = 0.75;
        client.setParameters(0, 0, bulk);
        assertThat(client.parameters(0, 0).get(decay).value()).isCloseTo(0.75, within(1e-6));

        client.drainErrors();
        client.setParameter(0, 0, decay, 7.0); // outside 0..1: Live refuses and says so
        assertThat(client.parameters(0, 0).get(decay).value()).isCloseTo(0.75, within(1e-6));
        assertThat(client.errors()).anyMatch(e -> e.contains("Invalid value"));

        client.writeClip(0, 0, 4, List.of(new double[] {60, 0, 1, 100}, new double[] {64, 1, 1, 90}));
        client.fireClip(0, 0);
        var notes = client.query(org.unmixer.live.osc.OscMessage.of("/live/clip/get/notes", 0, 0));
        assertThat(notes.size()).isEqualTo(2 + 10);
        assertThat(sim.snapshot().track("Un-Mixer").clips().get(0).playing()).isTrue();
        client.stopClip(0, 0);
        client.ping();
        assertThat(sim.snapshot().track("Un-Mixer").clips().get(0).playing()).isFalse();
    }

    @Test
    void theDevicePlaysTheOriginalAndSwitchesAB(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path wav = java.nio.file.Path.of("assets/examples/pluck.wav").toAbsolutePath();
        assertThat(device.loadOriginal(wav)).isPositive();
        device.playOriginal(true);
        device.listenToOriginal(true);
        var state = sim.snapshot().maxDevice().orElseThrow();
        assertThat(state.ab()).isEqualTo(1);
        assertThat(state.playingOriginal()).isTrue();
        assertThat(state.loaded()).contains(wav);
        device.listenToOriginal(false);
        device.playOriginal(false);
        state = sim.snapshot().maxDevice().orElseThrow();
        assertThat(state.ab()).isZero();
        assertThat(state.playingOriginal()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> device.loadOriginal(dir.resolve("missing.wav")))
                .isInstanceOf(DeviceRequestException.class);
    }
}
