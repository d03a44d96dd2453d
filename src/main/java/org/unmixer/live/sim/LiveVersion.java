package org.unmixer.live.sim;

import org.unmixer.params.BadInputException;

/** A Live version such as 12.3.5, as {@code /live/application/get/version} and the device's hello report it. */
public record LiveVersion(int major, int minor, int patch) {
    /** The version the simulator pretends to be unless told otherwise. */
    public static final LiveVersion DEFAULT = new LiveVersion(12, 3, 5);

    public LiveVersion {
        if (major < 1 || minor < 0 || patch < 0) {
            throw new BadInputException("Live version " + major + "." + minor + "." + patch + " is not a version");
        }
    }

    /** Parses {@code 12.3.5} or {@code 12.3}; anything else is a {@link BadInputException}. */
    public static LiveVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw new BadInputException("Live version \"" + text + "\" is not like 12.3.5");
        }
        try {
            return new LiveVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException e) {
            throw new BadInputException("Live version \"" + text + "\" is not like 12.3.5");
        }
    }

    /** True when this version is {@code major.minor} or later. */
    public boolean atLeast(int otherMajor, int otherMinor) {
        return major > otherMajor || (major == otherMajor && minor >= otherMinor);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
