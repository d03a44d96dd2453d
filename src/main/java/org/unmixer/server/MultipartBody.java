package org.unmixer.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578 over RFC 2046 §5.1) split into its parts, as browsers
 * and {@code curl -F file=@sound.wav} send them. Pure: bytes and the Content-Type header in, parts
 * out, a 400 {@link HttpProblem} with one line for anything malformed. Lenient where the RFC asks
 * receivers to be (a preamble before the first delimiter, an epilogue after the last, spaces after
 * a delimiter); strict where guessing would hide a broken upload (a missing closing delimiter).
 */
final class MultipartBody {
    /** More parts than any form we read has; a cap so a crafted body cannot make thousands. */
    static final int MAX_PARTS = 64;
    /** RFC 2046: a boundary is 1–70 characters. */
    private static final int MAX_BOUNDARY = 70;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /**
     * One part.
     *
     * @param headers header names in lower case → values
     * @param name the form field's name ({@code Content-Disposition: form-data; name="…"}), or ""
     * @param filename the file name the client gave, when it is a file
     * @param content the part's bytes
     */
    record Part(Map<String, String> headers, String name, Optional<String> filename, byte[] content) {
    }

    private MultipartBody() {
    }

    /** The boundary from a {@code multipart/form-data; boundary=…} header. */
    static String boundary(String contentTypeHeader) {
        for (String param : contentTypeHeader.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = unquote(p.substring("boundary=".length()).trim());
                if (b.isEmpty() || b.length() > MAX_BOUNDARY) {
                    throw HttpProblem.badRequest("multipart boundary must be 1 to 70 characters, got " + b.length());
                }
                return b;
            }
        }
        throw HttpProblem.badRequest("multipart/form-data without a boundary parameter in Content-Type");
    }

    static List<Part> parse(byte[] body, String contentTypeHeader) {
        byte[] delimiter = ("--" + boundary(contentTypeHeader)).getBytes(StandardCharsets.ISO_8859_1);
        int at = firstDelimiter(body, delimiter);
        if (at < 0) {
            throw HttpProblem.badRequest("multipart body does not contain its boundary");
        }
        List<Part> parts = new ArrayList<>();
        int pos = at + delimiter.length;
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return parts; // the closing delimiter; anything after it is the epilogue
            }
            pos = skipTransportPadding(body, pos);
            if (!startsWith(body, pos, CRLF)) {
                throw HttpProblem.badRequest("multipart delimiter is not followed by a line break");
            }
            pos += CRLF.length;
            int headerEnd = indexOf(body, HEADER_END, pos - CRLF.length);
            if (headerEnd < 0) {
                throw HttpProblem.badRequest("multipart part " + (parts.size() + 1) + " has no end of headers");
            }
            Map<String, String> headers = headers(new String(body, pos, Math.max(0, headerEnd - pos), StandardCharsets.UTF_8),
                    parts.size() + 1);
            int contentStart = headerEnd + HEADER_END.length;
            byte[] next = concat(CRLF, delimiter);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw HttpProblem.badRequest("multipart body ends without its closing boundary (truncated upload?)");
            }
            if (parts.size() == MAX_PARTS) {
                throw HttpProblem.badRequest("multipart body has more than " + MAX_PARTS + " parts");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = contentEnd + next.length;
        }
    }

    /** The uploaded file: the first part with a file name, else the part named "file". */
    static Optional<Part> filePart(List<Part> parts) {
        return parts.stream().filter(p -> p.filename().isPresent()).findFirst()
                .or(() -> parts.stream().filter(p -> p.name().equals("file")).findFirst());
    }

    /** The delimiter at the very start, or after a line break (the end of a preamble). */
    private static int firstDelimiter(byte[] body, byte[] delimiter) {
        if (startsWith(body, 0, delimiter)) {
            return 0;
        }
        int i = indexOf(body, concat(CRLF, delimiter), 0);
        return i < 0 ? -1 : i + CRLF.length;
    }

    private static int skipTransportPadding(byte[] body, int pos) {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
        return pos;
    }

    private static Map<String, String> headers(String block, int partNumber) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (block.isEmpty()) {
            return headers;
        }
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw HttpProblem.badRequest("multipart part " + partNumber + " has a malformed header line");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static Part part(Map<String, String> headers, byte[] content) {
        Map<String, String> disposition = dispositionParams(headers.getOrDefault("content-disposition", ""));
        return new Part(headers, disposition.getOrDefault("name", ""), Optional.ofNullable(disposition.get("filename")), content);
    }

    /** {@code form-data; name="file"; filename="a;b.wav"} → {name=file, filename=a;b.wav} (quotes may hold ';'). */
    static Map<String, String> dispositionParams(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            int eq = value.indexOf('=', i + 1);
            if (eq < 0) {
                break;
            }
            String key = value.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int start = eq + 1;
            String v;
            int end;
            if (start < value.length() && value.charAt(start) == '"') {
                StringBuilder s = new StringBuilder();
                int j = start + 1;
                while (j < value.length() && value.charAt(j) != '"') {
                    if (value.charAt(j) == '\\' && j + 1 < value.length()) {
                        j++;
                    }
                    s.append(value.charAt(j));
                    j++;
                }
                v = s.toString();
                end = value.indexOf(';', j);
            } else {
                end = value.indexOf(';', start);
                v = (end < 0 ? value.substring(start) : value.substring(start, end)).trim();
            }
            params.putIfAbsent(key, v);
            i = end;
        }
        return params;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static boolean startsWith(byte[] body, int pos, byte[] prefix) {
        if (pos < 0 || pos + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= body.length; i++) {
            if (body[i] == needle[0] && startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
