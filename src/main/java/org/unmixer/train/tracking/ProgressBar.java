package org.unmixer.train.tracking;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A one-line training progress display:
 *
 * <pre>
 *  420/1000 [########------------] 42% loss 0.1234 stage full | 12.3 it/s | ETA 0:47
 * </pre>
 *
 * <p>On a terminal the line is redrawn in place with {@code '\r'}, at most every
 * {@value #MIN_REDRAW_MILLIS} ms (and always for the last step), and {@link #finish()} ends it
 * with a newline. Elsewhere (a log file, CI) it prints an ordinary line each time progress
 * crosses another {@code everyPercent} per cent, so logs stay readable.
 *
 * <p>The rate is an exponential moving average of the rate measured over each
 * ≥ {@value #MIN_REDRAW_MILLIS} ms interval (weight {@value #SMOOTHING} on the newest, tqdm's
 * default), so a slow first step or a validation pause does not swing the ETA for long. The
 * first {@link #update} only sets the baseline, which makes a bar created after a checkpoint
 * resume measure from the resumed step. Time comes from an injected nanosecond clock.
 */
public final class ProgressBar {
    /** Shortest interval between redraws and between rate measurements. */
    public static final long MIN_REDRAW_MILLIS = 250;
    /** Weight of the newest interval's rate in the moving average. */
    static final double SMOOTHING = 0.3;
    /** Characters between the brackets. */
    static final int BAR_WIDTH = 20;
    private static final long MIN_REDRAW_NANOS = MIN_REDRAW_MILLIS * 1_000_000;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final int everyPercent;
    private final LongSupplier nanoTime;

    private boolean started;
    private long sampleNanos;
    private long sampleStep;
    private double rate = Double.NaN;
    private long lastDrawNanos;
    private int lastDrawnLength;
    private long lastBucket = -1;
    private long step;
    private long drawnStep = -1;
    private Map<String, String> fields = Map.of();

    private ProgressBar(PrintStream out, long total, boolean terminal, int everyPercent, LongSupplier nanoTime) {
        if (total <= 0) {
            throw new IllegalArgumentException("progress total must be positive, not " + total);
        }
        if (everyPercent < 1 || everyPercent > 100) {
            throw new IllegalArgumentException("progress line interval must be 1 to 100 %, not " + everyPercent);
        }
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.everyPercent = everyPercent;
        this.nanoTime = nanoTime;
    }

    /** Redraws in place with {@code '\r'}: for a terminal. */
    public static ProgressBar terminal(PrintStream out, long total, LongSupplier nanoTime) {
        return new ProgressBar(out, total, true, 100, nanoTime);
    }

    /** Prints a new line every {@code everyPercent} per cent: for logs and pipes. */
    public static ProgressBar plain(PrintStream out, long total, int everyPercent, LongSupplier nanoTime) {
        return new ProgressBar(out, total, false, everyPercent, nanoTime);
    }

    /** On standard error: in place when the program has a console, else a line every 10 %. */
    public static ProgressBar onStderr(long total) {
        return System.console() != null ? terminal(System.err, total, System::nanoTime)
                : plain(System.err, total, 10, System::nanoTime);
    }

    /** {@link #update(long, Map)} without extra fields. */
    public void update(long step) {
        update(step, Map.of());
    }

    /**
     * Reports that {@code step} of {@code total} steps are done.
     *
     * @param fields extra labelled values shown in the map's iteration order (pass a
     *     {@link java.util.LinkedHashMap} for several), e.g. {@code loss → 0.1234}, {@code lr → 1e-3}
     */
    public void update(long step, Map<String, String> fields) {
        if (step < 0 || step > total) {
            throw new IllegalArgumentException("progress step " + step + " is outside 0.." + total);
        }
        long now = nanoTime.getAsLong();
        this.step = step;
        this.fields = fields;
        if (!started) {
            started = true;
            sampleNanos = now;
            sampleStep = step;
        } else if (now - sampleNanos >= MIN_REDRAW_NANOS) {
            double measured = (step - sampleStep) / ((now - sampleNanos) / 1e9);
            rate = Double.isNaN(rate) ? measured : SMOOTHING * measured + (1 - SMOOTHING) * rate;
            sampleNanos = now;
            sampleStep = step;
        }
        if (terminal) {
            if (drawnStep < 0 || now - lastDrawNanos >= MIN_REDRAW_NANOS || step == total) {
                redraw(now);
            }
        } else {
            long bucket = 100 * step / total / everyPercent;
            if (bucket > lastBucket) {
                lastBucket = bucket;
                out.println(line(step, total, fields, rate));
                out.flush();
                drawnStep = step;
            }
        }
    }

    /** Shows the last reported state if it is not on screen yet and ends the line. */
    public void finish() {
        if (!started) {
            return;
        }
        if (terminal) {
            if (drawnStep != step) {
                redraw(nanoTime.getAsLong());
            }
            out.println();
        } else if (drawnStep != step) {
            out.println(line(step, total, fields, rate));
        }
        out.flush();
    }

    private void redraw(long now) {
        String text = line(step, total, fields, rate);
        // pad with spaces so a shorter line fully covers the previous one
        out.print("\r" + text + " ".repeat(Math.max(0, lastDrawnLength - text.length())));
        out.flush();
        lastDrawnLength = text.length();
        lastDrawNanos = now;
        drawnStep = step;
    }

    /** The progress line for {@code step} of {@code total} at {@code itemsPerSecond} (NaN: unknown). */
    static String line(long step, long total, Map<String, String> fields, double itemsPerSecond) {
        int filled = (int) (BAR_WIDTH * step / total);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%" + Long.toString(total).length() + "d/%d [", step, total))
                .append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled))
                .append("] ").append(100 * step / total).append('%');
        fields.forEach((label, value) -> b.append(' ').append(label).append(' ').append(value));
        b.append(" | ").append(rate(itemsPerSecond))
                .append(" | ETA ").append(RemainingTime.clock(RemainingTime.atRate(total - step, itemsPerSecond)));
        return b.toString();
    }

    /** {@code 12.3 it/s}, or {@code 4.0 s/it} for steps slower than a second; {@code ? it/s} when unknown. */
    static String rate(double itemsPerSecond) {
        if (!(itemsPerSecond > 0)) {
            return Double.isNaN(itemsPerSecond) ? "? it/s" : "0.0 it/s";
        }
        return itemsPerSecond >= 1 ? String.format(Locale.ROOT, "%.1f it/s", itemsPerSecond)
                : String.format(Locale.ROOT, "%.1f s/it", 1 / itemsPerSecond);
    }
}
