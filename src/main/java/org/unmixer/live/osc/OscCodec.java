package org.unmixer.live.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.argument.OSCSymbol;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * OSC 1.0 encoding and decoding through JavaOSC's serializer and parser, kept apart from any
 * socket (JavaOSC's own split of codec and transport). Bundles are flattened into their messages,
 * as AbletonOSC processes them.
 */
public final class OscCodec {
    /** The largest datagram we send or accept; macOS' default UDP ceiling is about 9 216 bytes. */
    public static final int MAX_PACKET = 65_507;

    private static final OSCSerializerAndParserBuilder BUILDER = new OSCSerializerAndParserBuilder();

    private OscCodec() {
    }

    /** Encodes one message. */
    public static byte[] encode(OscMessage message) {
        return serialize(toJavaOsc(message));
    }

    /** Encodes several messages as one immediate bundle (one datagram). */
    public static byte[] encodeBundle(List<OscMessage> messages) {
        List<OSCPacket> packets = new ArrayList<>();
        messages.forEach(m -> packets.add(toJavaOsc(m)));
        return serialize(new OSCBundle(packets));
    }

    /**
     * Decodes a datagram into its messages.
     *
     * @throws MalformedPacketException with a one-line reason when the bytes are not OSC
     */
    public static List<OscMessage> decode(byte[] data, int length) {
        if (length <= 0) {
            throw new MalformedPacketException("empty datagram");
        }
        if (length % 4 != 0) {
            throw new MalformedPacketException("datagram of " + length + " bytes is not a multiple of 4");
        }
        OSCParser parser = BUILDER.buildParser();
        OSCPacket packet;
        try {
            packet = parser.convert(ByteBuffer.wrap(data, 0, length).slice());
        } catch (OSCParseException | RuntimeException e) {
            // JavaOSC throws unchecked exceptions (buffer underflow, bad type tags) on some garbage.
            throw new MalformedPacketException("not an OSC packet (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
        }
        List<OscMessage> out = new ArrayList<>();
        flatten(packet, out, 0);
        return out;
    }

    private static void flatten(OSCPacket packet, List<OscMessage> out, int depth) {
        if (depth > 8) {
            throw new MalformedPacketException("bundles nested deeper than 8");
        }
        if (packet instanceof OSCBundle bundle) {
            for (OSCPacket p : bundle.getPackets()) {
                flatten(p, out, depth + 1);
            }
        } else if (packet instanceof OSCMessage m) {
            List<Object> args = new ArrayList<>();
            for (Object a : m.getArguments()) {
                args.add(fromJavaOsc(a));
            }
            try {
                out.add(new OscMessage(m.getAddress(), args));
            } catch (IllegalArgumentException e) {
                throw new MalformedPacketException(e.getMessage());
            }
        }
    }

    private static Object fromJavaOsc(Object a) {
        if (a == null || a instanceof Integer || a instanceof Float || a instanceof Double || a instanceof Long
                || a instanceof String || a instanceof Boolean) {
            return a;
        }
        if (a instanceof OSCSymbol s) {
            return s.toString();
        }
        if (a instanceof Character c) {
            return String.valueOf(c);
        }
        throw new MalformedPacketException("unsupported OSC argument type " + a.getClass().getSimpleName());
    }

    private static OSCMessage toJavaOsc(OscMessage m) {
        return new OSCMessage(m.address(), m.args());
    }

    private static byte[] serialize(OSCPacket packet) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET);
        BufferBytesReceiver receiver = new BufferBytesReceiver(buffer);
        OSCSerializer serializer = BUILDER.buildSerializer(receiver);
        try {
            serializer.write(packet);
        } catch (OSCSerializeException | java.nio.BufferOverflowException e) {
            throw new IllegalArgumentException("cannot encode OSC packet: " + e, e);
        }
        return receiver.toByteArray();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
