package org.unmixer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.live.LiveLink;
import org.unmixer.live.RebuildReport;
import org.unmixer.params.DeviceSettings;
import org.unmixer.preset.RackKind;
import org.unmixer.session.EstimationOptions;
import org.unmixer.session.EstimationResult;
import org.unmixer.session.LoadedSound;
import org.unmixer.session.Session;

/**
 * The window's state and actions, without a toolkit (STYLE: views only bind; the view-model is
 * tested without one). Slow work runs on {@code background}; results are published on {@code ui}
 * (the FX thread in the app, the calling thread in tests). A new file cancels the job before it.
 * A failure leaves the last good state in place and puts a one-line message in {@link #error}.
 */
public final class MainViewModel {
    /** A chain among the top-K, for the alternatives list. */
    public record ChainChoice(int rank, String chain, double probability) {
    }

    private final Session session;
    private final Executor ui;
    private final ExecutorService background;
    private final EstimationOptions options;
    private Future<?> job;
    private Future<?> renderJob;

    private final StringProperty fileLine = new SimpleStringProperty("Drop a WAV or AIFF here, or press Ctrl+O");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<AudioBuffer> original = new SimpleObjectProperty<>();
    private final ObjectProperty<AudioBuffer> rebuild = new SimpleObjectProperty<>();
    private final ObjectProperty<Patch> patch = new SimpleObjectProperty<>();
    private final ObservableList<DeviceCard> cards = FXCollections.observableArrayList();
    private final ObservableList<ChainChoice> chains = FXCollections.observableArrayList();
    private final IntegerProperty selectedChain = new SimpleIntegerProperty(0);
    private final IntegerProperty itfStep = new SimpleIntegerProperty(0);
    private final IntegerProperty itfLastStep = new SimpleIntegerProperty(0);
    private final DoubleProperty referenceDistance = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty proxyLoss = new SimpleDoubleProperty(Double.NaN);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty liveStatus = new SimpleStringProperty("Live: not checked");
    private final BooleanProperty rebuilding = new SimpleBooleanProperty();
    private EstimationResult result;
    /** The candidate ITF refined (the chosen run's rank): the slider's steps belong to this chain. */
    private int refinedChain;

    public MainViewModel(Session session, EstimationOptions options, Executor ui, ExecutorService background) {
        this.session = session;
        this.options = options;
        this.ui = ui;
        this.background = background;
        itfStep.addListener((o, was, now) -> {
            if (result != null && selectedChain.get() != refinedChain) {
                selectedChain.set(refinedChain); // the steps belong to the refined chain: show it, at this step
            } else {
                showStep(now.intValue());
            }
        });
        selectedChain.addListener((o, was, now) -> showChain(now.intValue()));
    }

    // ---- actions -----------------------------------------------------------------------------

    /** Loads and estimates a file in the background; cancels whatever ran before. */
    public synchronized void open(Path file) {
        cancel();
        busy.set(true);
        error.set("");
        stage.set("reading " + file.getFileName());
        progress.set(-1);
        job = background.submit(() -> {
            try {
                LoadedSound sound = session.load(file);
                ui.execute(() -> {
                    fileLine.set(describe(sound));
                    original.set(sound.audio());
                });
                EstimationResult r = session.estimate(sound, options,
                        (what, fraction) -> ui.execute(() -> {
                            stage.set(what);
                            progress.set(fraction);
                        }));
                ui.execute(() -> publish(r));
            } catch (CancellationException e) {
                ui.execute(() -> stage.set("cancelled"));
            } catch (RuntimeException | LinkageError e) {
                if (Thread.currentThread().isInterrupted()) {
                    ui.execute(() -> stage.set("cancelled"));
                } else {
                    ui.execute(() -> fail(e));
                }
            } finally {
                ui.execute(() -> busy.set(false));
            }
        });
    }

