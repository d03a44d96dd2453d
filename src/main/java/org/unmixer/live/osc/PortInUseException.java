package org.unmixer.live.osc;

/**
 * A UDP port we must listen on is taken; the message says which and what to check. A bad input
 * (exit code 2): the fix is in the user's setup.
 */
public final class PortInUseException extends org.unmixer.params.BadInputException {
    public PortInUseException(String message) {
        super(message);
    }
}
