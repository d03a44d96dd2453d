package org.unmixer.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the heavy work (estimate, render, export) runs: {@code workers} threads and {@code queue}
 * waiting places, nothing more. A request first {@link #reserve reserves} a place — before its body
 * is read, so a full server answers 429 without buffering anything — then {@link Slot#run runs} its
 * job there and waits at most the timeout, after which the job is cancelled by interrupting its
 * thread (ITF stops at its next step; a forward pass or a render finishes first, then the worker is
 * free again).
 *
 * <p>A place is held from the reservation until the worker has finished with the job (even a
 * cancelled one), so "running + queued" never exceeds workers + queue. The executor's own queue has
 * room for that many jobs too: the semaphore is the limit, the executor's rejection (also a 429)
 * only a backstop.
 */
final class WorkQueue implements AutoCloseable {
    private final int workers;
    private final int queue;
    private final Semaphore places;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong finishedJobs = new AtomicLong();
    private final AtomicLong finishedNanos = new AtomicLong();
    private final ThreadLocal<Long> startedAt = new ThreadLocal<>();

    WorkQueue(int workers, int queue) {
        if (workers < 1 || queue < 0) {
            throw new IllegalArgumentException("workers " + workers + " (≥ 1), queue " + queue + " (≥ 0)");
        }
        this.workers = workers;
        this.queue = queue;
        this.places = new Semaphore(workers + queue);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers + queue),
                job -> {
                    Thread t = new Thread(job, "unmixer-worker-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            protected void beforeExecute(Thread t, Runnable job) {
                running.incrementAndGet();
                startedAt.set(System.nanoTime());
            }

            @Override
            protected void afterExecute(Runnable job, Throwable failure) {
                finishedNanos.addAndGet(System.nanoTime() - startedAt.get());
                finishedJobs.incrementAndGet();
                running.decrementAndGet();
                places.release();
            }
        };
    }

    int workers() {
        return workers;
    }

    int capacity() {
        return queue;
    }

    int running() {
        return running.get();
    }

    /** Jobs holding a place but not (yet) on a worker. */
    int queued() {
        return Math.max(0, workers + queue - places.availablePermits() - running.get());
    }

    /** A place for one job, or empty when every worker and every queue place is taken. */
    Optional<Slot> reserve() {
        return places.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    /** 429 when the server is full, with a Retry-After from the jobs' mean duration. */
    Slot reserveOrBusy() {
        return reserve().orElseThrow(() -> HttpProblem.busy(retryAfterSeconds()));
    }

    /** About when a place frees up: the mean job time × the jobs ahead per worker, at least 1 s. */
    int retryAfterSeconds() {
        long jobs = finishedJobs.get();
        double meanSeconds = jobs == 0 ? 1.0 : finishedNanos.get() / 1e9 / jobs;
        double ahead = (double) (running() + queued()) / workers;
        return (int) Math.max(1, Math.min(600, Math.ceil(meanSeconds * Math.max(1, ahead))));
    }

    /** A reserved place; closing it without {@link #run} gives it back. */
    final class Slot implements AutoCloseable {
        private boolean handedOver;
        private boolean closed;

        /**
         * Runs {@code job} on a worker and waits for it.
         *
         * @throws HttpProblem 503 when it takes longer than {@code timeout} (the job is then
         *     interrupted), 429 if the executor refuses it
         * @throws RuntimeException the job's own exception, unwrapped
         */
        <T> T run(Callable<T> job, Duration timeout) {
            if (handedOver || closed) {
                throw new IllegalStateException("a slot runs one job");
            }
            Future<T> future;
            try {
                future = executor.submit(job);
                handedOver = true; // from here the worker gives the place back (afterExecute)
            } catch (RejectedExecutionException e) {
                throw HttpProblem.busy(retryAfterSeconds());
            }
            try {
                return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw HttpProblem.timedOut(Math.max(1, timeout.toSeconds()));
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new HttpProblem(503, "the server is shutting down");
            } catch (CancellationException e) {
                throw new HttpProblem(503, "the work was cancelled (the server is shutting down)");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
        }

        @Override
        public void close() {
            if (!handedOver && !closed) {
                places.release();
            }
            closed = true;
        }
    }

    /** Interrupts running jobs and waits briefly for the workers to stop. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
