package org.unmixer.app.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The default sound card through {@code javax.sound.sampled}, as 16-bit signed little-endian PCM
 * (the format every Java Sound mixer accepts).
 *
 * <p>Samples outside [−1, 1] are limited to full scale when converted to 16 bits: the integer format
 * cannot carry more, and wrapping around would be far louder than clipping. This is the device's
 * boundary, not a processing step; the spectrograms show the unclipped sound.
 *
 * <p>Buffer: {@value #BUFFER_FRAMES} frames (≈ 46 ms at 44.1 kHz), which is also how far the sound
 * lags the player's reported position.
 */
public final class JavaSoundOutput implements AudioOutput {
    /** Device buffer in frames: small for a responsive A/B switch, large enough not to underrun on a busy machine. */
    public static final int BUFFER_FRAMES = 2048;

    /** Volatile: {@link #close} may come from another thread while the audio thread writes. */
    private volatile SourceDataLine line;
    private int channels;
    private byte[] bytes = new byte[0];

    @Override
    public void open(int sampleRate, int channelCount) throws OutputUnavailableException {
        if (line != null) {
            return;
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channelCount, true, false);
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(format);
            l.open(format, BUFFER_FRAMES * format.getFrameSize());
            l.start();
            line = l;
            channels = channelCount;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new OutputUnavailableException("no audio output device: " + oneLine(e), e);
        }
    }

    @Override
    public boolean isOpen() {
        return line != null;
    }

    @Override
    public void write(float[][] block) {
        SourceDataLine l = line;
        if (l == null) {
            throw new IllegalStateException("audio output is not open");
        }
        int frames = block[0].length;
        int size = frames * channels * 2;
        if (bytes.length < size) {
            bytes = new byte[size];
        }
        int k = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                float v = block[Math.min(c, block.length - 1)][i];
                int s = (int) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767.0);
                bytes[k++] = (byte) s;
                bytes[k++] = (byte) (s >> 8);
            }
        }
        l.write(bytes, 0, size);
    }

    @Override
    public void close() {
        SourceDataLine l = line;
        line = null;
        if (l != null) {
            l.stop();
            l.flush();
            l.close();
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
