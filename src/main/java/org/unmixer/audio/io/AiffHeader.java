package org.unmixer.audio.io;

import java.io.IOException;

/**
 * Parses an AIFF / AIFF-C header (Apple "Audio Interchange File Format" 1.3 and the AIFF-C draft):
 * big-endian chunks padded to even length; {@code COMM} gives channels, frames, bits and the rate as
 * an 80-bit IEEE extended float; {@code SSND} holds the samples after its offset field. AIFF-C
 * compression types read: {@code NONE}/{@code twos} (big-endian PCM), {@code sowt} (little-endian
 * PCM), {@code in24}, {@code in32}, {@code fl32}/{@code FL32}, {@code fl64}/{@code FL64}.
 *
 * <p>Sample sizes that are not a multiple of 8 (e.g. 20 bits) are stored left-justified in whole
 * bytes, so they are decoded as the container size. Sound data shorter than COMM declares is an
 * error ("truncated sound data").
 */
final class AiffHeader {
    private AiffHeader() {}

    static AudioFiles.Layout parse(ChunkReader in, boolean aifc) throws IOException {
        long pos = 12;
        byte[] comm = null;
        long soundStart = -1;
        long soundEnd = -1;
        while (pos + 8 <= in.size) {
            byte[] h = in.read(pos, 8);
            if (!ChunkReader.isPrintableId(h, 0)) {
                if (comm != null && soundStart >= 0) {
                    break;
                }
                throw in.fail("corrupt chunk header at byte " + pos);
            }
            String id = ChunkReader.fourCc(h, 0);
            long size = ChunkReader.u32(h, 4, true);
            long body = pos + 8;
            long remaining = in.size - body;
            if (id.equals("SSND")) {
                if (remaining < 8) {
                    throw in.fail("truncated header (SSND chunk cut short)");
                }
                byte[] s = in.read(body, 8);
                soundStart = body + 8 + ChunkReader.u32(s, 0, true);
                soundEnd = body + Math.min(size, remaining);
                if (size > remaining) {
                    break; // cut short: the frame count check below says by how much
                }
            } else if (size > remaining) {
                if (comm != null && soundStart >= 0) {
                    break;
                }
                throw in.fail("chunk '" + id + "' at byte " + pos + " declares " + size + " bytes but only "
                        + remaining + " remain (truncated or corrupt file)");
            } else if (id.equals("COMM")) {
                if (size < (aifc ? 22 : 18)) {
                    throw in.fail("COMM chunk too short (" + size + " bytes)");
                }
                comm = in.read(body, aifc ? 22 : 18);
            }
            pos = body + size + (size & 1);
        }
        if (comm == null) {
            throw in.fail("no COMM chunk (not a valid AIFF file)");
        }
        int channels = (short) ChunkReader.u16(comm, 0, true);
        long frames = ChunkReader.u32(comm, 2, true);
        int sampleSize = (short) ChunkReader.u16(comm, 6, true);
        double rate = extendedToDouble(comm, 8);
        AudioFormatInfo.Encoding encoding = AudioFormatInfo.Encoding.PCM_SIGNED;
        boolean bigEndian = true;
        int bits = (sampleSize + 7) / 8 * 8;
        if (aifc) {
            String type = ChunkReader.fourCc(comm, 18);
            switch (type) {
                case "NONE", "twos" -> { }
                case "sowt" -> bigEndian = false;
                case "in24" -> bits = 24;
                case "in32" -> bits = 32;
                case "fl32", "FL32" -> {
                    encoding = AudioFormatInfo.Encoding.FLOAT;
                    bits = 32;
                }
                case "fl64", "FL64" -> {
                    encoding = AudioFormatInfo.Encoding.FLOAT;
                    bits = 64;
                }
                default -> throw in.fail("unsupported AIFF-C compression '" + type
                        + "' (NONE, sowt, fl32 and fl64 are read)");
            }
        }
        if (encoding != AudioFormatInfo.Encoding.FLOAT && (sampleSize < 1 || sampleSize > 32)) {
            throw in.fail("unsupported AIFF sample size " + sampleSize + " bits");
        }
        if (!(rate > 0) || Double.isInfinite(rate) || Math.abs(rate - Math.rint(rate)) > 1e-3) {
            throw in.fail("invalid sample rate " + rate + " Hz in COMM chunk");
        }
        AudioFiles.checkChannelsAndRate(in, channels, Math.rint(rate) > Integer.MAX_VALUE ? -1 : (long) Math.rint(rate));
        AudioFormatInfo info = new AudioFormatInfo(aifc ? AudioFormatInfo.Container.AIFF_C
                : AudioFormatInfo.Container.AIFF, encoding, bits, channels, (int) Math.rint(rate), frames, bigEndian);
        if (frames > 0) {
            if (soundStart < 0) {
                throw in.fail("no SSND chunk");
            }
            long needed = frames * info.blockAlign();
            long present = Math.max(0, soundEnd - soundStart);
            if (needed > present) {
                throw in.fail("truncated sound data (COMM declares " + frames + " frames = " + needed + " bytes, "
                        + present + " present)");
            }
        }
        return new AudioFiles.Layout(info, Math.max(soundStart, 0));
    }

    /** The 80-bit IEEE 754 extended float at {@code b[p…p+9]} (sign, 15-bit exponent, 64-bit mantissa). */
    static double extendedToDouble(byte[] b, int p) {
        int se = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        int exponent = se & 0x7fff;
        long mantissa = SampleCodec.readInt(b, p + 2, 8, true);
        if (exponent == 0 && mantissa == 0) {
            return 0;
        }
        if (exponent == 0x7fff) {
            return Double.NaN;
        }
        double m = (mantissa >>> 11) * 2048.0 + (mantissa & 0x7ff); // unsigned 64-bit as double
        double v = Math.scalb(m, exponent - 16383 - 63);
        return (se & 0x8000) != 0 ? -v : v;
    }

    /** An integer rate as 80-bit extended, as AIFF writers store it. */
    static byte[] doubleToExtended(int rate) {
        byte[] b = new byte[10];
        if (rate <= 0) {
            return b;
        }
        int msb = 31 - Integer.numberOfLeadingZeros(rate);
        int exponent = 16383 + msb;
        long mantissa = ((long) rate) << (63 - msb);
        b[0] = (byte) (exponent >> 8);
        b[1] = (byte) exponent;
        SampleCodec.writeLong(b, 2, 8, mantissa, true);
        return b;
    }
}
