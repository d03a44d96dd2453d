package org.unmixer.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.unmixer.app.audio.AbPlayer;
import org.unmixer.app.audio.AudioOutput;

/** A sound card for GUI tests: counts blocks and paces the player like a real card (one block's time per write). */
final class FakeOutput implements AudioOutput {
    final AtomicInteger writes = new AtomicInteger();
    private volatile boolean open;

    @Override
    public void open(int sampleRate, int channels) {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(float[][] block) {
        writes.incrementAndGet();
        try {
            Thread.sleep(Math.max(1, 1000L * AbPlayer.BLOCK_FRAMES / 44_100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
    }
}
