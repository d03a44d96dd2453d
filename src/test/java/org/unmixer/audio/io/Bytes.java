package org.unmixer.audio.io;

import java.io.ByteArrayOutputStream;

/** Builds test files byte by byte, in either byte order. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private Bytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static Bytes le() {
        return new Bytes(false);
    }

    static Bytes be() {
        return new Bytes(true);
    }

    Bytes ascii(String s) {
        for (char c : s.toCharArray()) {
            out.write(c);
        }
        return this;
    }

    Bytes u8(int... vs) {
        for (int v : vs) {
            out.write(v);
        }
        return this;
    }

    Bytes u16(int v) {
        return num(v, 2);
    }

    Bytes u24(int v) {
        return num(v, 3);
    }

    Bytes u32(long v) {
        return num(v, 4);
    }

    Bytes u64(long v) {
        return num(v, 8);
    }

    Bytes f32(float v) {
        return num(Float.floatToRawIntBits(v), 4);
    }

    Bytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Bytes zeros(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    private Bytes num(long v, int n) {
        for (int i = 0; i < n; i++) {
            int shift = 8 * (bigEndian ? n - 1 - i : i);
            out.write((int) (v >>> shift));
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** A canonical 16-byte PCM / 18-byte float fmt chunk (header included). */
    static Bytes wavHeader(int tag, int channels, int rate, int bits, long dataBytes, boolean withData) {
        Bytes b = le().ascii("RIFF").u32(36 + dataBytes).ascii("WAVE");
        b.ascii("fmt ").u32(16).u16(tag).u16(channels).u32(rate).u32((long) rate * channels * bits / 8)
                .u16(channels * bits / 8).u16(bits);
        if (withData) {
            b.ascii("data").u32(dataBytes);
        }
        return b;
    }
}
