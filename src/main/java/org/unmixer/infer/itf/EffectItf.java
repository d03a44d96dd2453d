package org.unmixer.infer.itf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.MrStftGradient;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.model.diff.DiffDevices;
import org.unmixer.model.diff.DiffWavetableVoice;
import org.unmixer.model.diff.PatchGradient;

/**
 * Inference-time finetuning of one candidate patch: Adam moves the continuous θ of the synth
 * (level, oscillators, Filter 1, amp envelope: {@link DiffWavetableVoice}) and of each device of the chain — kept
 * in (0, 1) through a logistic map of an unconstrained variable — to lower the multi-resolution
 * STFT distance of the mono mix to the target plus λ_B·‖θ − θ₀‖². Every step is kept (its θ as a
 * patch and its distance) and the best step is chosen by the reference renderer's distance.
 *
 * <p>Rendering is straight-through: the synth's and every device's output value is the reference
 * renderer's, and only the gradient comes from a differentiable stand-in — the differentiable
 * voice; the analytic device (EQ Eight, Saturator); a trained proxy; or the identity (a frozen
 * device, whose θ stays; {@link DiffDevices}). So each step's forward pass is the reference render
 * of that step's patch, and the distance Adam lowers is the reference distance itself (computed
 * with its exact gradient on the CPU, {@link MrStftGradient}): a stand-in can bend a step's
 * direction but never make a step look better than it sounds. The oscillators' continuous
 * settings (wave positions, Osc 2's detune and gain, the sub's gain and tone) move with the synth;
 * the wavetables, whole-semitone transpositions, switches and the chain are discrete: they stay,
 * unless discrete moves are on ({@link Settings#withMovesEvery}), which try them by the reference
 * renderer every few steps.
 */
public final class EffectItf {
    /**
     * @param steps Adam steps
     * @param learningRate Adam's step size in the unconstrained space
     * @param anchor λ_B, the pull back toward the initial θ
     * @param refineSynth whether the synth's differentiable parameters ({@link DiffWavetableVoice}) move too
     */
    public record Settings(int steps, double learningRate, double anchor, boolean refineSynth, int patience, int movesEvery) {
        /** Refining the synth's level, oscillators, filter and amp envelope too; no rollback, no discrete moves. */
        public Settings(int steps, double learningRate, double anchor) {
            this(steps, learningRate, anchor, true);
        }

        /** No rollback, no discrete moves. */
        public Settings(int steps, double learningRate, double anchor, boolean refineSynth) {
            this(steps, learningRate, anchor, refineSynth, 0, 0);
        }

        public Settings {
            if (steps < 0 || !(learningRate > 0) || !(anchor >= 0) || patience < 0 || movesEvery < 0) {
                throw new IllegalArgumentException("ITF needs steps ≥ 0, a positive learning rate, λ_B ≥ 0, patience ≥ 0 and moves every ≥ 0 steps");
            }
        }

        /**
         * The same with rollback: after {@code steps} steps without a new best distance, Adam starts
         * again from the best θ so far with half the step size (0: never).
         */
        public Settings withPatience(int steps) {
            return new Settings(this.steps, learningRate, anchor, refineSynth, steps, movesEvery);
        }

        /**
         * The same with discrete moves: every {@code every} steps (0: never) the best patch so far
         * is compared, by the reference renderer, with its {@link DiscreteMoves#neighbours}; the
         * closest is taken when it is closer still (up to {@value #MOVES_PER_ROUND} in a row) and
         * Adam starts again from it.
         */
        public Settings withMovesEvery(int every) {
            return new Settings(steps, learningRate, anchor, refineSynth, patience, every);
        }

        /** Moves taken in a row at most, each from the last one's neighbours. */
        public static final int MOVES_PER_ROUND = 3;
    }

    /**
     * One step of the trajectory (step 0 is the starting patch): the objective Adam lowered (reference
     * distance + λ_B·‖θ − θ₀‖²) and the reference renderer's MR-STFT distance to the target.
     */
    public record Step(int step, Patch patch, double differentiableLoss, double referenceDistance) {
    }

