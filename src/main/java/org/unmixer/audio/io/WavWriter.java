package org.unmixer.audio.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.unmixer.audio.AudioBuffer;

/**
 * Writes RIFF/WAVE files, atomically (temporary file in the same directory, then a move): a reader
 * never sees a half-written file.
 *
 * <p>Header convention (as libsndfile and most DAWs): up to 2 channels get a plain {@code fmt }
 * chunk (tag 1 PCM, 16 bytes; tag 3 IEEE float, 18 bytes plus a {@code fact} chunk); more than 2
 * channels get WAVE_FORMAT_EXTENSIBLE (40 bytes, subformat PCM or IEEE float, channel mask of the
 * first n speaker positions). Samples are converted as {@link SampleCodec} documents.
 */
public final class WavWriter {
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 100;

    private WavWriter() {}

    /**
     * Writes {@code audio} to {@code file}.
     *
     * @throws IllegalArgumentException when a sample is NaN/infinite or the data exceeds 4 GB
     * @throws AudioFileException when the file cannot be written
     */
    public static void write(Path file, AudioBuffer audio, SampleFormat format) {
        AtomicFiles.requireFinite(audio.channels());
        int channels = audio.channelCount();
        long dataBytes = (long) audio.frames() * channels * format.bytes();
        if (dataBytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("audio too large for WAV (" + dataBytes + " bytes of samples)");
        }
        AtomicFiles.write(file, out -> writeTo(out, audio, format, dataBytes));
    }

    /** The same file's bytes in memory (for an HTTP response); same checks as {@link #write}. */
    public static byte[] toBytes(AudioBuffer audio, SampleFormat format) {
        AtomicFiles.requireFinite(audio.channels());
        long dataBytes = (long) audio.frames() * audio.channelCount() * format.bytes();
        if (dataBytes > Integer.MAX_VALUE - 100) {
            throw new IllegalArgumentException("audio too large for an in-memory WAV (" + dataBytes + " bytes of samples)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) dataBytes + 100);
        try {
            writeTo(out, audio, format, dataBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static void writeTo(OutputStream out, AudioBuffer audio, SampleFormat format, long dataBytes)
            throws IOException {
        int channels = audio.channelCount();
        boolean extensible = channels > 2;
        int tag = format.isFloat() ? 3 : 1;
        int fmtSize = extensible ? 40 : format.isFloat() ? 18 : 16;
        boolean fact = format.isFloat() && !extensible;
        long riffSize = 4 + (8 + fmtSize) + (fact ? 12 : 0) + 8 + dataBytes + (dataBytes & 1);
        Le h = new Le();
        h.ascii("RIFF").u32(riffSize).ascii("WAVE");
        h.ascii("fmt ").u32(fmtSize);
        h.u16(extensible ? 0xFFFE : tag).u16(channels).u32(audio.sampleRate())
                .u32((long) audio.sampleRate() * channels * format.bytes()).u16(channels * format.bytes())
                .u16(format.bits());
        if (extensible) {
            int mask = channels <= 18 ? (1 << channels) - 1 : 0;
            h.u16(22).u16(format.bits()).u32(mask).u16(tag);
            h.bytes(0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71);
        } else if (format.isFloat()) {
            h.u16(0);
        }
        if (fact) {
            h.ascii("fact").u32(4).u32(audio.frames());
        }
        h.ascii("data").u32(dataBytes);
        out.write(h.toByteArray());
        AtomicFiles.writeSamples(out, audio.channels(), format, false);
        if ((dataBytes & 1) != 0) {
            out.write(0);
        }
    }

    /** Little-endian header builder. */
    private static final class Le extends java.io.ByteArrayOutputStream {
        Le ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
            return this;
        }

        Le u16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Le u32(long v) {
            for (int i = 0; i < 4; i++) {
                write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Le bytes(int... bs) {
            for (int b : bs) {
                write(b);
            }
            return this;
        }
    }
}
