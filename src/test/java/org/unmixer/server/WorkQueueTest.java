package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unmixer.params.BadInputException;

class WorkQueueTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void placesAreWorkersPlusQueueAndAreGivenBack() {
        try (WorkQueue work = new WorkQueue(1, 2)) {
            Optional<WorkQueue.Slot> a = work.reserve();
            Optional<WorkQueue.Slot> b = work.reserve();
            Optional<WorkQueue.Slot> c = work.reserve();
            assertThat(a).isPresent();
            assertThat(b).isPresent();
            assertThat(c).isPresent();
            assertThat(work.reserve()).isEmpty();
            assertThatThrownBy(work::reserveOrBusy).isInstanceOf(HttpProblem.class)
                    .satisfies(e -> assertThat(((HttpProblem) e).headers()).containsKey("Retry-After"));
            c.get().close(); // never used: the place comes back at once
            assertThat(work.reserve()).isPresent();
        }
    }

    @Test
    void aJobsResultAndItsBadInputComeBackUnwrapped() {
        try (WorkQueue work = new WorkQueue(1, 0)) {
            try (WorkQueue.Slot slot = work.reserveOrBusy()) {
                assertThat(slot.run(() -> 42, LONG)).isEqualTo(42);
            }
            awaitFree(work);
            try (WorkQueue.Slot slot = work.reserveOrBusy()) {
                assertThatThrownBy(() -> slot.run(() -> {
                    throw new BadInputException("bad");
                }, LONG)).isExactlyInstanceOf(BadInputException.class).hasMessage("bad");
            }
        }
    }

    @Test
    void aJobOverTheTimeoutIs503AndInterruptedAndItsWorkerServesTheNextJob() throws Exception {
        try (WorkQueue work = new WorkQueue(1, 1)) {
            CountDownLatch interrupted = new CountDownLatch(1);
            try (WorkQueue.Slot slot = work.reserveOrBusy()) {
                assertThatThrownBy(() -> slot.run(() -> {
                    try {
                        new CountDownLatch(1).await(); // only an interrupt ends this
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return null;
                }, Duration.ofMillis(50))).isInstanceOf(HttpProblem.class)
                        .satisfies(e -> assertThat(((HttpProblem) e).status()).isEqualTo(503));
            }
            assertThat(interrupted.await(1, TimeUnit.MINUTES)).isTrue();
            try (WorkQueue.Slot slot = work.reserveOrBusy()) {
                assertThat(slot.run(() -> Thread.currentThread().isInterrupted() ? "still interrupted" : "fresh", LONG))
                        .isEqualTo("fresh");
            }
        }
    }

    @Test
    void runningAndQueuedCountWhatHoldsAPlace() throws Exception {
        try (WorkQueue work = new WorkQueue(1, 1)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            WorkQueue.Slot first = work.reserveOrBusy();
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> first.run(() -> {
                started.countDown();
                release.await();
                return "done";
            }, LONG));
            assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
            WorkQueue.Slot second = work.reserveOrBusy();
            assertThat(work.running()).isEqualTo(1);
            assertThat(work.queued()).isEqualTo(1);
            second.close();
            release.countDown();
            assertThat(running.get(1, TimeUnit.MINUTES)).isEqualTo("done");
            awaitFree(work);
            assertThat(work.queued()).isZero();
        }
    }

    /** The worker gives its place back just after handing over the result. */
    private static void awaitFree(WorkQueue work) {
        for (int i = 0; i < 6000 && work.running() > 0; i++) {
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(work.running()).isZero();
    }
}
