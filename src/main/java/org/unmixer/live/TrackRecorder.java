package org.unmixer.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.live.osc.OscMessage;

/**
 * Records what a track plays: the Un-Mixer device starts recording its input, AbletonOSC fires the
 * track's first clip, and the device reports the written WAV (max-device/PROTOCOL.md
 * {@code /unmixer/record}).
 */
final class TrackRecorder {
    /** Extra wait beyond the recording's own length, for Live's ticks and the file write. */
    private static final long SLACK_MILLIS = 10_000;

    private TrackRecorder() {
    }

    static AudioBuffer record(LiveLink link, int track, double seconds, Path file) {
        MaxDeviceClient device = link.device().orElseThrow(() -> new LiveConnectionException(
                "recording needs the Un-Mixer device on the track: " + LiveLink.SETUP_STEPS));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var recorded = device.record(file.toAbsolutePath().toString(), seconds);
            link.osc().ifPresent(osc -> osc.send(OscMessage.of("/live/clip/fire", track, 0)));
            String written = recorded.get((long) (seconds * 1000) + SLACK_MILLIS, TimeUnit.MILLISECONDS);
            return AudioFiles.read(Path.of(written)).audio();
        } catch (TimeoutException e) {
            throw new LiveConnectionException("the Un-Mixer device did not finish recording " + file + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveConnectionException("interrupted while Live was recording");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
