package org.unmixer.audio.io;

/**
 * Bytes ↔ float samples, the one conversion convention of the project.
 *
 * <ul>
 *   <li>Signed integer PCM of b bits → float: {@code v / 2^(b−1)} (so full scale negative is −1.0
 *       exactly and the largest positive value is {@code 1 − 2^(1−b)}).
 *   <li>8-bit unsigned PCM (WAV) → float: {@code (u − 128) / 128}.
 *   <li>float → integer PCM: {@code rint(x · 2^(b−1))}, clamped to the integer range (so +1.0
 *       becomes the largest positive code; values beyond full scale are clipped at the file edge).
 *   <li>Float formats are copied; 64-bit floats are rounded to the nearest 32-bit float on read.
 * </ul>
 *
 * Every value representable in a format therefore survives write → read bit-exactly.
 */
final class SampleCodec {
    private SampleCodec() {}

    /** Where a decoded sample was NaN or infinite: frame and channel (0-based), and the value. */
    record BadSample(long frame, int channel, double value) {}

    /**
     * Decodes {@code frames} whole frames from {@code in[offset…]} into {@code out[c][outFrame…]}.
     *
     * @return null, or the first non-finite sample (float formats only)
     */
    static BadSample decode(byte[] in, int offset, int frames, AudioFormatInfo.Encoding encoding, int bits,
            boolean bigEndian, float[][] out, int outFrame) {
        int channels = out.length;
        int bytes = bits / 8;
        int p = offset;
        double scale = 1.0 / pow2(bits - 1);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                float v;
                switch (encoding) {
                    case PCM_UNSIGNED -> v = (float) (((in[p] & 0xff) - 128) * scale);
                    case PCM_SIGNED -> v = (float) (readInt(in, p, bytes, bigEndian) * scale);
                    default -> {
                        double d = bits == 32
                                ? Float.intBitsToFloat((int) readInt(in, p, 4, bigEndian))
                                : Double.longBitsToDouble(readLong(in, p, bigEndian));
                        if (!Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) {
                            return new BadSample(outFrame + (long) f, c, d);
                        }
                        v = (float) d;
                    }
                }
                out[c][outFrame + f] = v;
                p += bytes;
            }
        }
        return null;
    }

    /** Encodes {@code frames} frames from {@code in[c][frame…]} into {@code out[0…]}. */
    static void encode(float[][] in, int frame, int frames, AudioFormatInfo.Encoding encoding, int bits,
            boolean bigEndian, byte[] out) {
        int bytes = bits / 8;
        int p = 0;
        double scale = pow2(bits - 1);
        long max = (long) scale - 1;
        long min = -(long) scale;
        for (int f = frame; f < frame + frames; f++) {
            for (float[] ch : in) {
                float x = ch[f];
                switch (encoding) {
                    case PCM_UNSIGNED -> out[p] = (byte) (clamp(Math.rint(x * scale), min, max) + 128);
                    case PCM_SIGNED -> writeLong(out, p, bytes, clamp(Math.rint(x * scale), min, max), bigEndian);
                    default -> {
                        long raw = bits == 32 ? Float.floatToRawIntBits(x) : Double.doubleToRawLongBits(x);
                        writeLong(out, p, bytes, raw, bigEndian);
                    }
                }
                p += bytes;
            }
        }
    }

    static double pow2(int exponent) {
        return Math.scalb(1.0, exponent);
    }

    private static long clamp(double v, long min, long max) {
        return v <= min ? min : v >= max ? max : (long) v;
    }

    /** A sign-extended integer of {@code bytes} bytes. */
    static long readInt(byte[] b, int p, int bytes, boolean bigEndian) {
        long v = 0;
        if (bigEndian) {
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (b[p + i] & 0xff);
            }
        } else {
            for (int i = bytes - 1; i >= 0; i--) {
                v = (v << 8) | (b[p + i] & 0xff);
            }
        }
        int shift = 64 - 8 * bytes;
        return (v << shift) >> shift;
    }

    private static long readLong(byte[] b, int p, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[p + (bigEndian ? i : 7 - i)] & 0xff);
        }
        return v;
    }

    static void writeLong(byte[] b, int p, int bytes, long v, boolean bigEndian) {
        for (int i = 0; i < bytes; i++) {
            b[p + (bigEndian ? bytes - 1 - i : i)] = (byte) (v >>> (8 * i));
        }
    }
}
