package org.unmixer.infer.itf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.model.diff.DiffDevices;

/**
 * Another estimator's candidates refined by ITF ({@code model+itf100}): the first {@code candidates}
 * are refined for up to {@code steps} steps each ({@link CandidateItf}), and the winning run's best
 * step goes first, followed by the base estimator's candidates in their order. Each step is one
 * reference render and counts against the render budget, so the steps per candidate shrink when
 * the budget is small; a wall-time budget is shared out between the candidates and ITF stops at it.
 * With {@code polishShare} &gt; 0 ({@code model+itf25+polish}), ITF gets only that part of the
 * wall time it may use, and CMA-ES ({@link CmaesPolish}) spends the rest around the winning step on
 * the reference renderer: gradients for the big moves, a local gradient-free search for what they
 * cannot reach (wavetables' frames between crossfade segments, the frozen devices' settings).
 *
 * <p>Every input's runs are also logged ({@link #log()}: for each checkpoint step, the best
 * reference distance reached by then over all runs), for the benchmark's ITF-steps table.
 */
public final class ItfEstimator implements Estimator {
    /** One input's ITF record: its target's key, the distance at each checkpoint, and whether anything was refined. */
    public record Logged(Object key, int[] checkpoints, double[] bestByCheckpoint, double[] atCheckpoint, boolean refined,
            long nanos) {
    }

    private final String name;
    private final Estimator base;
    private final EffectItf.Settings settings;
    private final DiffDevices diff;
    private final int candidates;
    private final int[] checkpoints;
    private final double polishShare;
    private final Function<EstimationInput, Object> key;
    private final ConcurrentLinkedQueue<Logged> log = new ConcurrentLinkedQueue<>();

    /**
     * @param checkpoints the steps the log reports (each ≤ settings.steps())
     * @param key what identifies an input in the log (e.g. its example id)
     */
    public ItfEstimator(String name, Estimator base, EffectItf.Settings settings, DiffDevices diff, int candidates,
            int[] checkpoints, Function<EstimationInput, Object> key) {
        this(name, base, settings, diff, candidates, checkpoints, key, 0);
    }

    /**
     * @param polishShare the part of the wall-time budget (0 … 1) left to a CMA-ES polish after ITF;
     *     0 for none (the polish needs a wall-time budget to share)
     */
    public ItfEstimator(String name, Estimator base, EffectItf.Settings settings, DiffDevices diff, int candidates,
            int[] checkpoints, Function<EstimationInput, Object> key, double polishShare) {
        if (!(polishShare >= 0 && polishShare < 1)) {
            throw new IllegalArgumentException("the polish's share of the budget must be in [0, 1), got " + polishShare);
        }
        this.polishShare = polishShare;
        this.name = name;
        this.base = base;
        this.settings = settings;
        this.diff = diff;
        this.candidates = candidates;
        this.checkpoints = checkpoints.clone();
        this.key = key;
    }

    @Override
    public String name() {
        return name;
    }

    public List<Logged> log() {
        return List.copyOf(log);
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        Estimation e = base.estimate(input);
        List<Patch> patches = e.candidates().stream().map(Candidate::patch).toList();
        int k = Math.min(candidates, patches.size());
        long left = (long) input.budget().maxRenders() - e.renders();
        int steps = (int) Math.max(0, Math.min(settings.steps(), left / k - 1));
        // Discrete moves only when the render budget has room for their worst case on top of the steps.
        int movesEvery = settings.movesEvery();
        if (movesEvery > 0 && steps > 0) {
            long rounds = (steps - 1) / movesEvery;
            long worst = patches.stream().limit(k).mapToLong(DiscreteMoves::atMost).max().orElse(0);
            if (k * (steps + 1 + rounds * EffectItf.Settings.MOVES_PER_ROUND * worst) > left) {
                movesEvery = 0;
            }
        }
        boolean timed = input.budget().maxNanos() != Long.MAX_VALUE;
        long end = timed ? start + input.budget().maxNanos() : EffectItf.NO_DEADLINE;
        long itfEnd = timed ? start + (long) (input.budget().maxNanos() * (1 - polishShare)) : EffectItf.NO_DEADLINE;
        Optional<CandidateItf.Result> result = steps == 0 ? Optional.empty()
                : new CandidateItf(new EffectItf(new EffectItf.Settings(steps, settings.learningRate(), settings.anchor(), settings.refineSynth(), settings.patience(), movesEvery), diff), k)
                        .refine(patches, input.target(), itfEnd);
        int renders = e.renders() + result.map(r -> r.runs().stream().mapToInt(run -> run.trajectory().steps().size() + run.trajectory().moveRenders()).sum()).orElse(0);
        List<Candidate> out = new ArrayList<>();
        if (result.isPresent()) {
            EffectItf.Step best = result.get().chosenRun().trajectory().bestStep();
            Patch refined = best.patch();
            long timeLeft = end - System.nanoTime();
            if (polishShare > 0 && timed && timeLeft > 0 && input.budget().maxRenders() - renders > 0) {
                CmaesPolish.Result polished = CmaesPolish.polish(refined, best.referenceDistance(), input.target(),
                        new org.unmixer.infer.Budget(input.budget().maxRenders() - renders, timeLeft), 0);
                renders += polished.renders();
                refined = polished.patch();
            }
            out.add(new Candidate(refined, 0));
        }
        for (Candidate c : e.candidates()) {
            out.add(new Candidate(c.patch(), out.size()));
        }
        long nanos = System.nanoTime() - start;
        log.add(logged(input, result, nanos));
        return new Estimation(out, renders, nanos);
    }

    private Logged logged(EstimationInput input, Optional<CandidateItf.Result> result, long nanos) {
        double[] best = new double[checkpoints.length];
        double[] at = new double[checkpoints.length];
        java.util.Arrays.fill(best, Double.NaN);
        java.util.Arrays.fill(at, Double.NaN);
        if (result.isPresent()) {
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(at, Double.POSITIVE_INFINITY);
            for (CandidateItf.Run run : result.get().runs()) {
                List<EffectItf.Step> steps = run.trajectory().steps();
                for (int c = 0; c < checkpoints.length; c++) {
                    int last = Math.min(checkpoints[c], steps.size() - 1);
                    at[c] = Math.min(at[c], steps.get(last).referenceDistance());
                    for (int s = 0; s <= last; s++) {
                        best[c] = Math.min(best[c], steps.get(s).referenceDistance());
                    }
                }
            }
        }
        return new Logged(key.apply(input), checkpoints.clone(), best, at, result.isPresent(), nanos);
    }
}
