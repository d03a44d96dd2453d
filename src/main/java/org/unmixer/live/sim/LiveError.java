package org.unmixer.live.sim;

/**
 * What the simulated Live API throws. AbletonOSC reports it as
 * {@code /live/error "Error handling OSC message: <message>"}; the Max device maps the kind to a
 * protocol error code.
 */
final class LiveError extends RuntimeException {
    /** Live's text for a bad index into tracks, devices, parameters or clip slots. */
    static final String INDEX_OUT_OF_RANGE = "Index out of range";
    /** Live's text for a parameter value outside {@code [min, max]} (AbletonOSC issue #184). */
    static final String INVALID_VALUE = "Invalid value. Check the parameters range with min/max";

    enum Kind { INDEX, VALUE, ARGUMENT, OTHER }

    private final Kind kind;

    LiveError(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    static LiveError index() {
        return new LiveError(Kind.INDEX, INDEX_OUT_OF_RANGE);
    }

    static LiveError invalidValue() {
        return new LiveError(Kind.VALUE, INVALID_VALUE);
    }

    static LiveError argument(String message) {
        return new LiveError(Kind.ARGUMENT, message);
    }

    static LiveError other(String message) {
        return new LiveError(Kind.OTHER, message);
    }

    Kind kind() {
        return kind;
    }
}
