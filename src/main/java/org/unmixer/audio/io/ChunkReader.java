package org.unmixer.audio.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positional reads of a file whose size is known; shared by the WAV and AIFF header parsers. */
final class ChunkReader {
    final FileChannel channel;
    final Path file;
    final long size;

    ChunkReader(FileChannel channel, Path file) throws IOException {
        this.channel = channel;
        this.file = file;
        this.size = channel.size();
    }

    /** Exactly {@code length} bytes at {@code position}; fails with "truncated header" past the end. */
    byte[] read(long position, int length) throws IOException {
        if (position < 0 || position + length > size) {
            throw AudioFileException.of(file, "truncated header (needs " + (position + length) + " bytes, file has "
                    + size + ")");
        }
        byte[] out = new byte[length];
        readFully(position, out, length);
        return out;
    }

    void readFully(long position, byte[] into, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into, 0, length);
        long p = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, p);
            if (n < 0) {
                throw new EOFException("file shrank while reading");
            }
            p += n;
        }
    }

    AudioFileException fail(String problem) {
        return AudioFileException.of(file, problem);
    }

    static String fourCc(byte[] b, int p) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            char c = (char) (b[p + i] & 0xff);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.toString();
    }

    /** True when all four bytes are printable ASCII, as every real chunk id is. */
    static boolean isPrintableId(byte[] b, int p) {
        for (int i = 0; i < 4; i++) {
            int c = b[p + i] & 0xff;
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    static long u32(byte[] b, int p, boolean bigEndian) {
        return SampleCodec.readInt(b, p, 4, bigEndian) & 0xffffffffL;
    }

    static int u16(byte[] b, int p, boolean bigEndian) {
        return (int) (SampleCodec.readInt(b, p, 2, bigEndian) & 0xffff);
    }
}
