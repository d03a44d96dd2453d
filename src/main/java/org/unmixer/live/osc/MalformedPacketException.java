package org.unmixer.live.osc;

/** A datagram that is not a valid OSC packet; the message is one line, fit for a log. */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message);
    }
}