    /**
     * The whole trajectory, the step with the lowest reference distance, how each device of the
     * starting chain was made differentiable ({@link DiffDevices.Kind#label()}, in chain order),
     * whether the synth's parameters were refined, and how many renders the discrete moves'
     * neighbours took (beyond one per step).
     */
    public record Trajectory(List<Step> steps, int best, List<String> deviceKinds, boolean synthRefined, int moveRenders) {
        public Step bestStep() {
            return steps.get(best);
        }
    }

    /** No wall-time limit ({@link #refine(Patch, AudioBuffer, long)}). */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final double EDGE = 1e-4;

    private final Settings settings;
    private final DiffDevices diff;

    /** With the analytic devices only (every other device frozen). */
    public EffectItf(Settings settings) {
        this(settings, DiffDevices.analyticOnly());
    }

    public EffectItf(Settings settings, DiffDevices diff) {
        this.settings = settings;
        this.diff = diff;
    }

    /**
     * The trajectory, or empty when there is nothing to refine: neither the synth nor any device of
     * the chain has a differentiable version.
     */
    public Optional<Trajectory> refine(Patch start, AudioBuffer target) {
        return refine(start, target, NO_DEADLINE);
    }

    /**
     * As {@link #refine(Patch, AudioBuffer)}, stopping early once {@code System.nanoTime()} passes
     * {@code deadline} (a wall-time budget: the steps taken so far are the trajectory, and at least
     * step 0 is always evaluated; {@link #NO_DEADLINE} for none).
     */
    public Optional<Trajectory> refine(Patch start, AudioBuffer target, long deadline) {
        return refine(start, target, deadline, step -> { });
    }

