package org.unmixer.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;
import org.unmixer.dsp.PatchRenderer;
import org.unmixer.dsp.patch.Patch;

/**
 * Live as a renderer (DESIGN.md §1: "Live itself is a second renderer"): rebuild the patch on the
 * Un-Mixer device's track, fire the clip, let the device record the track to a WAV, read it back.
 * One render at a time (it drives one track of one set); the dataset generator runs it with one
 * worker. A rebuild that does not go through completely is an error, never a silently wrong example.
 */
public final class LiveRenderer implements PatchRenderer {
    private final LiveLink link;
    private final Path workDir;
    private final Consumer<String> log;
    private int renders;

    public LiveRenderer(LiveLink link, Path workDir, Consumer<String> log) {
        if (link.device().isEmpty()) {
            throw new LiveConnectionException("rendering with Live needs the Un-Mixer device on a track (it records the"
                    + " track): " + LiveLink.SETUP_STEPS);
        }
        if (!link.version().canInsertDevices()) {
            throw new LiveConnectionException("rendering with Live needs Live 12.3 or later to insert devices (this is "
                    + link.version() + ")");
        }
        this.link = link;
        this.workDir = workDir;
        this.log = log;
    }

    @Override
    public synchronized AudioBuffer render(Patch patch, int sampleRate, double seconds) {
        RebuildReport report = new Rebuild(link, p -> {
            throw new IllegalStateException("a Live render never falls back to a preset");
        }, line -> { }).run(patch);
        if (!report.complete()) {
            throw new LiveConnectionException("Live could not be set to the patch: " + report.problems().get(0));
        }
        Path file = workDir.resolve(String.format(Locale.ROOT, "live-render-%06d.wav", renders++));
        try {
            AudioBuffer audio = TrackRecorder.record(link, report.track(), seconds, file);
            if (audio.sampleRate() != sampleRate) {
                audio = Resampler.resample(audio, sampleRate);
            }
            log.accept("rendered in Live: " + patch.chainNames());
            return audio.withChannels(2).withFrames((int) Math.round(seconds * sampleRate));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.accept("could not delete " + file + ": " + e.getMessage());
            }
        }
    }
}
