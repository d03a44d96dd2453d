package org.unmixer.train.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The flat {@code meta.yaml} files of MLflow's file store: one {@code key: value} line per field,
 * keys sorted as PyYAML's {@code safe_dump} sorts them. Values are strings, whole numbers,
 * {@code null} or an empty list ({@code tags: []}, kept for old MLflow readers).
 *
 * <p>Strings are written plain when YAML would read them back as the same string and
 * single-quoted otherwise (so {@code experiment_id: '0'} stays a string, as MLflow writes it);
 * strings with control characters are double-quoted with escapes. The reader understands what
 * this writer and PyYAML write for such flat files, including PyYAML's folding of long values
 * onto indented continuation lines; nested structures are out of scope.
 */
final class MetaYaml {
    /** Plain scalars we are sure YAML 1.1 reads back as strings: no indicator first, no number look. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./:@+=-]*");
    /** YAML 1.1 booleans and nulls that would not come back as strings if written plain. */
    private static final List<String> RESERVED =
            List.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private MetaYaml() {}

    /** The file's text; entries sorted by key. Values: {@link String}, {@link Long}/{@link Integer}, null, empty {@link List}. */
    static String write(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ?> e : new TreeMap<>(fields).entrySet()) {
            out.append(e.getKey()).append(": ").append(scalar(e.getValue())).append('\n');
        }
        return out.toString();
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return "[]";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        throw new IllegalArgumentException("meta.yaml cannot hold a " + value.getClass().getSimpleName());
    }

    static String quote(String s) {
        if (PLAIN.matcher(s).matches() && !s.endsWith(":") && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : c);
            }
        }
        return b.append('"').toString();
    }

    /** Fields of a flat file in file order; a value is null for YAML null ({@code null}, {@code ~}, nothing). */
    static Map<String, String> read(String text) {
        Map<String, String> raw = new LinkedHashMap<>();
        String key = null;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && key != null) {
                raw.put(key, raw.get(key) + " " + line.strip()); // PyYAML folds long scalars this way
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0 && line.endsWith(":")) {
                colon = line.length() - 1;
            }
            if (colon <= 0) {
                throw new IllegalArgumentException("not a flat key: value line: " + line);
            }
            key = line.substring(0, colon);
            raw.put(key, line.substring(Math.min(line.length(), colon + 2)).strip());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        raw.forEach((k, v) -> fields.put(k, unquote(v)));
        return fields;
    }

    private static String unquote(String v) {
        if (v.isEmpty() || v.equals("null") || v.equals("~") || v.equals("Null") || v.equals("NULL")) {
            return null;
        }
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return unescape(v.substring(1, v.length() - 1));
        }
        return v;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case 'x' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n); // \" \\ \/ and the rest stand for themselves
            }
        }
        return b.toString();
    }
}
