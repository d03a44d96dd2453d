package org.unmixer.live;

/**
 * The Un-Mixer device answered a request with {@code /unmixer/error id code "message"}
 * (max-device/PROTOCOL.md). The code says what kind of failure it was; the message is one line for
 * the user.
 */
public final class DeviceRequestException extends RuntimeException {
    private final String code;

    public DeviceRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** {@code bad-request}, {@code no-such-device}, {@code no-such-parameter}, {@code out-of-range}, … */
    public String code() {
        return code;
    }
}
