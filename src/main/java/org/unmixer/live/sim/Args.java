package org.unmixer.live.sim;

import org.unmixer.live.osc.OscMessage;

/**
 * A request's arguments read the way AbletonOSC reads them: indices through Python's {@code int()}
 * (so floats such as TouchOSC's {@code 1.0} are fine), values passed on as numbers, names as
 * strings. A missing or ill-typed argument is a {@link LiveError} of kind ARGUMENT.
 */
final class Args {
    private final OscMessage message;
    private final int offset;

    Args(OscMessage message, int offset) {
        this.message = message;
        this.offset = offset;
    }

    int size() {
        return Math.max(0, message.size() - offset);
    }

    private Object raw(int i) {
        if (i < 0 || offset + i >= message.size()) {
            throw LiveError.argument(message.address() + " expects at least " + (i + 1) + " argument(s) after the "
                    + (offset == 0 ? "address" : "request id") + ", got " + size());
        }
        return message.args().get(offset + i);
    }

    /** Argument {@code i} as {@code int()} sees it: numbers truncate toward zero, booleans are 0/1, integral text parses. */
    int index(int i) {
        Object a = raw(i);
        if (a instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (a instanceof Number n) {
            double v = n.doubleValue();
            if (!Double.isFinite(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw LiveError.argument("cannot convert " + a + " to an index");
            }
            return (int) v;
        }
        if (a instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw LiveError.argument("invalid literal for int() with base 10: '" + s + "'");
            }
        }
        throw LiveError.argument("argument " + (i + 1) + " must be a number, got nil");
    }

    /** Argument {@code i} as a number (a boolean is 0/1, as in Python). */
    double number(int i) {
        Object a = raw(i);
        if (a instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (a instanceof Number n) {
            return n.doubleValue();
        }
        throw LiveError.argument("argument " + (i + 1) + " must be a number, got " + describe(a));
    }

    /** Argument {@code i} as text; numbers are not accepted (Live's name setters raise on them). */
    String text(int i) {
        Object a = raw(i);
        if (a instanceof String s) {
            return s;
        }
        throw LiveError.argument("argument " + (i + 1) + " must be a string, got " + describe(a));
    }

    /** Argument {@code i} as a truth value: a boolean or a number (non-zero is true). */
    boolean flag(int i) {
        Object a = raw(i);
        if (a instanceof Boolean b) {
            return b;
        }
        if (a instanceof Number n) {
            return n.doubleValue() != 0;
        }
        throw LiveError.argument("argument " + (i + 1) + " must be a boolean, got " + describe(a));
    }

    private static String describe(Object a) {
        return a == null ? "nil" : a instanceof String s ? "\"" + s + "\"" : a.toString();
    }
}
