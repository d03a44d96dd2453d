package org.unmixer.live.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.osc.OscMessage;

/**
 * A small test client for {@link LiveSetSimulator}: one loopback endpoint for AbletonOSC (its port
 * is the simulator's reply port) and one for the Max device, each feeding a queue. Every wait is
 * bounded by {@link #REPLY_WAIT_SECONDS}; nothing here measures time.
 */
final class SimClient implements AutoCloseable {
    /** Generous on a loaded 2-core machine: a reply normally takes one tick (10 ms in tests). */
    static final long REPLY_WAIT_SECONDS = 5;

    final OscEndpoint live;
    final OscEndpoint device;
    final LinkedBlockingQueue<OscMessage> liveReplies = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<OscMessage> deviceReplies = new LinkedBlockingQueue<>();
    /** {@code /unmixer/ready} pushes, kept apart from answers. */
    final LinkedBlockingQueue<OscMessage> readies = new LinkedBlockingQueue<>();
    final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    final LiveSetSimulator sim;
    private int nextId = 1;

    private SimClient(UnaryOperator<LiveSimOptions> tweak) {
        live = OscEndpoint.open(0, "test-live-client", (m, from) -> liveReplies.add(m), p -> { });
        device = OscEndpoint.open(0, "test-device-client", (m, from) -> {
            (m.address().equals("/unmixer/ready") ? readies : deviceReplies).add(m);
        }, p -> { });
        LiveSimOptions options = tweak.apply(LiveSimOptions.forTests(live.port(), device.port()));
        LiveSetSimulator started;
        try {
            started = LiveSetSimulator.start(options, log::add);
        } catch (RuntimeException e) {
            live.close();
            device.close();
            throw e;
        }
        sim = started;
    }

    static SimClient start() {
        return new SimClient(o -> o);
    }

    static SimClient start(UnaryOperator<LiveSimOptions> tweak) {
        return new SimClient(tweak);
    }

    // ---- AbletonOSC -------------------------------------------------------------------------

    /** Sends a message to AbletonOSC and expects nothing back. */
    void tell(String address, Object... args) {
        live.send(OscMessage.of(address, args), sim.abletonOscPort());
    }

    /** Sends a query and returns the first message that comes back (its answer or a {@code /live/error}). */
    OscMessage ask(String address, Object... args) throws InterruptedException {
        tell(address, args);
        return nextLive();
    }

    OscMessage nextLive() throws InterruptedException {
        OscMessage m = liveReplies.poll(REPLY_WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(m).as("a reply from AbletonOSC within %d s", REPLY_WAIT_SECONDS).isNotNull();
        return m;
    }

    /** Sends a query that must succeed and returns its arguments. */
    List<Object> get(String address, Object... args) throws InterruptedException {
        OscMessage m = ask(address, args);
        assertThat(m.address()).as("reply to %s (got %s)", address, m).isEqualTo(address);
        return m.args();
    }

    /** Sends a request that must fail and returns the {@code /live/error} text; checks nothing else came. */
    String error(String address, Object... args) throws InterruptedException {
        OscMessage m = ask(address, args);
        assertThat(m.address()).as("an error for %s (got %s)", address, m).isEqualTo("/live/error");
        sync();
        return m.stringArg(0);
    }

    /** A {@code /live/test} round trip: everything sent before has been handled, and nothing else was answered. */
    void sync() throws InterruptedException {
        assertThat(ask("/live/test")).isEqualTo(OscMessage.of("/live/test", "ok"));
    }

    // ---- Max device ---------------------------------------------------------------------------

    /** Sends a device request with a fresh id and returns the answer carrying that id. */
    OscMessage request(String address, Object... args) throws InterruptedException {
        int id = nextId++;
        List<Object> all = new ArrayList<>();
        all.add(id);
        all.addAll(java.util.Arrays.asList(args));
        device.send(new OscMessage(address, all), sim.devicePort());
        OscMessage m = nextDevice();
        assertThat(m.intArg(0)).as("the answer's id (%s)", m).isEqualTo(id);
        return m;
    }

    OscMessage nextDevice() throws InterruptedException {
        OscMessage m = deviceReplies.poll(REPLY_WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(m).as("an answer from the Max device within %d s", REPLY_WAIT_SECONDS).isNotNull();
        return m;
    }

    /** A request that must succeed; returns the values after the id. */
    List<Object> ok(String address, Object... args) throws InterruptedException {
        OscMessage m = request(address, args);
        assertThat(m.address()).as("%s %s answered %s", address, java.util.Arrays.toString(args), m).isEqualTo("/unmixer/ok");
        return m.args().subList(1, m.size());
    }

    /** A request that must fail; returns {code, message}. */
    List<String> fails(String address, Object... args) throws InterruptedException {
        OscMessage m = request(address, args);
        assertThat(m.address()).as("%s should fail, answered %s", address, m).isEqualTo("/unmixer/error");
        return List.of(m.stringArg(1), m.stringArg(2));
    }

    @Override
    public void close() {
        sim.close();
        live.close();
        device.close();
    }
}
