package org.unmixer.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Suggest;

/** Reading configuration JSON strictly: unknown fields refused with a suggestion, types checked, one-line errors. */
final class StrictJson {
    private StrictJson() {
    }

    static void object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new BadInputException(where + " must be a JSON object");
        }
    }

    static void onlyFields(JsonNode node, String where, List<String> allowed) {
        object(node, where);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new BadInputException(where + ": unknown field \"" + f + "\"" + Suggest.didYouMean(f, allowed));
            }
        }
    }

    static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    static double number(JsonNode parent, String field, String where, double fallback) {
        JsonNode n = parent.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new BadInputException(path(where, field) + " must be a number, got " + n);
        }
        return n.asDouble();
    }

    static long integer(JsonNode parent, String field, String where, long fallback) {
        JsonNode n = parent.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new BadInputException(path(where, field) + " must be a whole number, got " + n);
        }
        return n.asLong();
    }

    static int intIn(JsonNode parent, String field, String where, int fallback, int min, int max) {
        long v = integer(parent, field, where, fallback);
        if (v < min || v > max) {
            throw new BadInputException(path(where, field) + " " + v + " is out of range " + min + ".." + max);
        }
        return (int) v;
    }

    static double numberIn(JsonNode parent, String field, String where, double fallback, double min, double max) {
        double v = number(parent, field, where, fallback);
        if (!(v >= min && v <= max)) {
            throw new BadInputException(path(where, field) + " " + v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    static String text(JsonNode parent, String field, String where, String fallback) {
        JsonNode n = parent.get(field);
        if (n == null) {
            if (fallback == null) {
                throw new BadInputException(path(where, field) + " is missing");
            }
            return fallback;
        }
        if (!n.isTextual()) {
            throw new BadInputException(path(where, field) + " must be a string, got " + n);
        }
        return n.asText();
    }

    static boolean bool(JsonNode parent, String field, String where, boolean fallback) {
        JsonNode n = parent.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new BadInputException(path(where, field) + " must be true or false, got " + n);
        }
        return n.asBoolean();
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
