package org.unmixer.live.osc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A UDP socket bound to the loopback address that sends OSC messages and hands every received
 * message to a listener on its own daemon thread. Malformed datagrams are counted and reported in
 * one line each, never thrown: whatever arrives at the port cannot stop the receiver.
 */
public final class OscEndpoint implements AutoCloseable {
    /** Receives a decoded message and the address it came from. Runs on the receiver thread. */
    @FunctionalInterface
    public interface Listener {
        void received(OscMessage message, InetSocketAddress from);
    }

    /**
     * Receives every message of one datagram at once (a bundle's messages in order, nested bundles
     * flattened). Runs on the receiver thread. The Live set simulator uses it so that a bundle is
     * queued whole and processed in one tick, as AbletonOSC drains a datagram in one go.
     */
    @FunctionalInterface
    public interface PacketListener {
        void received(List<OscMessage> messages, InetSocketAddress from);
    }

    private final DatagramSocket socket;
    private final Thread receiver;
    private final PacketListener listener;
    private final Consumer<String> problems;
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean closed;

    private OscEndpoint(DatagramSocket socket, String name, PacketListener listener, Consumer<String> problems) {
        this.socket = socket;
        this.listener = listener;
        this.problems = problems;
        this.receiver = new Thread(this::receiveLoop, name);
        receiver.setDaemon(true);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = any free port) and starts receiving.
     *
     * @param problems where one-line reports of malformed packets and listener failures go
     * @throws PortInUseException when the port is taken
     */
    public static OscEndpoint open(int port, String name, Listener listener, Consumer<String> problems) {
        return openForPackets(port, name, (messages, from) -> {
            for (OscMessage m : messages) {
                try {
                    listener.received(m, from);
                } catch (RuntimeException e) {
                    problems.accept("could not handle " + m.address() + ": " + e.getMessage());
                }
            }
        }, problems);
    }

    /**
     * As {@link #open}, but the listener gets each datagram's messages together. A listener failure
     * is reported once for the datagram.
     *
     * @throws PortInUseException when the port is taken
     */
    public static OscEndpoint openForPackets(int port, String name, PacketListener listener, Consumer<String> problems) {
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (SocketException e) {
            throw new PortInUseException("cannot listen on UDP 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another Un-Mixer or Live set simulator running?");
        }
        OscEndpoint endpoint = new OscEndpoint(socket, name, listener, problems);
        endpoint.receiver.start();
        return endpoint;
    }

    /**
     * A UDP port on the loopback address that nobody listens on right now (for a simulator's reply
     * ports, and for tests). Another program may take it before the caller binds it; callers that
     * cannot tolerate that bind port 0 instead.
     */
    public static int freeLoopbackPort() {
        try (OscEndpoint e = open(0, "port-probe", (m, f) -> { }, s -> { })) {
            return e.port();
        }
    }

    /** The local port (useful when opened on port 0). */
    public int port() {
        return socket.getLocalPort();
    }

    /** Datagrams received that were not OSC. */
    public long malformedCount() {
        return malformed.get();
    }

    /** Sends one message to 127.0.0.1:{@code port}. */
    public void send(OscMessage message, int port) {
        send(OscCodec.encode(message), loopback(port));
    }

    /** Sends one message to an address. */
    public void send(OscMessage message, InetSocketAddress target) {
        send(OscCodec.encode(message), target);
    }

    /** Sends messages as one bundle (one datagram) to 127.0.0.1:{@code port}. */
    public void sendBundle(List<OscMessage> messages, int port) {
        send(OscCodec.encodeBundle(messages), loopback(port));
    }

    /** Sends raw bytes (tests use it to send garbage). */
    public void sendRaw(byte[] bytes, int port) {
        send(bytes, loopback(port));
    }

    private void send(byte[] bytes, InetSocketAddress target) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, target));
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException("cannot send to " + target + ": " + e.getMessage(), e);
            }
        }
    }

    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private void receiveLoop() {
        byte[] buffer = new byte[OscCodec.MAX_PACKET];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    problems.accept("receive failed on port " + port() + ": " + e.getMessage());
                }
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            List<OscMessage> messages;
            try {
                messages = OscCodec.decode(packet.getData(), packet.getLength());
            } catch (MalformedPacketException e) {
                malformed.incrementAndGet();
                problems.accept("ignored a malformed packet from " + from + ": " + e.getMessage());
                continue;
            }
            try {
                listener.received(messages, from);
            } catch (RuntimeException e) {
                problems.accept("could not handle a datagram of " + messages.size() + " message(s): " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
