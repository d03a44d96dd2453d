package org.unmixer.app.audio;

/**
 * Where the player's frames go: the sound card ({@link JavaSoundOutput}) or, in tests, a recorder.
 * Used from one thread at a time (the player's audio thread).
 */
public interface AudioOutput extends AutoCloseable {
    /**
     * Open for {@code channels} channels at {@code sampleRate}; calling it again while open does
     * nothing.
     *
     * @throws OutputUnavailableException with a one-line reason when there is no usable device
     */
    void open(int sampleRate, int channels) throws OutputUnavailableException;

    /** Whether {@link #open} succeeded and {@link #close} has not been called since. */
    boolean isOpen();

    /**
     * Write a block, {@code [channels][frames]}, samples nominally in [−1, 1]; blocks while the
     * device's buffer is full, which is what paces the player.
     */
    void write(float[][] block);

    /** Release the device; harmless when not open. */
    @Override
    void close();
}
