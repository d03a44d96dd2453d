package org.unmixer.live.sim;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.unmixer.live.LiveVersion;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.osc.OscMessage;
import org.unmixer.live.osc.PortInUseException;
import org.unmixer.params.Catalog;

/**
 * A stand-in for Ableton Live 12 with AbletonOSC and our Max device, over real UDP on 127.0.0.1:
 * the bridge's tests and the demo talk to it when no Live answers ({@code ./unmixer fake-live}).
 *
 * <p>Datagrams are queued as they arrive and handled once per tick ({@link LiveSimOptions#tickMs}),
 * every queued datagram in arrival order, as AbletonOSC drains its socket on Live's 100 ms tick: a
 * bundle of 100 messages costs one tick, a question and its answer one tick per round trip. One
 * lock guards the set; the fault hooks below take it too, so tests may call them at any time.
 *
 * <pre>{@code
 * try (LiveSetSimulator live = LiveSetSimulator.start(LiveSimOptions.forTests(myPort, myDevicePort), log::add)) {
 *     client.send(OscMessage.of("/live/test"), live.abletonOscPort());
 * }
 * }</pre>
 */
public final class LiveSetSimulator implements AutoCloseable {
    /** Which simulated listener a request reached. */
    public enum Port { ABLETON_OSC, MAX_DEVICE }

    /** A request handled in tick {@code tick} (kept for tests: the last {@value #HISTORY} of them). */
    public record Handled(long tick, Port port, OscMessage request) {
    }

    static final int HISTORY = 10_000;
    /** Longest request or reply text in one log line. */
    private static final int LOG_CHARS = 200;

    private record Inbound(Port port, List<OscMessage> messages, InetSocketAddress from) {
    }

    private final LiveSimOptions options;
    private final Consumer<String> log;
    private final Object lock = new Object();
    private final LiveSet set;
    private final AbletonOscApi abletonOsc;
    private final MaxDeviceApi maxDevice;
    private final Recorder recorder = new Recorder();
    private final LinkedBlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>();
    private final Deque<Handled> history = new ArrayDeque<>();
    private final ScheduledExecutorService ticker;
    private OscEndpoint abletonOscEndpoint;
    private OscEndpoint deviceEndpoint;
    private long ticks;

    private LiveSetSimulator(LiveSimOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
        this.set = new LiveSet(Catalog.standard(), options.liveVersion());
        SimDevice link = null;
        if (options.maxDevice()) {
            SimTrack track = new SimTrack(LiveSet.LINK_TRACK_NAME, true);
            link = DeviceFactory.link();
            track.devices.add(link);
            set.tracks.add(track);
        }
        this.abletonOsc = new AbletonOscApi(set);
        this.maxDevice = new MaxDeviceApi(set, link, recorder);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-sim-tick");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the ports and starts ticking.
     *
     * @param log receives one line per request handled and per problem (malformed packets)
     * @throws PortInUseException when a port is taken (nothing stays open)
     */
    public static LiveSetSimulator start(LiveSimOptions options, Consumer<String> log) {
        LiveSetSimulator sim = new LiveSetSimulator(options, log);
        try {
            if (options.abletonOsc()) {
                sim.abletonOscEndpoint = OscEndpoint.openForPackets(options.abletonOscPort(), "live-sim-abletonosc",
                        (messages, from) -> sim.inbox.add(new Inbound(Port.ABLETON_OSC, messages, from)),
                        problem -> log.accept("abletonosc: " + problem));
            }
            if (options.maxDevice()) {
                sim.deviceEndpoint = OscEndpoint.openForPackets(options.devicePort(), "live-sim-device",
                        (messages, from) -> sim.inbox.add(new Inbound(Port.MAX_DEVICE, messages, from)),
                        problem -> log.accept("device: " + problem));
            }
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        sim.ticker.scheduleAtFixedRate(sim::tickSafely, options.tickMs(), options.tickMs(), TimeUnit.MILLISECONDS);
        synchronized (sim.lock) {
            sim.maxDevice.ready().ifPresent(sim::sendFromDevice);
        }
        return sim;
    }

    /** Starts with the log discarded. */
    public static LiveSetSimulator start(LiveSimOptions options) {
        return start(options, line -> { });
    }

    public LiveSimOptions options() {
        return options;
    }

    /** The AbletonOSC port actually bound (useful with port 0), or −1 without AbletonOSC. */
    public int abletonOscPort() {
        return abletonOscEndpoint == null ? -1 : abletonOscEndpoint.port();
    }

    /** The Max device's port actually bound, or −1 when the set started without the device. */
    public int devicePort() {
        return deviceEndpoint == null ? -1 : deviceEndpoint.port();
    }

    // ---- ticking ------------------------------------------------------------------------------

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.accept("tick failed: " + e);
        }
    }

    private void tick() {
        List<Inbound> batch = new ArrayList<>();
        inbox.drainTo(batch);
        synchronized (lock) {
            ticks++;
            for (Inbound in : batch) {
                for (OscMessage m : in.messages()) {
                    remember(new Handled(ticks, in.port(), m));
                    if (in.port() == Port.ABLETON_OSC) {
                        handleAbletonOsc(m, in.from());
                    } else {
                        handleDevice(m);
                    }
                }
            }
            for (OscMessage pushed : maxDevice.poll()) {
                log.accept("device  (pushed) → " + clip(pushed.toString()));
                sendFromDevice(pushed);
            }
        }
    }

