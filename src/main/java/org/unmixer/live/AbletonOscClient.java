package org.unmixer.live;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.unmixer.live.osc.OscCodec;
import org.unmixer.live.osc.OscEndpoint;
import org.unmixer.live.osc.OscMessage;

/**
 * A client of AbletonOSC (reference §1): queries go to UDP {@code serverPort}; AbletonOSC answers
 * on the same address with the object indices echoed first, at port {@code replyPort} of the
 * sender's host. It has no request ids, so a reply is matched by its address and echoed indices;
 * several queries can be in flight at once (that is how a rebuild stays within a few of Live's
 * 100 ms ticks), and two queries with the same address and indices are answered in order.
 *
 * <p>Setters get no reply: send them in bundles and read the values back. Every {@code /live/error}
 * is kept; a query that times out reports the errors that arrived while it waited.
 */
public final class AbletonOscClient implements AutoCloseable {
    public static final int DEFAULT_SERVER_PORT = 11000;
    public static final int DEFAULT_REPLY_PORT = 11001;
    /** Bundles stay below macOS' default UDP datagram ceiling (~9 216 bytes). */
    static final int MAX_BUNDLE_BYTES = 8000;

    private final OscEndpoint endpoint;
    private final int serverPort;
    private final long timeoutMillis;
    private final Map<String, Deque<CompletableFuture<OscMessage>>> pending = new HashMap<>();
    private final Deque<String> errors = new ConcurrentLinkedDeque<>();
    private final Consumer<String> log;

    private AbletonOscClient(int serverPort, int replyPort, long timeoutMillis, Consumer<String> log) {
        this.serverPort = serverPort;
        this.timeoutMillis = timeoutMillis;
        this.log = log;
        this.endpoint = OscEndpoint.open(replyPort, "abletonosc-replies", (m, from) -> received(m), log);
    }

    /**
     * Listens on {@code replyPort} (0 = any free port, for tests whose server replies there).
     *
     * @param timeoutMillis how long a query waits; Live answers on a ~100 ms tick, so ≥ 500 ms
     */
    public static AbletonOscClient open(int serverPort, int replyPort, long timeoutMillis, Consumer<String> log) {
        return new AbletonOscClient(serverPort, replyPort, timeoutMillis, log);
    }

    public int replyPort() {
        return endpoint.port();
    }

    public int serverPort() {
        return serverPort;
    }

    /** Malformed datagrams that reached our reply port. */
    public long malformedCount() {
        return endpoint.malformedCount();
    }

    /** Every {@code /live/error} received so far, oldest first; {@link #drainErrors()} empties it. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<String> drainErrors() {
        List<String> out = new ArrayList<>();
        for (String e; (e = errors.pollFirst()) != null; ) {
            out.add(e);
        }
        return out;
    }

    /** {@code /live/test}: true when AbletonOSC answers "ok" in time. */
    public boolean ping() {
        try {
            return query(OscMessage.of("/live/test")).stringArg(0).equals("ok");
        } catch (LiveConnectionException e) {
            return false;
        }
    }

    /** Sends a query and waits for its reply. */
    public OscMessage query(OscMessage request) {
        return queryAll(List.of(request)).get(0);
    }

