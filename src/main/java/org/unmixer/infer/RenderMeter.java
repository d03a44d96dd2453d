package org.unmixer.infer;

import java.util.concurrent.CancellationException;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.metrics.AudioMetrics;

/**
 * Renders candidate patches for one input and scores them against its target, counting renders
 * against the input's {@link Budget} and checking for interruption before each one. One meter per
 * {@link Estimator#estimate} call; not thread-safe.
 *
 * <p>Every candidate is rendered at the target's rate for exactly the target's length, so the
 * distance compares like with like.
 */
public final class RenderMeter {
    private final EstimationInput input;
    private final AudioMetrics metrics;
    private final long startNanos;
    private int renders;

    public RenderMeter(EstimationInput input) {
        this(input, AudioMetrics.standard());
    }

    public RenderMeter(EstimationInput input, AudioMetrics metrics) {
        this.input = input;
        this.metrics = metrics;
        this.startNanos = System.nanoTime();
    }

    /** Throws {@link CancellationException} (restoring the interrupt flag) when the thread was interrupted. */
    public static void checkInterrupted() {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new CancellationException("estimation interrupted");
        }
    }

    /** True while another render fits the budget (renders and wall time). */
    public boolean canRender() {
        return renders < input.budget().maxRenders() && elapsedNanos() < input.budget().maxNanos();
    }

    /** Renders left under the render budget. */
    public int rendersLeft() {
        return Math.max(0, input.budget().maxRenders() - renders);
    }

    /**
     * Renders the patch (counting it) and returns its MR-STFT distance to the target.
     *
     * @throws BudgetExhaustedException when the budget is spent
     * @throws CancellationException when the thread was interrupted
     */
    public double distance(Patch patch) {
        checkInterrupted();
        if (!canRender()) {
            throw new BudgetExhaustedException();
        }
        renders++;
        AudioBuffer target = input.target();
        AudioBuffer render = Renderer.render(patch, target.sampleRate(), target.seconds());
        double d = metrics.mrStft(render, target);
        return Double.isNaN(d) ? Double.MAX_VALUE : d;
    }

    public int renders() {
        return renders;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Thrown by {@link #distance} when the budget allows no further render. */
    public static final class BudgetExhaustedException extends RuntimeException {
        public BudgetExhaustedException() {
            super("render budget exhausted", null, false, false);
        }
    }
}
