package org.unmixer.live.sim;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.live.osc.OscMessage;

/** Encodes a bundle of bundles (the codec only makes flat ones) for the nesting test. */
final class NestedBundles {
    private NestedBundles() {
    }

    static byte[] encode(List<OscMessage> first, List<OscMessage> second) throws Exception {
        List<OSCPacket> outer = new ArrayList<>();
        outer.add(bundle(first));
        outer.add(new OSCBundle(List.of(bundle(second))));
        ByteBuffer buffer = ByteBuffer.allocate(65_507);
        BufferBytesReceiver receiver = new BufferBytesReceiver(buffer);
        new OSCSerializerAndParserBuilder().buildSerializer(receiver).write(new OSCBundle(outer));
        return receiver.toByteArray();
    }

    private static OSCBundle bundle(List<OscMessage> messages) {
        List<OSCPacket> packets = new ArrayList<>();
        messages.forEach(m -> packets.add(new OSCMessage(m.address(), m.args())));
        return new OSCBundle(packets);
    }
}