    /**
     * Sends all queries (bundled, so they land in the same tick) and waits for every reply.
     * Replies are returned in request order.
     *
     * @throws LiveConnectionException naming the first query that got no reply, with the
     *     {@code /live/error} text that came meanwhile
     */
    public List<OscMessage> queryAll(List<OscMessage> requests) {
        List<CompletableFuture<OscMessage>> futures = new ArrayList<>();
        for (OscMessage r : requests) {
            futures.add(expect(r));
        }
        int errorsBefore = errors.size();
        sendBundled(requests);
        List<OscMessage> replies = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int i = 0; i < futures.size(); i++) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                replies.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                futures.forEach(f -> f.cancel(false));
                forget(requests);
                throw new LiveConnectionException(noAnswer(requests.get(i), errorsBefore));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                forget(requests);
                throw new LiveConnectionException("interrupted while waiting for " + requests.get(i).address());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return replies;
    }

    /**
     * Like {@link #queryAll} but never throws for a missing reply: each query that got no answer
     * before the shared deadline comes back empty (Live answers an impossible query with a
     * {@code /live/error} instead, see {@link #drainErrors()}).
     */
    public List<java.util.Optional<OscMessage>> queryEach(List<OscMessage> requests) {
        List<CompletableFuture<OscMessage>> futures = new ArrayList<>();
        for (OscMessage r : requests) {
            futures.add(expect(r));
        }
        sendBundled(requests);
        List<java.util.Optional<OscMessage>> replies = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (CompletableFuture<OscMessage> f : futures) {
            try {
                replies.add(java.util.Optional.of(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)));
            } catch (TimeoutException e) {
                f.cancel(false);
                replies.add(java.util.Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LiveConnectionException("interrupted while waiting for Live");
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                replies.add(java.util.Optional.empty());
            }
        }
        forget(requests);
        return replies;
    }

    // ---- typed requests (reference §1.3) ------------------------------------------------------

    /** Live's version as AbletonOSC reports it (major, minor). */
    public LiveVersion version() {
        OscMessage m = query(OscMessage.of("/live/application/get/version"));
        return new LiveVersion(m.intArg(0), m.size() > 1 ? m.intArg(1) : 0, 0);
    }

    /** The set's track names, in order. */
    public List<String> trackNames() {
        return strings(query(OscMessage.of("/live/song/get/track_names")), 0);
    }

    /** Appends a MIDI track (AbletonOSC answers nothing; read {@link #trackNames()} to see it). */
    public void createMidiTrack() {
        send(OscMessage.of("/live/song/create_midi_track", -1));
    }

    public void setTrackName(int track, String name) {
        send(OscMessage.of("/live/track/set/name", track, name));
    }

    /** The devices on a track: name, class name and LOM type (1 instrument, 2 audio effect, 4 MIDI effect). */
    public record DeviceInfo(String name, String className, int type) {
    }

    public List<DeviceInfo> devices(int track) {
        List<OscMessage> r = queryAll(List.of(OscMessage.of("/live/track/get/devices/name", track),
                OscMessage.of("/live/track/get/devices/class_name", track), OscMessage.of("/live/track/get/devices/type", track)));
        List<DeviceInfo> out = new ArrayList<>();
        for (int i = 1; i < r.get(0).size() && i < r.get(1).size() && i < r.get(2).size(); i++) {
            out.add(new DeviceInfo(r.get(0).stringArg(i), r.get(1).stringArg(i), r.get(2).intArg(i)));
        }
        return out;
    }

    /** A device's parameters: name, value, range and whether stepped, in Live's order. */
    public List<LiveParameter> parameters(int track, int device) {
        List<OscMessage> r = queryAll(List.of("name", "value", "min", "max", "is_quantized").stream()
                .map(list -> OscMessage.of("/live/device/get/parameters/" + list, track, device)).toList());
        List<LiveParameter> out = new ArrayList<>();
        for (int p = 2; p < r.get(0).size() && p < r.get(4).size(); p++) {
            out.add(new LiveParameter(p - 2, r.get(0).stringArg(p), r.get(2).doubleArg(p), r.get(3).doubleArg(p),
                    r.get(4).doubleArg(p) != 0, r.get(1).doubleArg(p)));
        }
        return out;
    }

    /** Sets one parameter by index (AbletonOSC's only way); no reply, read it back. */
    public void setParameter(int track, int device, int parameter, double value) {
        send(OscMessage.of("/live/device/set/parameter/value", track, device, parameter, (float) value));
    }

    /** Sets a device's parameters from index 0 on, in one message (AbletonOSC's bulk set). */
    public void setParameters(int track, int device, double[] values) {
        Object[] args = new Object[values.length + 2];
        args[0] = track;
        args[1] = device;
        for (int i = 0; i < values.length; i++) {
            args[i + 2] = (float) values[i];
        }
        send(OscMessage.of("/live/device/set/parameters/value", args));
    }

    /** Creates a clip of {@code beats} in a clip slot and writes notes into it (pitch, start and length in beats, velocity). */
    public void writeClip(int track, int slot, double beats, List<double[]> notes) {
        List<OscMessage> messages = new ArrayList<>();
        messages.add(OscMessage.of("/live/clip_slot/create_clip", track, slot, (float) beats));
        for (double[] n : notes) {
            messages.add(OscMessage.of("/live/clip/add/notes", track, slot, (int) n[0], (float) n[1], (float) n[2], (int) n[3], 0));
        }
        sendAll(messages);
    }

    public void fireClip(int track, int slot) {
        send(OscMessage.of("/live/clip/fire", track, slot));
    }

    public void stopClip(int track, int slot) {
        send(OscMessage.of("/live/clip/stop", track, slot));
    }

    private static List<String> strings(OscMessage m, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < m.size(); i++) {
            out.add(m.stringArg(i));
        }
        return out;
    }

    /** Sends messages that expect no reply (setters), in as few datagrams as fit. */
    public void sendAll(List<OscMessage> messages) {
        sendBundled(messages);
    }

    public void send(OscMessage message) {
        endpoint.send(message, serverPort);
    }

    private void sendBundled(List<OscMessage> messages) {
        if (messages.size() == 1) {
            endpoint.send(messages.get(0), serverPort);
            return;
        }
        List<OscMessage> chunk = new ArrayList<>();
        int bytes = 16;
        for (OscMessage m : messages) {
            int size = OscCodec.encode(m).length + 4;
            if (!chunk.isEmpty() && bytes + size > MAX_BUNDLE_BYTES) {
                endpoint.sendBundle(chunk, serverPort);
                chunk = new ArrayList<>();
                bytes = 16;
            }
            chunk.add(m);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            endpoint.sendBundle(chunk, serverPort);
        }
    }

    private String noAnswer(OscMessage request, int errorsBefore) {
        List<String> all = List.copyOf(errors);
        List<String> recent = all.subList(Math.min(errorsBefore, all.size()), all.size());
        if (!recent.isEmpty()) {
            return "Live refused " + request + ": " + recent.get(recent.size() - 1);
        }
        return String.format(Locale.ROOT, "no answer from AbletonOSC to %s within %d ms on UDP 127.0.0.1:%d"
                + " (is Live running with AbletonOSC chosen as a Control Surface in Preferences > Link, Tempo & MIDI?)",
                request.address(), timeoutMillis, serverPort);
    }

    /** The correlation key: the address and the leading integer arguments (the object indices). */
    static String key(OscMessage m) {
        StringBuilder b = new StringBuilder(m.address());
        for (Object a : m.args()) {
            if (a instanceof Integer || a instanceof Long) {
                b.append(' ').append(((Number) a).longValue());
            } else if (a instanceof Float || a instanceof Double) {
                double d = ((Number) a).doubleValue();
                if (d != Math.rint(d)) {
                    break;
                }
                b.append(' ').append((long) d); // AbletonOSC casts indices with int()
            } else {
                break;
            }
        }
        return b.toString();
    }

    private synchronized CompletableFuture<OscMessage> expect(OscMessage request) {
        CompletableFuture<OscMessage> f = new CompletableFuture<>();
        pending.computeIfAbsent(key(request), k -> new java.util.ArrayDeque<>()).addLast(f);
        return f;
    }

    private synchronized void forget(List<OscMessage> requests) {
        for (OscMessage r : requests) {
            Deque<CompletableFuture<OscMessage>> q = pending.get(key(r));
            if (q != null) {
                q.removeIf(CompletableFuture::isDone);
                if (q.isEmpty()) {
                    pending.remove(key(r));
                }
            }
        }
    }

    private void received(OscMessage m) {
        if (m.address().equals("/live/error")) {
            String text = m.args().isEmpty() ? "(no message)" : m.stringArg(0);
            errors.addLast(text);
            log.accept("Live reported an error: " + text);
            return;
        }
        CompletableFuture<OscMessage> f = takeMatching(m);
        if (f != null) {
            f.complete(m);
        }
    }

    /** The oldest waiting query whose key is a prefix of the reply's (reply = indices + values). */
    private synchronized CompletableFuture<OscMessage> takeMatching(OscMessage reply) {
        String replyKey = key(reply);
        String best = null;
        for (String k : pending.keySet()) {
            if ((replyKey.equals(k) || replyKey.startsWith(k + " ")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        if (best == null) {
            return null;
        }
        Deque<CompletableFuture<OscMessage>> q = pending.get(best);
        CompletableFuture<OscMessage> f;
        while ((f = q.pollFirst()) != null && f.isDone()) {
            // skip cancelled ones
        }
        if (q.isEmpty()) {
            pending.remove(best);
        }
        return f;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
