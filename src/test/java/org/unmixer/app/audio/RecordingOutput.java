package org.unmixer.app.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A fake sound card that keeps every frame written; optionally fails to open, like a machine without one. */
final class RecordingOutput implements AudioOutput {
    private final String openFailure;
    private final List<float[][]> blocks = new ArrayList<>();
    private boolean open;
    private volatile CountDownLatch writes = new CountDownLatch(0);

    RecordingOutput() {
        this(null);
    }

    /** @param openFailure message of the exception {@link #open} throws, or null to succeed */
    RecordingOutput(String openFailure) {
        this.openFailure = openFailure;
    }

    static RecordingOutput withoutDevice() {
        return new RecordingOutput("no audio output device: No line matching interface SourceDataLine is supported.");
    }

    /** Counts down once per write from now on. */
    CountDownLatch expectWrites(int n) {
        writes = new CountDownLatch(n);
        return writes;
    }

    @Override
    public synchronized void open(int sampleRate, int channels) throws OutputUnavailableException {
        if (openFailure != null) {
            throw new OutputUnavailableException(openFailure, null);
        }
        open = true;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public void write(float[][] block) {
        synchronized (this) {
            if (!open) {
                throw new IllegalStateException("not open");
            }
            blocks.add(block);
        }
        writes.countDown();
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    /** Everything written to channel {@code c}, in order. */
    synchronized float[] channel(int c) {
        int n = blocks.stream().mapToInt(b -> b[0].length).sum();
        float[] out = new float[n];
        int k = 0;
        for (float[][] b : blocks) {
            System.arraycopy(b[c], 0, out, k, b[c].length);
            k += b[c].length;
        }
        return out;
    }

    synchronized int blocksWritten() {
        return blocks.size();
    }
}
