package org.unmixer.audio.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.unmixer.audio.AudioBuffer;

/**
 * Reads WAV, AIFF and AIFF-C files into {@link AudioBuffer}s. The format is detected from the magic
 * bytes, never the extension. Every problem (I/O included) is an {@link AudioFileException} with a
 * one-line message naming the file; sizes declared in headers are checked against the real file
 * length before anything is allocated, and samples are decoded in 64 KiB blocks, so memory stays
 * bounded by the decoded audio itself.
 *
 * <p>Limits: 8 000 – 192 000 Hz, 1 – {@value #MAX_CHANNELS} channels, at most {@value
 * #MAX_MINUTES} minutes, no NaN or infinite float samples, at least one frame. Sample conversion
 * follows {@link SampleCodec}: integer PCM is divided by 2^(bits−1).
 */
public final class AudioFiles {
    public static final int MIN_SAMPLE_RATE = 8_000;
    public static final int MAX_SAMPLE_RATE = 192_000;
    public static final int MAX_CHANNELS = 64;
    /** Longest audio accepted: far beyond any one-shot sound, short of exhausting memory. */
    public static final int MAX_MINUTES = 30;
    private static final int BLOCK_BYTES = 1 << 16;

    private AudioFiles() {}

    /** Where the samples start, and what they are. */
    record Layout(AudioFormatInfo info, long dataOffset) {}

    /** Decodes the whole file. */
    public static DecodedAudio read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkReader in = new ChunkReader(channel, file);
            Layout layout = layout(in);
            AudioFormatInfo info = layout.info();
            if (info.frames() == 0) {
                throw in.fail("no audio frames (" + info.describe() + ")");
            }
            checkLength(in, info);
            return new DecodedAudio(decode(in, layout), info);
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /** Only the header: container, encoding, bits, channels, rate, frames. */
    public static AudioFormatInfo readFormat(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return layout(new ChunkReader(channel, file)).info();
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    private static Layout layout(ChunkReader in) throws IOException {
        if (in.size == 0) {
            throw in.fail("empty file (0 bytes)");
        }
        byte[] head = in.read(0, (int) Math.min(12, in.size));
        String other = otherFormat(head);
        if (other != null) {
            throw in.fail("looks like " + other + " file, not WAV/AIFF");
        }
        if (head.length < 12) {
            if (startsWith(head, "RIFF") || startsWith(head, "FORM")) {
                throw in.fail("truncated header (" + in.size + " bytes)");
            }
            throw in.fail("not a WAV or AIFF file (" + in.size + " bytes, starts with " + hex(head) + ")");
        }
        String magic = ChunkReader.fourCc(head, 0);
        String type = ChunkReader.fourCc(head, 8);
        if (magic.equals("RIFF") && type.equals("WAVE")) {
            return WavHeader.parse(in);
        }
        if (magic.equals("FORM") && (type.equals("AIFF") || type.equals("AIFC"))) {
            return AiffHeader.parse(in, type.equals("AIFC"));
        }
        if (magic.equals("RF64") || magic.equals("BW64")) {
            throw in.fail(magic + " (WAV over 4 GB) is not supported");
        }
        if (magic.equals("RIFX")) {
            throw in.fail("big-endian RIFX WAV is not supported");
        }
        if (magic.equals("RIFF") || magic.equals("FORM")) {
            throw in.fail(magic + " file of type '" + type + "', not WAVE/AIFF");
        }
        throw in.fail("not a WAV or AIFF file (starts with " + hex(head) + ")");
    }

    /** Names common non-WAV/AIFF audio by its magic bytes, or null. */
    private static String otherFormat(byte[] h) {
        if (startsWith(h, "ID3") || (h.length >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xE0) == 0xE0)) {
            return "an MP3";
        }
        if (startsWith(h, "fLaC")) {
            return "a FLAC";
        }
        if (startsWith(h, "OggS")) {
            return "an Ogg (Vorbis/Opus)";
        }
        if (h.length >= 8 && ChunkReader.fourCc(h, 4).equals("ftyp")) {
            return "an MP4/M4A";
        }
        return null;
    }

    static void checkChannelsAndRate(ChunkReader in, int channels, long rate) {
        if (channels <= 0) {
            throw in.fail(channels + " channels declared (need at least 1)");
        }
        if (channels > MAX_CHANNELS) {
            throw in.fail(channels + " channels declared (at most " + MAX_CHANNELS + " are read)");
        }
        if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
            throw in.fail("sample rate " + rate + " Hz is outside " + MIN_SAMPLE_RATE + "–" + MAX_SAMPLE_RATE + " Hz");
        }
    }

    private static void checkLength(ChunkReader in, AudioFormatInfo info) {
        long maxFrames = (long) MAX_MINUTES * 60 * info.sampleRate();
        if (info.frames() > maxFrames) {
            throw in.fail(String.format(Locale.ROOT, "too long: %.1f min declared (at most %d min are read)",
                    info.seconds() / 60, MAX_MINUTES));
        }
        long needed = info.frames() * info.channels() * (long) Float.BYTES;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > available) {
            throw in.fail("too large to decode: needs " + needed / (1 << 20) + " MB, " + available / (1 << 20)
                    + " MB free");
        }
    }

    private static AudioBuffer decode(ChunkReader in, Layout layout) throws IOException {
        AudioFormatInfo info = layout.info();
        int frames = (int) info.frames();
        int blockAlign = info.blockAlign();
        float[][] out = new float[info.channels()][frames];
        int framesPerBlock = Math.max(1, BLOCK_BYTES / blockAlign);
        byte[] buf = new byte[framesPerBlock * blockAlign];
        long pos = layout.dataOffset();
        for (int f = 0; f < frames; f += framesPerBlock) {
            int n = Math.min(framesPerBlock, frames - f);
            in.readFully(pos, buf, n * blockAlign);
            pos += (long) n * blockAlign;
            SampleCodec.BadSample bad = SampleCodec.decode(buf, 0, n, info.encoding(), info.bits(), info.bigEndian(),
                    out, f);
            if (bad != null) {
                throw in.fail("float sample is " + describe(bad.value()) + " at frame " + bad.frame() + ", channel "
                        + (bad.channel() + 1) + " (NaN/Inf samples are rejected)");
            }
        }
        return new AudioBuffer(out, info.sampleRate());
    }

    private static String describe(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Infinity" : "-Infinity";
        }
        return v + " (beyond 32-bit float range)";
    }

    private static AudioFileException ioFailure(Path file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else {
            why = "cannot read (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ")";
        }
        return new AudioFileException(file + ": " + why, e);
    }

    private static boolean startsWith(byte[] h, String ascii) {
        if (h.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (h[i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] h) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(4, h.length); i++) {
            s.append(String.format("%02X ", h[i] & 0xff));
        }
        return s.toString().strip();
    }
}