    private void handleAbletonOsc(OscMessage m, InetSocketAddress from) {
        OscMessage reply;
        try {
            reply = abletonOsc.handle(m);
        } catch (AbletonOscApi.UnknownAddressException e) {
            reply = OscMessage.of("/live/error", e.getMessage());
        } catch (LiveError e) {
            reply = OscMessage.of("/live/error", "Error handling OSC message: " + e.getMessage());
        }
        log.accept("live    " + clip(m.toString()) + (reply == null ? "" : " → " + clip(reply.toString())));
        if (reply != null) {
            send(abletonOscEndpoint, reply, new InetSocketAddress(from.getAddress(), options.replyPort()));
        }
    }

    private void handleDevice(OscMessage m) {
        Optional<OscMessage> reply = maxDevice.handle(m);
        log.accept("device  " + clip(m.toString()) + reply.map(r -> " → " + clip(r.toString())).orElse(" (no device: no answer)"));
        reply.ifPresent(this::sendFromDevice);
    }

    private void sendFromDevice(OscMessage m) {
        if (deviceEndpoint != null) {
            send(deviceEndpoint, m, OscEndpoint.loopback(options.deviceReplyPort()));
        }
    }

    /** Sends, or logs why it could not (a reply port of 0, say): a reply that cannot go must not stop the set. */
    private void send(OscEndpoint endpoint, OscMessage m, InetSocketAddress to) {
        if (to.getPort() == 0) {
            log.accept("not sent (reply port 0): " + clip(m.toString()));
            return;
        }
        try {
            endpoint.send(m, to);
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            log.accept("could not send " + clip(m.toString()) + " to " + to + ": " + e.getMessage());
        }
    }

    private void remember(Handled h) {
        history.addLast(h);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    private static String clip(String text) {
        return text.length() <= LOG_CHARS ? text : text.substring(0, LOG_CHARS) + "…";
    }

    // ---- observation for tests ----------------------------------------------------------------

    /** Ticks so far. */
    public long tickCount() {
        synchronized (lock) {
            return ticks;
        }
    }

    /** The requests handled so far (the most recent {@value #HISTORY}), oldest first, with their tick. */
    public List<Handled> handled() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /** An immutable copy of the set. */
    public SetSnapshot snapshot() {
        synchronized (lock) {
            return SetSnapshot.of(set, maxDevice);
        }
    }

    /** Datagrams received on the AbletonOSC port that were not OSC. */
    public long malformedAbletonOscPackets() {
        return abletonOscEndpoint == null ? 0 : abletonOscEndpoint.malformedCount();
    }

    /** Datagrams received on the Max device's port that were not OSC. */
    public long malformedDevicePackets() {
        return deviceEndpoint == null ? 0 : deviceEndpoint.malformedCount();
    }

    // ---- fault hooks ------------------------------------------------------------------------

    /** Deletes a device now, as a user would in Live (the Max device too, which then stops answering). */
    public void deleteDevice(int track, int device) {
        synchronized (lock) {
            try {
                set.deleteDevice(track, device);
            } catch (LiveError e) {
                throw new IndexOutOfBoundsException("no device " + device + " on track " + track);
            }
        }
    }

    /**
     * Renames a parameter on every device of {@code className} (Live's {@code class_name}, e.g.
     * {@code "Saturator"}), now and on devices inserted later, as a newer Live release might.
     */
    public void renameParameter(String className, String oldName, String newName) {
        synchronized (lock) {
            set.renameParameter(className, oldName, newName);
        }
    }

    /** Removes our Max device from the set: its port keeps receiving but nothing answers. */
    public void dropMaxDevice() {
        synchronized (lock) {
            maxDevice.drop();
        }
    }

    /** Whether the Max device is in the set and answering. */
    public boolean maxDevicePresent() {
        synchronized (lock) {
            return maxDevice.present();
        }
    }

    /** Makes the set report another Live version from now on (e.g. 12.2.5, which cannot insert devices). */
    public void setLiveVersion(LiveVersion version) {
        synchronized (lock) {
            set.version = version;
        }
    }

    /**
     * Puts a device the catalog does not know on a track (a plug-in, say), with "Device On" as its
     * only parameter, at {@code index} without checking where it may go.
     *
     * @param type LOM type: 1 instrument, 2 audio effect, 4 MIDI effect
     */
    public void addForeignDevice(int track, int index, String name, String className, int type) {
        synchronized (lock) {
            List<SimDevice> devices;
            try {
                devices = set.track(track).devices;
            } catch (LiveError e) {
                throw new IndexOutOfBoundsException("no track " + track);
            }
            devices.add(index, DeviceFactory.foreign(name, className, type));
        }
    }

    /** Sets Wavetable's unison properties ({@code unison_mode} 0..6, {@code unison_voice_count} 2..8) on a device. */
    public void setUnison(int track, int device, int mode, int voices) {
        if (mode < 0 || mode > 6 || voices < 2 || voices > 8) {
            throw new IllegalArgumentException("unison mode 0..6 and voices 2..8, got " + mode + " and " + voices);
        }
        synchronized (lock) {
            SimDevice d;
            try {
                d = set.device(track, device);
            } catch (LiveError e) {
                throw new IndexOutOfBoundsException("no device " + device + " on track " + track);
            }
            if (d.wavetable == null) {
                throw new IllegalArgumentException(d.name + " is not a Wavetable");
            }
            d.wavetable.unisonMode = mode;
            d.wavetable.unisonVoices = voices;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (abletonOscEndpoint != null) {
            abletonOscEndpoint.close();
        }
        if (deviceEndpoint != null) {
            deviceEndpoint.close();
        }
        recorder.close();
    }
}
