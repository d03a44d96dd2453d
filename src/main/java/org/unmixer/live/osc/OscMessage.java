package org.unmixer.live.osc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One OSC message: an address and its arguments, immutable. Arguments are {@link Integer},
 * {@link Float}, {@link Double}, {@link Long}, {@link String}, {@link Boolean} or {@code null} (nil),
 * the types AbletonOSC's python-osc and Max's {@code udpreceive} exchange.
 */
public record OscMessage(String address, List<Object> args) {
    public OscMessage {
        if (address == null || !address.startsWith("/")) {
            throw new IllegalArgumentException("OSC address must start with '/': " + address);
        }
        for (Object a : args) {
            if (!(a == null || a instanceof Integer || a instanceof Float || a instanceof Double || a instanceof Long
                    || a instanceof String || a instanceof Boolean)) {
                throw new IllegalArgumentException("unsupported OSC argument type " + a.getClass().getSimpleName());
            }
        }
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static OscMessage of(String address, Object... args) {
        return new OscMessage(address, java.util.Arrays.asList(args));
    }

    public int size() {
        return args.size();
    }

    /** Argument {@code i} as an int (AbletonOSC may send indices as floats). */
    public int intArg(int i) {
        Object a = arg(i);
        if (a instanceof Number n) {
            return n.intValue();
        }
        throw new MalformedReplyException(address + ": argument " + i + " is not a number: " + a);
    }

    /** Argument {@code i} as a double. */
    public double doubleArg(int i) {
        Object a = arg(i);
        if (a instanceof Number n) {
            return n.doubleValue();
        }
        if (a instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new MalformedReplyException(address + ": argument " + i + " is not a number: " + a);
    }

    /** Argument {@code i} as text (numbers are formatted). */
    public String stringArg(int i) {
        Object a = arg(i);
        return a == null ? "" : a.toString();
    }

    private Object arg(int i) {
        if (i < 0 || i >= args.size()) {
            throw new MalformedReplyException(address + ": expected at least " + (i + 1) + " arguments, got " + args.size());
        }
        return args.get(i);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(address);
        for (Object a : args) {
            b.append(' ').append(a instanceof String s ? '"' + s + '"' : a instanceof Float f
                    ? String.format(Locale.ROOT, "%.6g", f) : String.valueOf(a));
        }
        return b.toString();
    }
}
