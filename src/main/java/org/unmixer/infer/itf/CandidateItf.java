package org.unmixer.infer.itf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;

/**
 * ITF over the top-K candidates: each refinable candidate (in rank order, at most
 * {@code maxCandidates}) gets its own trajectory, and the candidate whose best step is closest to
 * the target by reference-renderer distance wins. A lower-ranked chain can win this way when its
 * refined parameters explain the sound better.
 */
public final class CandidateItf {
    /** One candidate's run: its rank among the candidates (0-based) and its trajectory. */
    public record Run(int candidate, EffectItf.Trajectory trajectory) {
        public double bestDistance() {
            return trajectory.bestStep().referenceDistance();
        }
    }

    /** Every run and which one won. */
    public record Result(List<Run> runs, int chosen) {
        public Run chosenRun() {
            return runs.get(chosen);
        }
    }

    private final EffectItf itf;
    private final int maxCandidates;

    public CandidateItf(EffectItf itf, int maxCandidates) {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("ITF needs at least one candidate, got " + maxCandidates);
        }
        this.itf = itf;
        this.maxCandidates = maxCandidates;
    }

    /** The runs, or empty when none of the first {@code maxCandidates} candidates has a refinable device. */
    public Optional<Result> refine(List<Patch> candidates, AudioBuffer target) {
        return refine(candidates, target, EffectItf.NO_DEADLINE);
    }

    /**
     * As {@link #refine(List, AudioBuffer)} within a wall-time deadline ({@code System.nanoTime()}),
     * shared out evenly: each candidate gets an equal part of what is left when its turn comes.
     */
    public Optional<Result> refine(List<Patch> candidates, AudioBuffer target, long deadline) {
        return refine(candidates, target, deadline, (candidate, step) -> { });
    }

    /** As {@link #refine(List, AudioBuffer, long)}, telling {@code onStep} (candidate rank, step) after each step. */
    public Optional<Result> refine(List<Patch> candidates, AudioBuffer target, long deadline,
            java.util.function.BiConsumer<Integer, Integer> onStep) {
        List<Run> runs = new ArrayList<>();
        int count = Math.min(maxCandidates, candidates.size());
        for (int i = 0; i < count; i++) {
            int rank = i;
            long own = deadline == EffectItf.NO_DEADLINE ? deadline
                    : System.nanoTime() + Math.max(0, deadline - System.nanoTime()) / (count - i);
            itf.refine(candidates.get(i), target, own, step -> onStep.accept(rank, step)).ifPresent(t -> runs.add(new Run(rank, t)));
        }
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        int chosen = 0;
        for (int i = 1; i < runs.size(); i++) {
            if (runs.get(i).bestDistance() < runs.get(chosen).bestDistance()) {
                chosen = i;
            }
        }
        return Optional.of(new Result(List.copyOf(runs), chosen));
    }
}
