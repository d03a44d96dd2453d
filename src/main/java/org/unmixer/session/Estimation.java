package org.unmixer.session;

import ai.djl.ndarray.NDManager;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Budget;
import org.unmixer.infer.itf.CandidateItf;
import org.unmixer.infer.itf.CmaesPolish;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.infer.model.CandidateRefiner;
import org.unmixer.infer.model.Estimate;
import org.unmixer.infer.model.EstimateJson;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.infer.model.SoundEstimator;
import org.unmixer.model.GradMode;
import org.unmixer.model.diff.DiffDevices;

/**
 * The main job from a sound to its rebuild (DESIGN.md §3): the model's candidates and draws, then
 * optionally ITF over the top candidates and a CMA-ES polish, then the estimate JSON. One place for
 * the command line, the window and the HTTP API.
 */
public final class Estimation {
    /**
     * ITF records gradients, and DJL's PyTorch engine allows one {@code GradientCollector} per
     * process at a time (a second one throws "A PtGradientCollector is already collecting"). The
     * network's forward pass needs no such care (it runs without grad mode, each call in its own
     * sub-manager), so callers that run several estimations at once (the HTTP API with more than one
     * worker) only queue here, for the ITF part. Fair, so jobs refine in the order they arrived.
     */
    private static final ReentrantLock GRADIENT_WORK = new ReentrantLock(true);

    private Estimation() {
    }

    /**
     * @param audio the sound as read from its file
     * @param inputName the file's name, for the JSON
     * @throws java.util.concurrent.CancellationException when the thread is interrupted during ITF
     */
    public static EstimationResult run(ModelEstimator model, AudioBuffer audio, String inputName, EstimationOptions options,
            Progress progress) {
        GradMode.offOnThisThread(); // callers run this on worker threads
        progress.update("listening", 0.05);
        SoundEstimator estimator = new SoundEstimator(model,
                new CandidateRefiner.Settings(options.draws(), CandidateRefiner.Settings.DEFAULT.temperature()));
        Estimate e = options.knownSource().isEmpty() ? estimator.estimate(audio, options.topK())
                : estimator.estimateKnownSource(audio, options.knownSource().get(), options.topK());
        checkInterrupted();
        long refineStart = System.nanoTime();
        int steps = options.effectiveItfSteps();
        Optional<CandidateItf.Result> itf = Optional.empty();
        Optional<String> itfNote = Optional.empty();
        if (steps > 0) {
            long deadline = options.itfSeconds() > 0 ? refineStart + (long) (options.itfSeconds() * 0.5e9) : EffectItf.NO_DEADLINE;
            int candidates = Math.min(options.itfCandidates(), e.candidates().size());
            lockGradientWork(progress);
            try (NDManager proxyManager = NDManager.newBaseManager()) {
                DiffDevices diff = DiffDevices.withProxies(options.proxies(), proxyManager).withSecants();
                EffectItf effectItf = new EffectItf(new EffectItf.Settings(steps, EstimationOptions.ITF_LEARNING_RATE,
                        options.itfAnchor()).withMovesEvery(EstimationOptions.ITF_MOVES_EVERY), diff);
                itf = new CandidateItf(effectItf, options.itfCandidates()).refine(e.candidates(), e.prepared().audio(), deadline,
                        (candidate, step) -> progress.update("refining chain " + (candidate + 1) + " of " + candidates + ", step " + step,
                                0.1 + 0.8 * (candidate * (steps + 1.0) + step + 1) / (candidates * (steps + 1.0))));
            } finally {
                GRADIENT_WORK.unlock();
            }
            if (itf.isEmpty()) {
                itfNote = Optional.of("not refined: none of the top " + candidates + " candidates has a synth or an effect with a"
                        + " differentiable version (analytic or proxy)");
            }
        }
        Patch best = itf.map(r -> r.chosenRun().trajectory().bestStep().patch()).orElse(e.best());
        Optional<CmaesPolish.Result> polish = Optional.empty();
        if (options.itfPolish() > 0 || options.itfSeconds() > 0) {
            progress.update("polishing", 0.9);
            double before = itf.map(r -> r.chosenRun().bestDistance())
                    .orElseGet(() -> AudioMetrics.standard().mrStft(Renderer.render(e.best(), e.prepared().audio().sampleRate()),
                            e.prepared().audio()));
            Budget budget = options.itfSeconds() > 0
                    ? new Budget(options.itfPolish() > 0 ? options.itfPolish() : Integer.MAX_VALUE,
                            Math.max(1, refineStart + (long) (options.itfSeconds() * 1e9) - System.nanoTime()))
                    : Budget.renders(options.itfPolish());
            polish = Optional.of(CmaesPolish.polish(best, before, e.prepared().audio(), budget, 0));
            best = polish.get().patch();
        }
        String json = EstimateJson.write(e, inputName, estimator.layout(), model.calibration(), itf, itfNote.orElse(null), polish);
        progress.update("done", 1);
        return new EstimationResult(e, itf, itfNote, polish, best, json, Uncertainty.of(e.prediction(), estimator.layout()));
    }

    /** Waits for the gradient lock; an interrupt while waiting cancels the job like one during ITF. */
    private static void lockGradientWork(Progress progress) {
        if (GRADIENT_WORK.isLocked()) {
            progress.update("waiting for another job's refinement", 0.1);
        }
        try {
            GRADIENT_WORK.lockInterruptibly();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("estimation cancelled");
        }
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("estimation cancelled");
        }
    }
}