    /**
     * As {@link #refine(Patch, AudioBuffer, long)}, telling {@code onStep} after each evaluated step
     * (for a progress bar). Interrupting the thread cancels with a {@link CancellationException}.
     */
    public Optional<Trajectory> refine(Patch start, AudioBuffer target, long deadline, java.util.function.IntConsumer onStep) {
        if (!refinable(start)) {
            return Optional.empty();
        }
        PatchGradient objective = new PatchGradient(start, target, diff, settings.refineSynth());
        // u = logit θ is what Adam moves; θ₀ is kept off the edges so that its logit is finite.
        double[] init = clampedTheta0(objective);
        double[] u = logit(init);
        double[] m1 = new double[u.length];
        double[] m2 = new double[u.length];
        List<Step> steps = new ArrayList<>();
        double[] bestU = u.clone();
        double bestValue = Double.POSITIVE_INFINITY;
        Patch bestPatch = start;
        int sinceBest = 0;
        int adamSteps = 0;
        int moveRenders = 0;
        double rateScale = 1;
        for (int step = 0; step <= settings.steps(); step++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("ITF interrupted at step " + step);
            }
            boolean moving = step < settings.steps() && (deadline == NO_DEADLINE || System.nanoTime() - deadline < 0);
            if (moving && step > 0 && settings.movesEvery() > 0 && step % settings.movesEvery() == 0) {
                Moved moved = moves(objective, bestPatch, bestValue);
                moveRenders += moved.renders();
                if (moved.patch() != bestPatch) {
                    // Adam starts again from the moved patch: its θ has another layout, the moments do not carry over.
                    objective = new PatchGradient(moved.patch(), target, diff, settings.refineSynth());
                    init = clampedTheta0(objective);
                    u = logit(init);
                    m1 = new double[u.length];
                    m2 = new double[u.length];
                    bestU = u.clone();
                    adamSteps = 0;
                    sinceBest = 0;
                }
            }
            int p = u.length;
            double[] theta = sigmoid(u);
            PatchGradient.ValueAndGradient v = objective.evaluate(theta, moving);
            double anchor = 0;
            for (int i = 0; i < p; i++) {
                anchor += settings.anchor() * (theta[i] - init[i]) * (theta[i] - init[i]);
            }
            Patch patch = objective.patch(theta);
            steps.add(new Step(step, patch, v.value() + anchor, v.value()));
            onStep.accept(step);
            if (v.value() < bestValue) {
                bestValue = v.value();
                bestU = u.clone();
                bestPatch = patch;
                sinceBest = 0;
            } else if (settings.patience() > 0 && ++sinceBest >= settings.patience() && moving) {
                // A plateau or an overshoot: back to the best θ, fresh moments, half the step.
                u = bestU.clone();
                java.util.Arrays.fill(m1, 0);
                java.util.Arrays.fill(m2, 0);
                adamSteps = 0;
                rateScale /= 2;
                sinceBest = 0;
                continue;
            }
            if (moving) {
                double[] grad = new double[p];
                for (int i = 0; i < p; i++) {
                    // chain rule through θ = σ(u): dθ/du = θ(1 − θ)
                    grad[i] = (v.gradient()[i] + 2 * settings.anchor() * (theta[i] - init[i])) * theta[i] * (1 - theta[i]);
                }
                adam(u, grad, m1, m2, ++adamSteps, rateScale * learningRate(step));
            } else {
                break; // the last step, or out of time: its distance is recorded, no further move
            }
        }
        int best = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).referenceDistance() < steps.get(best).referenceDistance()) {
                best = i;
            }
        }
        return Optional.of(new Trajectory(List.copyOf(steps), best, start.chain().stream().map(x -> diff.kind(x).label()).toList(),
                objective.refinesSynth(), moveRenders));
    }

    /** A discrete-move round's outcome: the patch to go on from ({@code from} itself when no move helped) and the renders it took. */
    private record Moved(Patch patch, double distance, int renders) {
    }

    /**
     * Up to {@link Settings#MOVES_PER_ROUND} moves in a row, each to the closest neighbour of the
     * last when it is closer than the last (by more than rounding); the neighbours are rendered in
     * parallel.
     */
    private Moved moves(PatchGradient objective, Patch from, double distance) {
        Patch at = from;
        double atDistance = distance;
        int renders = 0;
        for (int round = 0; round < Settings.MOVES_PER_ROUND; round++) {
            List<Patch> neighbours = DiscreteMoves.neighbours(at).stream().filter(this::refinable).toList();
            double[] distances = new double[neighbours.size()];
            java.util.stream.IntStream.range(0, neighbours.size()).parallel()
                    .forEach(i -> distances[i] = objective.distanceOf(neighbours.get(i)));
            renders += neighbours.size();
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("ITF interrupted while trying discrete moves");
            }
            int closest = -1;
            for (int i = 0; i < distances.length; i++) {
                if (distances[i] < atDistance * (1 - 1e-6) && (closest < 0 || distances[i] < distances[closest])) {
                    closest = i;
                }
            }
            if (closest < 0) {
                break;
            }
            at = neighbours.get(closest);
            atDistance = distances[closest];
        }
        return new Moved(at, atDistance, renders);
    }

    private static double[] clampedTheta0(PatchGradient objective) {
        double[] init = objective.theta0();
        for (int i = 0; i < init.length; i++) {
            init[i] = Math.min(1 - EDGE, Math.max(EDGE, init[i]));
        }
        return init;
    }

    private static double[] logit(double[] theta) {
        double[] u = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            u[i] = Math.log(theta[i] / (1 - theta[i]));
        }
        return u;
    }

    /** Whether the synth or some device of the chain has parameters ITF can move. */
    public boolean refinable(Patch patch) {
        return refinesSynth(patch) || patch.chain().stream().anyMatch(d -> diff.kind(d) != DiffDevices.Kind.FROZEN);
    }

    private boolean refinesSynth(Patch patch) {
        return settings.refineSynth() && patch.synth().isPresent() && patch.source().kind() == SourceKind.SYNTH;
    }

    /** Cosine decay from the set rate to a tenth of it over the run: big moves first, then settling. */
    private double learningRate(int step) {
        double progress = settings.steps() <= 1 ? 0 : step / (double) (settings.steps() - 1);
        return settings.learningRate() * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    private void adam(double[] u, double[] g, double[] m1, double[] m2, int t, double rate) {
        double b1 = 0.9;
        double b2 = 0.999;
        for (int i = 0; i < u.length; i++) {
            if (!Double.isFinite(g[i])) {
                continue; // a non-finite gradient moves nothing (the NaN guard, per parameter)
            }
            m1[i] = b1 * m1[i] + (1 - b1) * g[i];
            m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i];
            double mh = m1[i] / (1 - Math.pow(b1, t));
            double vh = m2[i] / (1 - Math.pow(b2, t));
            u[i] -= rate * mh / (Math.sqrt(vh) + 1e-8);
        }
    }

    private static double[] sigmoid(double[] u) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = 1 / (1 + Math.exp(-u[i]));
        }
        return out;
    }
}
