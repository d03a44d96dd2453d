package org.unmixer.session;

import ai.djl.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AtomicFiles;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.DecodedAudio;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.live.LiveLink;
import org.unmixer.model.GradMode;
import org.unmixer.live.Rebuild;
import org.unmixer.live.RebuildReport;
import org.unmixer.preset.AdgWriter;
import org.unmixer.preset.RackKind;

/**
 * The one facade the front ends share (DESIGN.md §2): load a sound, estimate and refine it, render
 * any patch, rebuild in Live, export. It holds no toolkit types and does its work on the calling
 * thread: the window calls it from background tasks, the command line directly. Thread-safe.
 */
public final class Session implements AutoCloseable {
    /** Sample rate of renders for listening and export (the model's rate). */
    public static final int RENDER_RATE = 44_100;
    private static final int RENDER_CACHE = 32;

    /** Where the model is and where Live listens. */
    public record Settings(Path modelDir, LiveLink.Settings live) {
        public static Settings defaults() {
            return new Settings(Locations.model(Locations.DEFAULT_MODEL), LiveLink.Settings.defaults());
        }
    }

    private final Settings settings;
    private ModelEstimator model;
    private final Object estimating = new Object();
    private final Map<Patch, AudioBuffer> renders = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Patch, AudioBuffer> eldest) {
            return size() > RENDER_CACHE;
        }
    };

    public Session(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Reads a WAV/AIFF file; a bad file is a one-line {@link org.unmixer.params.BadInputException}-style error. */
    public LoadedSound load(Path file) {
        DecodedAudio decoded = AudioFiles.read(file);
        return new LoadedSound(file, decoded.audio(), decoded.format());
    }

    /**
     * Estimates (and, with ITF steps, refines) a sound. Blocking; cancel by interrupting the thread.
     * One estimation runs at a time: the network and ITF's gradient recording share PyTorch's
     * autograd state, so a new job waits until a cancelled one has stopped (at its next ITF step).
     */
    public EstimationResult estimate(LoadedSound sound, EstimationOptions options, Progress progress) {
        progress.update("waiting for the previous job", 0.0);
        synchronized (estimating) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("estimation cancelled");
            }
            progress.update("loading the model", 0.01);
            GradMode.offOnThisThread(); // the model may load on a worker thread
            return Estimation.run(model(options.topK()), sound.audio(), sound.name(), options, progress);
        }
    }

    private synchronized ModelEstimator model(int topK) {
        if (model == null) {
            model = ModelEstimator.load("model", settings.modelDir(), Math.max(topK, EstimationOptions.DEFAULT.topK()));
        }
        return model;
    }

    /** The reference renderer's render of a patch at {@link #RENDER_RATE}, cached (the slider scrubs back and forth). */
    public AudioBuffer render(Patch patch) {
        synchronized (renders) {
            AudioBuffer cached = renders.get(patch);
            if (cached != null) {
                return cached;
            }
        }
        AudioBuffer audio = Renderer.render(patch, RENDER_RATE);
        synchronized (renders) {
            renders.put(patch, audio);
        }
        return audio;
    }

    /** Connects to Live (or the simulator); the caller closes the link. */
    public LiveLink connect(Consumer<String> log) {
        return LiveLink.connect(settings.live(), log);
    }

    /**
     * Rebuilds a patch in Live; when Live cannot insert devices, writes the rack preset to
     * {@code presetFallback} and says where to drop it.
     */
    public RebuildReport rebuild(Patch patch, Path presetFallback, Consumer<String> log) {
        try (LiveLink link = connect(log)) {
            log.accept("connected: " + link.describe());
            return new Rebuild(link, p -> exportRack(p, rackKindFor(p), presetFallback), log).run(patch);
        }
    }

    public static RackKind rackKindFor(Patch patch) {
        return patch.synth().isPresent() ? RackKind.INSTRUMENT : RackKind.AUDIO_EFFECT;
    }

    /** Writes the patch as a Live rack preset ({@code .adg}); returns the absolute path. */
    public Path exportRack(Patch patch, RackKind kind, Path out) {
        AdgWriter.write(patch, kind, out);
        return out.toAbsolutePath();
    }

    /** Writes the patch JSON ({@code unmixer-patch/1}, every parameter). */
    public Path exportPatch(Patch patch, Path out) {
        String json = PatchJson.standard().write(patch);
        try {
            AtomicFiles.writeFile(out, o -> o.write((json + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return out.toAbsolutePath();
    }

    /** Writes the patch's render as a 32-bit float WAV (no clipping of overs). */
    public Path exportWav(Patch patch, Path out) {
        WavWriter.write(out, render(patch), SampleFormat.FLOAT_32);
        return out.toAbsolutePath();
    }

    /** "CPU" or "GPU (n)", for the status bar: what DJL's engine computes on. */
    public static String computeDevice() {
        int gpus = Engine.getInstance().getGpuCount();
        return gpus > 0 ? "GPU (" + gpus + ")" : "CPU";
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
