package org.unmixer.preset;

/** An {@code .amxd} file or patcher that cannot be read or packed; the message is one line for the user. */
public class MalformedAmxdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedAmxdException(String message) {
        super(message);
    }

    public MalformedAmxdException(String message, Throwable cause) {
        super(message, cause);
    }
}
