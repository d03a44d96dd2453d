package org.unmixer.live.sim;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;

/**
 * The Max device's recorder: renders a track's patch with the reference renderer on a worker
 * thread and writes it as a 32-bit float stereo WAV at {@link #SAMPLE_RATE}. One recording at a
 * time. A finished recording is only collected by {@link #collect} (called once per tick), so the
 * device stays busy until the tick that announces the file, whatever the worker's speed.
 */
final class Recorder implements AutoCloseable {
    static final int SAMPLE_RATE = 44_100;

    /** A recording that ended: written ({@code error == null}) or failed. */
    record Outcome(int id, Path path, String error) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-sim-recorder");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;
    private int runningId;
    private Path runningPath;

    boolean busy() {
        return running != null;
    }

    /** Starts rendering {@code patch} (empty = silence) for {@code seconds} into {@code path}. */
    void start(int id, Path path, Optional<Patch> patch, double seconds) {
        runningId = id;
        runningPath = path;
        running = worker.submit(() -> {
            AudioBuffer audio = patch.isPresent() ? Renderer.render(patch.get(), SAMPLE_RATE, seconds)
                    : AudioBuffer.silence(2, Math.max(1, (int) Math.round(seconds * SAMPLE_RATE)), SAMPLE_RATE);
            WavWriter.write(path, audio, SampleFormat.FLOAT_32);
        });
    }

    /** The recording that finished since the last call, if any; frees the recorder. */
    Optional<Outcome> collect() {
        if (running == null || !running.isDone()) {
            return Optional.empty();
        }
        String error = null;
        try {
            running.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            error = "could not write " + runningPath + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "recording interrupted";
        }
        running = null;
        return Optional.of(new Outcome(runningId, runningPath, error));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
