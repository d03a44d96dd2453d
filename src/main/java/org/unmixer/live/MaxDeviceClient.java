package org.unmixer.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.osc.OscMessage;

/**
 * The app's side of the Un-Mixer Max for Live device (max-device/PROTOCOL.md): requests carry an
 * id, replies ({@code /unmixer/ok} or {@code /unmixer/error}) are matched by it, so any number can
 * be in flight. Recording completes later with a pushed {@code /unmixer/recorded}.
 */
public final class MaxDeviceClient implements AutoCloseable {
    public static final int DEFAULT_DEVICE_PORT = 11020;
    public static final int DEFAULT_REPLY_PORT = 11021;
    public static final String PROTOCOL = "unmixer-device/1";

    /**
     * What {@code /unmixer/hello} tells: the device's protocol, Live's version (and its text, which
     * says "(simulator)" when {@code ./unmixer fake-live} answers), where the device sits.
     */
    public record Hello(String protocol, LiveVersion liveVersion, String liveVersionText, int trackIndex, int deviceIndex) {
        public boolean simulator() {
            return liveVersionText.contains("simulator");
        }
    }

    private final OscEndpoint endpoint;
    private final int devicePort;
    private final long timeoutMillis;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<OscMessage>> replies = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<String>> recordings = new ConcurrentHashMap<>();
    private final Consumer<String> log;

    private MaxDeviceClient(int devicePort, int replyPort, long timeoutMillis, Consumer<String> log) {
        this.devicePort = devicePort;
        this.timeoutMillis = timeoutMillis;
        this.log = log;
        this.endpoint = OscEndpoint.open(replyPort, "unmixer-device-replies", (m, from) -> received(m), log);
    }

    public static MaxDeviceClient open(int devicePort, int replyPort, long timeoutMillis, Consumer<String> log) {
        return new MaxDeviceClient(devicePort, replyPort, timeoutMillis, log);
    }

    public int replyPort() {
        return endpoint.port();
    }

    public long malformedCount() {
        return endpoint.malformedCount();
    }

    /** The handshake; empty when no device answers in time. */
    public java.util.Optional<Hello> hello() {
        try {
            OscMessage ok = request("/unmixer/hello");
            return java.util.Optional.of(new Hello(ok.stringArg(1), LiveVersion.parse(ok.stringArg(2)), ok.stringArg(2),
                    ok.intArg(3), ok.intArg(4)));
        } catch (LiveConnectionException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Sends a request and waits for its {@code ok}; the returned message's argument 0 is the id,
     * the values follow.
     *
     * @throws DeviceRequestException when the device answers with an error
     * @throws LiveConnectionException when it does not answer in time
     */
    public OscMessage request(String address, Object... args) {
        return requestAll(List.of(new Request(address, args))).get(0);
    }

    /** One request of a batch. */
    public record Request(String address, Object... args) {
    }

    /**
     * Sends all requests at once (the device handles them in order) and waits for all replies; the
     * first error is thrown after every reply has arrived, so the device is never left mid-batch.
     */
    public List<OscMessage> requestAll(List<Request> requests) {
        List<Reply> replies = requestEach(requests);
        for (Reply r : replies) {
            if (r.error() != null) {
                throw r.error();
            }
        }
        return replies.stream().map(Reply::ok).toList();
    }

    /** A request's outcome: its {@code ok} message, or the device's error. */
    public record Reply(OscMessage ok, DeviceRequestException error) {
    }

    /**
     * Sends all requests at once (one tick of Live's for the lot) and returns each one's outcome.
     *
     * @throws LiveConnectionException when the device does not answer them all in time
     */
    public List<Reply> requestEach(List<Request> requests) {
        List<Integer> ids = new ArrayList<>();
        List<OscMessage> messages = new ArrayList<>();
        for (Request r : requests) {
            int id = nextId.getAndIncrement();
            ids.add(id);
            replies.put(id, new CompletableFuture<>());
            Object[] all = new Object[r.args().length + 1];
            all[0] = id;
            System.arraycopy(r.args(), 0, all, 1, r.args().length);
            messages.add(OscMessage.of(r.address(), all));
        }
        for (OscMessage m : messages) {
            endpoint.send(m, devicePort);
        }
        List<Reply> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis * Math.max(1, requests.size() / 50 + 1));
        try {
            for (int i = 0; i < ids.size(); i++) {
                OscMessage reply = await(replies.get(ids.get(i)), deadline, messages.get(i));
                out.add(reply.address().equals("/unmixer/error")
                        ? new Reply(null, new DeviceRequestException(reply.stringArg(1), reply.size() > 2 ? reply.stringArg(2) : ""))
                        : new Reply(reply, null));
            }
        } finally {
            ids.forEach(replies::remove);
        }
        return out;
    }

    /** Loads the original sound into the device's player; returns its length in ms. */
    public double loadOriginal(java.nio.file.Path wav) {
        return request("/unmixer/load", wav.toAbsolutePath().toString()).doubleArg(1);
    }

    /** Routes the track's output: {@code true} = the original (A), {@code false} = the rebuild (B). */
    public void listenToOriginal(boolean original) {
        request("/unmixer/ab", original ? 1 : 0);
    }

    /** Starts (looped, from the start) or stops the original's playback. */
    public void playOriginal(boolean play) {
        request(play ? "/unmixer/play" : "/unmixer/stop");
    }

    /** Starts a recording of the device's track; the future completes with the written path. */
    public CompletableFuture<String> record(String path, double seconds) {
        CompletableFuture<String> done = new CompletableFuture<>();
        int id = nextId.get();
        recordings.put(id, done);
        try {
            OscMessage ok = request("/unmixer/record", path, (float) seconds);
            if (ok.intArg(0) != id) {
                recordings.remove(id);
                recordings.put(ok.intArg(0), done);
            }
        } catch (RuntimeException e) {
            recordings.remove(id);
            throw e;
        }
        return done;
    }

    private OscMessage await(CompletableFuture<OscMessage> f, long deadline, OscMessage request) {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new LiveConnectionException(String.format(Locale.ROOT,
                    "no answer from the Un-Mixer device to %s within %d ms on UDP 127.0.0.1:%d"
                            + " (is 'Un-Mixer Link' on a track in the open Live set?)",
                    request.address(), timeoutMillis, devicePort));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveConnectionException("interrupted while waiting for " + request.address());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void received(OscMessage m) {
        switch (m.address()) {
            case "/unmixer/ok", "/unmixer/error" -> {
                int id = m.intArg(0);
                CompletableFuture<OscMessage> f = replies.get(id);
                if (f != null) {
                    f.complete(m);
                } else if (m.address().equals("/unmixer/error")) {
                    log.accept("Un-Mixer device: " + m.stringArg(1) + ": " + (m.size() > 2 ? m.stringArg(2) : ""));
                }
            }
            case "/unmixer/recorded" -> {
                CompletableFuture<String> f = recordings.remove(m.intArg(0));
                if (f != null) {
                    f.complete(m.stringArg(1));
                }
            }
            case "/unmixer/ready" -> log.accept("Un-Mixer device ready: " + m);
            default -> log.accept("ignored " + m.address() + " from the Un-Mixer device");
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