    /** Cancels the running estimation (the window's Cancel button; a new drop does it too). */
    public synchronized void cancel() {
        if (job != null && !job.isDone()) {
            job.cancel(true);
        }
    }

    /** Checks who answers (Live, the simulator, parts missing) and shows it in the indicator. */
    public void checkLive() {
        background.submit(() -> {
            String status;
            try (LiveLink link = session.connect(line -> { })) {
                status = indicator(link.status());
            } catch (RuntimeException e) {
                status = "Live: not found (AbletonOSC did not answer)";
            }
            String shown = status;
            ui.execute(() -> liveStatus.set(shown));
        });
    }

    /**
     * Rebuilds the shown patch in Live, logging each step; when Live cannot insert devices, the
     * rack preset goes to {@code presetFolder} and the log says where to drop it.
     */
    public void rebuildInLive(Path presetFolder) {
        Patch p = patch.get();
        if (p == null || rebuilding.get()) {
            return;
        }
        rebuilding.set(true);
        String name = fileLine.get().split(" ")[0].replaceFirst("\\.[^.]*$", "");
        background.submit(() -> {
            try {
                RebuildReport report = session.rebuild(p, presetFolder.resolve(name + ".adg"),
                        line -> ui.execute(() -> log.add(line)));
                ui.execute(() -> {
                    liveStatus.set(indicator(report.status()));
                    report.problems().forEach(x -> log.add("problem: " + x));
                    log.add(String.format(Locale.ROOT, "rebuilt on track %d: %d parameters set, %d read back, in %.1f s",
                            report.track() + 1, report.parametersSet(), report.parametersVerified(), report.millis() / 1000.0));
                    if (!report.problems().isEmpty()) {
                        error.set(report.problems().size() + " thing(s) could not be done in Live; the first: "
                                + report.problems().get(0));
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    liveStatus.set("Live: not found");
                    fail(e);
                });
            } finally {
                ui.execute(() -> rebuilding.set(false));
            }
        });
    }

    /** Exports the shown patch: a rack preset, the patch JSON or its render, by the file's extension. */
    public void export(Path file, RackKind rackKind) {
        Patch p = patch.get();
        if (p == null) {
            return;
        }
        background.submit(() -> {
            try {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                Path written = name.endsWith(".adg") ? session.exportRack(p, rackKind, file)
                        : name.endsWith(".json") ? session.exportPatch(p, file) : session.exportWav(p, file);
                ui.execute(() -> log.add("exported " + written));
            } catch (RuntimeException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    static String indicator(LiveLink.Status status) {
        return switch (status) {
            case LIVE -> "Live: connected";
            case SIMULATOR -> "Live: simulator";
            case MAX_DEVICE_MISSING -> "Live: Un-Mixer device missing";
            case ABLETONOSC_MISSING -> "Live: AbletonOSC missing";
        };
    }

    // ---- publishing --------------------------------------------------------------------------

    private void publish(EstimationResult r) {
        result = r;
        List<ChainChoice> choices = new ArrayList<>();
        int refined = r.itf().map(x -> x.chosenRun().candidate()).orElse(-1);
        for (int i = 0; i < r.estimate().candidates().size(); i++) {
            Patch c = r.estimate().candidates().get(i);
            String chain = i == refined ? refinedChainText(c, r.itf().orElseThrow().chosenRun().trajectory().bestStep().patch())
                    : chainText(c);
            choices.add(new ChainChoice(i + 1, chain, r.estimate().chainProbabilities().get(i)));
        }
        chains.setAll(choices);
        r.estimate().prepared().note().ifPresent(n -> fileLine.set(fileLine.get() + " · " + n.noteName()));
        int last = Math.max(0, r.itfSteps().size() - 1);
        itfLastStep.set(last);
        int best = r.itf().map(x -> x.chosenRun().trajectory().best()).orElse(0);
        refinedChain = r.itf().map(x -> x.chosenRun().candidate()).orElse(0);
        selectedChain.set(refinedChain);
        if (itfStep.get() == best) {
            showStep(best);
        } else {
            itfStep.set(best);
        }
        stage.set("done");
        progress.set(1);
    }

    static String chainText(Patch p) {
        return p.chain().isEmpty() ? "(dry synth)" : String.join(" → ", p.chainNames());
    }

    /** The refined candidate's line: ITF's discrete moves may have removed or swapped devices, so it names what the best step plays. */
    static String refinedChainText(Patch start, Patch best) {
        String from = chainText(start);
        String now = chainText(best);
        return now.equals(from) ? from : now + "  (refined from " + from + ")";
    }

    private void showStep(int step) {
        if (result == null) {
            return;
        }
        List<EffectItf.Step> steps = result.itfSteps();
        if (steps.isEmpty() || step >= steps.size()) {
            show(result.best());
            referenceDistance.set(Double.NaN);
            proxyLoss.set(Double.NaN);
            return;
        }
        EffectItf.Step s = steps.get(step);
        referenceDistance.set(s.referenceDistance());
        proxyLoss.set(s.differentiableLoss());
        show(s.patch());
    }

    private void showChain(int index) {
        if (result == null || index < 0 || index >= result.estimate().candidates().size()) {
            return;
        }
        if (index == refinedChain) {
            showStep(itfStep.get());
        } else {
            referenceDistance.set(Double.NaN);
            proxyLoss.set(Double.NaN);
            show(result.estimate().candidates().get(index));
        }
    }

    /** Shows a patch's cards at once; its render follows from the background (latest request wins). */
    private void show(Patch p) {
        patch.set(p);
        List<DeviceSettings> devices = new ArrayList<>();
        p.synth().ifPresent(s -> devices.add(s.settings()));
        devices.addAll(p.chain());
        cards.setAll(DeviceCard.of(devices, result.uncertainty(), p.synth().isPresent()));
        synchronized (this) {
            if (renderJob != null) {
                renderJob.cancel(false);
            }
            renderJob = background.submit(() -> {
                AudioBuffer audio = session.render(p);
                ui.execute(() -> {
                    if (p.equals(patch.get())) {
                        rebuild.set(audio);
                    }
                });
            });
        }
    }

    private void fail(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        error.set(message);
        stage.set("failed");
        log.add("error: " + message);
    }

    static String describe(LoadedSound s) {
        AudioBuffer a = s.audio();
        return String.format(Locale.ROOT, "%s · %.2f s · %.1f kHz · %s", s.name(), a.seconds(), a.sampleRate() / 1000.0,
                a.channelCount() == 1 ? "mono" : a.channelCount() == 2 ? "stereo" : a.channelCount() + " channels");
    }

    // ---- properties the view binds to ---------------------------------------------------------

    public StringProperty fileLine() {
        return fileLine;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty stage() {
        return stage;
    }

    public StringProperty error() {
        return error;
    }

    public ObjectProperty<AudioBuffer> original() {
        return original;
    }

    public ObjectProperty<AudioBuffer> rebuild() {
        return rebuild;
    }

    public ObjectProperty<Patch> patch() {
        return patch;
    }

    public ObservableList<DeviceCard> cards() {
        return cards;
    }

    public ObservableList<ChainChoice> chains() {
        return chains;
    }

    public IntegerProperty selectedChain() {
        return selectedChain;
    }

    public IntegerProperty itfStep() {
        return itfStep;
    }

    public IntegerProperty itfLastStep() {
        return itfLastStep;
    }

    public DoubleProperty referenceDistance() {
        return referenceDistance;
    }

    public DoubleProperty proxyLoss() {
        return proxyLoss;
    }

    public ObservableList<String> log() {
        return log;
    }

    public StringProperty liveStatus() {
        return liveStatus;
    }

    public BooleanProperty rebuilding() {
        return rebuilding;
    }
}
