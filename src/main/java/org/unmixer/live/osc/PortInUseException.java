package org.unmixer.live.osc;

/** A UDP port we must listen on is taken; the message says which and what to check. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(String message) {
        super(message);
    }
}
