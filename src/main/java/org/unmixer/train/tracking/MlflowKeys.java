package org.unmixer.train.tracking;

import java.util.regex.Pattern;

/**
 * MLflow's rules for param, metric and tag keys ({@code mlflow/utils/validation.py}), checked
 * before a key becomes a file name under the run directory.
 *
 * <p>Allowed characters: letters, digits, underscores, dashes, periods, spaces and slashes (Python's
 * {@code \w} is Unicode-aware, so letters and digits of any script count). A slash makes a
 * sub-directory ({@code train/loss} is the file {@code metrics/train/loss}), so the key must be a
 * normalised relative path: no leading or trailing slash, no empty, {@code .} or {@code ..}
 * segment, and — MLflow's own rule — not starting with {@code ..} at all. At most 250 characters.
 */
final class MlflowKeys {
    /** MLflow's {@code MAX_ENTITY_KEY_LENGTH}. */
    static final int MAX_KEY_LENGTH = 250;
    /** MLflow's {@code MAX_PARAM_VAL_LENGTH}. */
    static final int MAX_PARAM_VALUE_LENGTH = 6000;
    /** MLflow's {@code MAX_TAG_VAL_LENGTH}. */
    static final int MAX_TAG_VALUE_LENGTH = 5000;
    private static final Pattern ALLOWED = Pattern.compile("[/\\w.\\- ]*", Pattern.UNICODE_CHARACTER_CLASS);

    private MlflowKeys() {}

    /**
     * {@code key} if MLflow accepts it as a {@code kind} ("param", "metric", "tag") name.
     *
     * @throws IllegalArgumentException naming the key and the rule it breaks
     */
    static String check(String kind, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(kind + " key is empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(kind + " key \"" + key.substring(0, 40) + "…\" has " + key.length()
                    + " characters; MLflow allows at most " + MAX_KEY_LENGTH);
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new IllegalArgumentException(kind + " key \"" + key + "\" may only contain letters, digits, underscores,"
                    + " dashes, periods, spaces and slashes");
        }
        return checkRelativePath(kind + " key", key);
    }

    /**
     * {@code path} if it is a normalised path inside its folder: not absolute, no empty, {@code .}
     * or {@code ..} segment, not starting with {@code ..}. Artifact names need only this (any
     * characters a file name may have).
     */
    static String checkRelativePath(String what, String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (path.startsWith("/") || path.endsWith("/") || path.startsWith("..") || path.contains("\\")) {
            throw new IllegalArgumentException(what + " \"" + path + "\" must be a relative path inside the run"
                    + " (no leading or trailing slash or backslash, not starting with \"..\")");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(what + " \"" + path + "\" has an empty, \".\" or \"..\" path segment");
            }
        }
        return path;
    }

    /** {@code value} if it fits MLflow's length limit for {@code kind} values. */
    static String checkValue(String kind, String key, String value, int maxLength) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " \"" + key + "\" has no value (null)");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(kind + " \"" + key + "\" value has " + value.length()
                    + " characters; MLflow allows at most " + maxLength);
        }
        return value;
    }
}
