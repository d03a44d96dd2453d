package org.unmixer.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a rebuild did and what it could not do, for the command line, the window's log and tests.
 *
 * @param track the track rebuilt (0-based), −1 if none was reached
 * @param done the actions carried out, in order, one line each
 * @param problems what failed and why, one line each (empty when everything went through)
 * @param parametersSet values sent to Live
 * @param parametersVerified values read back within {@link ParameterTargets#READBACK_TOLERANCE}
 * @param preset the rack preset written when Live could not build the chain itself
 * @param link the connection, described
 * @param status what answered (for the window's indicator)
 * @param millis wall time of the rebuild, from reading the track to the last read-back
 */
public record RebuildReport(int track, List<String> done, List<String> problems, int parametersSet,
        int parametersVerified, Optional<Path> preset, String link, LiveLink.Status status, long millis) {
    public RebuildReport {
        done = List.copyOf(done);
        problems = List.copyOf(problems);
    }

    /** Everything asked for is in Live and read back as intended. */
    public boolean complete() {
        return problems.isEmpty() && preset.isEmpty();
    }
}
