package org.unmixer.infer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unmixer.infer.Budget;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.params.BadInputException;

/**
 * Runs every method on every example, with the same input (target, source facts, budget and, when
 * {@code skeletonFor} gives one, the chain skeleton) and scores each estimation with
 * {@link ExampleScorer}. Examples run on {@code threads} workers, each example running all methods
 * in order; {@link Listener#finished} is called (serialised) as each example × method finishes, so a
 * caller can write results incrementally. The returned records are in example order then method
 * order whatever the thread count, and every number except the timings depends only on the inputs.
 */
public final class BenchRunner {
    /** Told about each finished example × method, one call at a time. */
    public interface Listener {
        void finished(BenchRecord record, int done, int total);
    }

    /** Whether a method gets the true chain skeleton of a labelled example. */
    @FunctionalInterface
    public interface SkeletonPolicy {
        boolean givesSkeleton(String method);
    }

    private final List<Estimator> methods;
    private final Budget budget;
    private final SkeletonPolicy skeletons;
    private final int threads;
    private final ExampleScorer scorer = new ExampleScorer(AudioMetrics.standard());

    public BenchRunner(List<Estimator> methods, Budget budget, SkeletonPolicy skeletons, int threads) {
        if (methods.isEmpty()) {
            throw new BadInputException("bench: no methods to run");
        }
        if (threads < 1) {
            throw new BadInputException("bench: threads " + threads + " must be at least 1");
        }
        this.methods = List.copyOf(methods);
        this.budget = Objects.requireNonNull(budget, "budget");
        this.skeletons = Objects.requireNonNull(skeletons, "skeletons");
        this.threads = threads;
    }

    /** The input {@code method} is given for {@code example}. */
    public EstimationInput input(BenchExample example, String method) {
        EstimationInput in = new EstimationInput(example.target(), example.source(), budget);
        if (example.truth().isPresent() && skeletons.givesSkeleton(method)) {
            in = in.withSkeleton(example.truth().get().chainNames());
        }
        return in;
    }

    public List<BenchRecord> run(List<BenchExample> examples, Listener listener) {
        int total = examples.size() * methods.size();
        int[] done = {0};
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<BenchRecord>>> futures = new ArrayList<>();
            for (BenchExample example : examples) {
                futures.add(pool.submit(() -> {
                    List<BenchRecord> out = new ArrayList<>();
                    for (Estimator method : methods) {
                        BenchRecord record = runOne(example, method);
                        out.add(record);
                        synchronized (lock) {
                            listener.finished(record, ++done[0], total);
                        }
                    }
                    return out;
                }));
            }
            List<BenchRecord> all = new ArrayList<>();
            for (Future<List<BenchRecord>> f : futures) {
                all.addAll(await(f));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    BenchRecord runOne(BenchExample example, Estimator method) {
        long start = System.nanoTime();
        Estimation estimation = method.estimate(input(example, method.name()));
        long nanos = System.nanoTime() - start;
        return new BenchRecord(scorer.score(example, method.name(), estimation), estimation.best().patch(),
                estimation.renders(), nanos);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("bench interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
