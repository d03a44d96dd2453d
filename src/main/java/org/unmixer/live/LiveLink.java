package org.unmixer.live;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.unmixer.live.osc.OscMessage;

/**
 * The open connections to a running Live (or the simulator): AbletonOSC and the Un-Mixer device,
 * each present only if it answered the handshake. Refuses to exist when neither answers, with the
 * setup steps in the message.
 */
public final class LiveLink implements AutoCloseable {
    /** Ports and timeout; defaults are AbletonOSC's and max-device/PROTOCOL.md's. */
    public record Settings(int oscPort, int oscReplyPort, int devicePort, int deviceReplyPort, long timeoutMillis) {
        public static Settings defaults() {
            return new Settings(AbletonOscClient.DEFAULT_SERVER_PORT, AbletonOscClient.DEFAULT_REPLY_PORT,
                    MaxDeviceClient.DEFAULT_DEVICE_PORT, MaxDeviceClient.DEFAULT_REPLY_PORT, 1500);
        }
    }

    public static final String SETUP_STEPS = "install AbletonOSC (github.com/ideoforms/AbletonOSC) into Live's Remote Scripts"
            + " folder and choose it as a Control Surface in Preferences > Link, Tempo & MIDI; for device insertion"
            + " (Live 12.3+) also drop max-device/Un-Mixer Link.amxd on a MIDI track; or run ./unmixer fake-live to try"
            + " the simulator";

    private final AbletonOscClient osc;
    private final MaxDeviceClient device;
    private final boolean oscAnswered;
    private final Optional<MaxDeviceClient.Hello> hello;
    private final LiveVersion version;
    private final double tempo;

    private LiveLink(AbletonOscClient osc, MaxDeviceClient device, boolean oscAnswered,
            Optional<MaxDeviceClient.Hello> hello, LiveVersion version, double tempo) {
        this.osc = osc;
        this.device = device;
        this.oscAnswered = oscAnswered;
        this.hello = hello;
        this.version = version;
        this.tempo = tempo;
    }

    /** Opens both clients and shakes hands; the two handshakes run at the same time. */
    public static LiveLink connect(Settings s, Consumer<String> log) {
        AbletonOscClient osc = AbletonOscClient.open(s.oscPort(), s.oscReplyPort(), s.timeoutMillis(), log);
        MaxDeviceClient device;
        try {
            device = MaxDeviceClient.open(s.devicePort(), s.deviceReplyPort(), s.timeoutMillis(), log);
        } catch (RuntimeException e) {
            osc.close();
            throw e;
        }
        java.util.concurrent.CompletableFuture<Optional<MaxDeviceClient.Hello>> helloFuture =
                java.util.concurrent.CompletableFuture.supplyAsync(device::hello);
        List<Optional<OscMessage>> first = osc.queryEach(List.of(OscMessage.of("/live/test"),
                OscMessage.of("/live/application/get/version"), OscMessage.of("/live/song/get/tempo")));
        Optional<MaxDeviceClient.Hello> hello = helloFuture.join();
        boolean oscAnswered = first.get(0).isPresent();
        if (!oscAnswered && hello.isEmpty()) {
            osc.close();
            device.close();
            throw new LiveConnectionException("no Live answered (AbletonOSC on UDP 127.0.0.1:" + s.oscPort()
                    + ", Un-Mixer device on " + s.devicePort() + "): " + SETUP_STEPS);
        }
        LiveVersion version = hello.map(MaxDeviceClient.Hello::liveVersion).orElseGet(() -> first.get(1)
                .map(m -> new LiveVersion(m.intArg(0), m.size() > 1 ? m.intArg(1) : 0, 0)).orElse(new LiveVersion(0, 0, 0)));
        double tempo = first.get(2).map(m -> m.doubleArg(0)).orElse(120.0);
        return new LiveLink(osc, device, oscAnswered, hello, version, tempo);
    }

    public Optional<AbletonOscClient> osc() {
        return oscAnswered ? Optional.of(osc) : Optional.empty();
    }

    public Optional<MaxDeviceClient> device() {
        return hello.isPresent() ? Optional.of(device) : Optional.empty();
    }

    public Optional<MaxDeviceClient.Hello> hello() {
        return hello;
    }

    public LiveVersion version() {
        return version;
    }

    public double tempo() {
        return tempo;
    }

    /** What answered, for the window's indicator. */
    public enum Status {
        /** Live with AbletonOSC and the Un-Mixer device: everything works. */
        LIVE,
        /** The simulator ({@code ./unmixer fake-live}). */
        SIMULATOR,
        /** AbletonOSC answers but no Un-Mixer device: devices cannot be inserted (rack preset instead). */
        MAX_DEVICE_MISSING,
        /** The device answers but AbletonOSC does not: no clip, parameters through the device. */
        ABLETONOSC_MISSING
    }

    public Status status() {
        if (hello.isPresent() && hello.get().simulator()) {
            return Status.SIMULATOR;
        }
        if (hello.isEmpty()) {
            return Status.MAX_DEVICE_MISSING;
        }
        return oscAnswered ? Status.LIVE : Status.ABLETONOSC_MISSING;
    }

    /** One line for logs and the window's indicator. */
    public String describe() {
        return (status() == Status.SIMULATOR ? "the Live set simulator, as Live " : "Live ") + version + (oscAnswered ? ", AbletonOSC" : ", no AbletonOSC")
                + hello.map(h -> ", Un-Mixer device on track " + (h.trackIndex() + 1)).orElse(", no Un-Mixer device");
    }

    @Override
    public void close() {
        osc.close();
        device.close();
    }
}
