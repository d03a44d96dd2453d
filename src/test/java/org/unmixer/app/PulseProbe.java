package org.unmixer.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Measures how long the FX thread takes to answer: a thread posts a {@code Platform.runLater}
 * every {@value #INTERVAL_MS} ms and times the round trip, noting what {@code label} says on the FX
 * thread at that moment. A blocked FX thread shows up as one long round trip.
 */
final class PulseProbe implements AutoCloseable {
    static final int INTERVAL_MS = 15;

    /** One round trip: how long it took and what the label read on the FX thread. */
    record Pulse(double millis, String label) {
    }

    private final List<Pulse> pulses = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    PulseProbe(Supplier<String> label) {
        thread = new Thread(() -> {
            while (running) {
                long t0 = System.nanoTime();
                CountDownLatch answered = new CountDownLatch(1);
                String[] seen = new String[1];
                Platform.runLater(() -> {
                    seen[0] = label.get();
                    answered.countDown();
                });
                try {
                    while (!answered.await(100, TimeUnit.MILLISECONDS)) {
                        if (!running) {
                            return;
                        }
                    }
                    synchronized (pulses) {
                        pulses.add(new Pulse((System.nanoTime() - t0) / 1e6, seen[0]));
                    }
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-pulse-probe");
        thread.setDaemon(true);
        thread.start();
    }

    List<Pulse> pulses() {
        synchronized (pulses) {
            return List.copyOf(pulses);
        }
    }

    double largestGapMillis() {
        return pulses().stream().mapToDouble(Pulse::millis).max().orElse(Double.NaN);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
