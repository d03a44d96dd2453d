package org.unmixer.live;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live's version, as far as the bridge cares: device insertion needs 12.3 or later. What Live
 * reports is parsed leniently ({@link #parse}); what a user types is checked ({@link #fromUser}).
 */
public record LiveVersion(int major, int minor, int patch) implements Comparable<LiveVersion> {
    public static final LiveVersion INSERT_DEVICE = new LiveVersion(12, 3, 0);
    private static final Pattern FORM = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");

    /** Parses "12.3.5", "12.3", "12.3b14"; unknown text gives 0.0.0. */
    public static LiveVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return new LiveVersion(0, 0, 0);
        }
        return new LiveVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** Parses {@code 12.3.5} or {@code 12.3} typed by a user; anything else is a one-line input error. */
    public static LiveVersion fromUser(String text) {
        if (text == null || !text.trim().matches("\\d{1,3}\\.\\d{1,3}(\\.\\d{1,4})?") || text.trim().startsWith("0")) {
            throw new org.unmixer.params.BadInputException("Live version \"" + text + "\" is not like 12.3.5");
        }
        return parse(text);
    }

    /** True when this version is {@code major.minor} or later. */
    public boolean atLeast(int otherMajor, int otherMinor) {
        return compareTo(new LiveVersion(otherMajor, otherMinor, 0)) >= 0;
    }

    public boolean canInsertDevices() {
        return compareTo(INSERT_DEVICE) >= 0;
    }

    @Override
    public int compareTo(LiveVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
