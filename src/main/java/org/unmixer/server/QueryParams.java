package org.unmixer.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's query parameters, read strictly: an unknown name (a misspelt {@code itfsteps}) or a
 * repeated one is a 400 naming it, never silently ignored, and every value is parsed with a
 * one-line message naming the parameter. Pure: built from the raw query string.
 */
final class QueryParams {
    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    static QueryParams parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParams(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.putIfAbsent(name, value) != null) {
                throw HttpProblem.badRequest("query parameter \"" + name + "\" is given twice");
            }
        }
        return new QueryParams(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("malformed query string (" + e.getMessage() + ")");
        }
    }

    /** 400 when a parameter is not one of {@code known}. */
    QueryParams allowOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                String list = known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
                throw HttpProblem.badRequest("unknown query parameter \"" + name + "\" (known: " + list + ")");
            }
        }
        return this;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** An integer within [min, max], or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(name + " \"" + value + "\" is not an integer");
        }
        if (parsed < min || parsed > max) {
            throw HttpProblem.badRequest(name + " " + parsed + " must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** A finite number in (min, max], when given. */
    Optional<Double> number(String name, double exclusiveMin, double max) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(name + " \"" + value + "\" is not a number");
        }
        if (!(parsed > exclusiveMin && parsed <= max)) {
            throw HttpProblem.badRequest(String.format(Locale.ROOT, "%s %s must be in (%s, %s]", name, value,
                    trim(exclusiveMin), trim(max)));
        }
        return Optional.of(parsed);
    }

    /** One of {@code allowed} (exact, lower case), or {@code fallback} when absent. */
    String oneOf(String name, String fallback, Set<String> allowed) {
        String value = values.getOrDefault(name, fallback);
        if (!allowed.contains(value)) {
            throw HttpProblem.badRequest(name + " \"" + value + "\" is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
