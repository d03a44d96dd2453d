package org.unmixer.live.osc;

/** A well-formed OSC message whose arguments are not what its address promises. */
public final class MalformedReplyException extends RuntimeException {
    public MalformedReplyException(String message) {
        super(message);
    }
}
