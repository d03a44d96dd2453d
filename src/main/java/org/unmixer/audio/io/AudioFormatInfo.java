package org.unmixer.audio.io;

/**
 * What an audio file holds, as read from its header.
 *
 * @param container WAV, AIFF or AIFF-C
 * @param encoding integer PCM (signed or unsigned) or IEEE float
 * @param bits bits per sample as stored (the container size: 8, 16, 24, 32 or 64)
 * @param channels channel count, at least 1
 * @param sampleRate frames per second, 8 000 – 192 000
 * @param frames frames of audio in the file
 * @param bigEndian byte order of the samples
 */
public record AudioFormatInfo(
        Container container, Encoding encoding, int bits, int channels, int sampleRate, long frames,
        boolean bigEndian) {

    /** File container, detected from the magic bytes. */
    public enum Container {
        WAV("WAV"),
        AIFF("AIFF"),
        AIFF_C("AIFF-C");

        private final String label;

        Container(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How one sample is coded. */
    public enum Encoding {
        PCM_SIGNED,
        PCM_UNSIGNED,
        FLOAT
    }

    /** Bytes per sample of one channel. */
    public int bytesPerSample() {
        return bits / 8;
    }

    /** Bytes per frame (all channels). */
    public int blockAlign() {
        return bytesPerSample() * channels;
    }

    /** Duration in seconds. */
    public double seconds() {
        return frames / (double) sampleRate;
    }

    /** E.g. {@code "WAV, 24-bit PCM, 2 ch, 44100 Hz, 3.50 s"}. */
    public String describe() {
        String enc = switch (encoding) {
            case PCM_SIGNED -> bits + "-bit PCM";
            case PCM_UNSIGNED -> bits + "-bit unsigned PCM";
            case FLOAT -> bits + "-bit float";
        };
        return String.format(java.util.Locale.ROOT, "%s, %s, %d ch, %d Hz, %.2f s", container, enc, channels,
                sampleRate, seconds());
    }
}
