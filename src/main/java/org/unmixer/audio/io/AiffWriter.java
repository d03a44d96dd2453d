package org.unmixer.audio.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.unmixer.audio.AudioBuffer;

/**
 * Writes AIFF (integer PCM, big-endian) and AIFF-C (float: {@code fl32}/{@code fl64}), atomically.
 * AIFF stores 8-bit samples signed, so {@link SampleFormat#PCM_U8} is written as signed 8-bit (the
 * float values are the same). Mainly here so the reader's AIFF paths are tested on real round trips.
 */
public final class AiffWriter {
    private static final long MAX_DATA_BYTES = 0x7FFFFFFFL - 100;

    private AiffWriter() {}

    /**
     * Writes {@code audio} to {@code file}.
     *
     * @throws IllegalArgumentException when a sample is NaN/infinite or the data exceeds 2 GB
     * @throws AudioFileException when the file cannot be written
     */
    public static void write(Path file, AudioBuffer audio, SampleFormat format) {
        AtomicFiles.requireFinite(audio.channels());
        long dataBytes = (long) audio.frames() * audio.channelCount() * format.bytes();
        if (dataBytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("audio too large for AIFF (" + dataBytes + " bytes of samples)");
        }
        AtomicFiles.write(file, out -> writeTo(out, audio, format, dataBytes));
    }

    private static void writeTo(OutputStream out, AudioBuffer audio, SampleFormat format, long dataBytes)
            throws IOException {
        boolean aifc = format.isFloat();
        Be comm = new Be();
        comm.u16(audio.channelCount()).u32(audio.frames()).u16(format.bits());
        comm.write(AiffHeader.doubleToExtended(audio.sampleRate()));
        if (aifc) {
            comm.ascii(format == SampleFormat.FLOAT_32 ? "fl32" : "fl64");
            String name = format == SampleFormat.FLOAT_32 ? "32-bit floating point" : "64-bit floating point";
            comm.write(name.length());
            comm.ascii(name);
            if ((name.length() + 1) % 2 != 0) {
                comm.write(0);
            }
        }
        Be h = new Be();
        long ssndSize = 8 + dataBytes;
        long formSize = 4 + (aifc ? 12 : 0) + 8 + comm.size() + 8 + ssndSize + (ssndSize & 1);
        h.ascii("FORM").u32(formSize).ascii(aifc ? "AIFC" : "AIFF");
        if (aifc) {
            h.ascii("FVER").u32(4).u32(0xA2805140L);
        }
        h.ascii("COMM").u32(comm.size());
        h.write(comm.toByteArray());
        h.ascii("SSND").u32(ssndSize).u32(0).u32(0);
        out.write(h.toByteArray());
        if (format == SampleFormat.PCM_U8) {
            writeSigned8(out, audio.channels());
        } else {
            AtomicFiles.writeSamples(out, audio.channels(), format, true);
        }
        if ((ssndSize & 1) != 0) {
            out.write(0);
        }
    }

    private static void writeSigned8(OutputStream out, float[][] channels) throws IOException {
        int frames = channels[0].length;
        byte[] buf = new byte[channels.length];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels.length; c++) {
                double v = Math.rint(channels[c][f] * 128.0);
                buf[c] = (byte) Math.max(-128, Math.min(127, v));
            }
            out.write(buf);
        }
    }

    /** Big-endian header builder. */
    private static final class Be extends ByteArrayOutputStream {
        Be ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
            return this;
        }

        Be u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Be u32(long v) {
            for (int i = 3; i >= 0; i--) {
                write((int) (v >>> (8 * i)));
            }
            return this;
        }
    }
}
