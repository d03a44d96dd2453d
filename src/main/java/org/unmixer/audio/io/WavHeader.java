package org.unmixer.audio.io;

import java.io.IOException;

/**
 * Parses a RIFF/WAVE header: walks the chunks (unknown ones and the odd-size pad byte skipped),
 * reads {@code fmt } (PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE with PCM/float subformat) and locates
 * {@code data}. Follows the Microsoft RIFF/WAVE and WAVEFORMATEXTENSIBLE documentation.
 *
 * <p>Truncation policy: a data chunk that declares more bytes than the file holds is an error
 * ("truncated data chunk"), except the streaming convention where the declared size is 0 or
 * 0xFFFFFFFF: then the data runs to the end of the file (whole frames only). A trailing partial frame
 * is ignored. The RIFF size field is not trusted (many writers get it wrong); the real file length
 * is.
 */
final class WavHeader {
    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT GUIDs (the first two hold the tag). */
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };
    /** A fmt chunk longer than this is not a real fmt chunk. */
    private static final long MAX_FMT_BYTES = 1 << 16;

    private WavHeader() {}

    static AudioFiles.Layout parse(ChunkReader in) throws IOException {
        long pos = 12;
        AudioFormatInfo fmt = null;
        long dataOffset = -1;
        long dataBytes = -1;
        while (pos + 8 <= in.size) {
            byte[] h = in.read(pos, 8);
            if (!ChunkReader.isPrintableId(h, 0)) {
                if (fmt != null && dataOffset >= 0) {
                    break; // trailing junk after the audio: harmless
                }
                throw in.fail("corrupt chunk header at byte " + pos);
            }
            String id = ChunkReader.fourCc(h, 0);
            long size = ChunkReader.u32(h, 4, false);
            long body = pos + 8;
            long remaining = in.size - body;
            if (id.equals("data")) {
                dataOffset = body;
                if (size == 0 || size == 0xFFFFFFFFL) {
                    dataBytes = remaining; // streaming-style header: data runs to the end of the file
                    break;
                }
                if (size > remaining) {
                    throw in.fail("truncated data chunk (declares " + size + " bytes, " + remaining + " present)");
                }
                dataBytes = size;
                if (fmt != null) {
                    break;
                }
            } else if (size > remaining) {
                if (fmt != null && dataOffset >= 0) {
                    break;
                }
                throw in.fail("chunk '" + id + "' at byte " + pos + " declares " + size + " bytes but only "
                        + remaining + " remain (truncated or corrupt file)");
            } else if (id.equals("fmt ")) {
                if (size < 16) {
                    throw in.fail("fmt chunk too short (" + size + " bytes, need 16)");
                }
                if (size > MAX_FMT_BYTES) {
                    throw in.fail("fmt chunk size " + size + " is absurd");
                }
                fmt = parseFmt(in, in.read(body, (int) size));
            }
            pos = body + size + (size & 1);
        }
        if (fmt == null) {
            throw in.fail("no fmt chunk (not a valid WAV file)");
        }
        if (dataOffset < 0) {
            throw in.fail("no data chunk");
        }
        long frames = dataBytes / fmt.blockAlign();
        AudioFormatInfo info = new AudioFormatInfo(fmt.container(), fmt.encoding(), fmt.bits(), fmt.channels(),
                fmt.sampleRate(), frames, false);
        return new AudioFiles.Layout(info, dataOffset);
    }

    private static AudioFormatInfo parseFmt(ChunkReader in, byte[] b) {
        int tag = ChunkReader.u16(b, 0, false);
        int channels = ChunkReader.u16(b, 2, false);
        long rate = ChunkReader.u32(b, 4, false);
        int blockAlign = ChunkReader.u16(b, 12, false);
        int bits = ChunkReader.u16(b, 14, false);
        if (tag == FORMAT_EXTENSIBLE) {
            if (b.length < 40) {
                throw in.fail("WAVE_FORMAT_EXTENSIBLE fmt chunk too short (" + b.length + " bytes, need 40)");
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (b[26 + i] != GUID_TAIL[i]) {
                    throw in.fail("unsupported WAVE_FORMAT_EXTENSIBLE subformat (not PCM or IEEE float)");
                }
            }
            tag = ChunkReader.u16(b, 24, false);
        }
        AudioFormatInfo.Encoding encoding;
        if (tag == FORMAT_PCM) {
            if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw in.fail("unsupported PCM bit depth " + bits + " (8, 16, 24 or 32 are read)");
            }
            encoding = bits == 8 ? AudioFormatInfo.Encoding.PCM_UNSIGNED : AudioFormatInfo.Encoding.PCM_SIGNED;
        } else if (tag == FORMAT_FLOAT) {
            if (bits != 32 && bits != 64) {
                throw in.fail("unsupported float bit depth " + bits + " (32 or 64 are read)");
            }
            encoding = AudioFormatInfo.Encoding.FLOAT;
        } else if (tag == 0x0055 || tag == 0x0050) {
            throw in.fail("WAV holds MPEG audio (format tag 0x" + hex(tag) + "), not PCM; convert it to PCM WAV");
        } else {
            throw in.fail("unsupported WAV encoding " + tagName(tag) + "; only PCM and IEEE float are read");
        }
        AudioFiles.checkChannelsAndRate(in, channels, rate);
        if (blockAlign != channels * (bits / 8)) {
            throw in.fail("inconsistent fmt chunk (block align " + blockAlign + ", expected "
                    + channels * (bits / 8) + " for " + channels + " ch × " + bits + " bits)");
        }
        return new AudioFormatInfo(AudioFormatInfo.Container.WAV, encoding, bits, channels, (int) rate, 0, false);
    }

    private static String tagName(int tag) {
        String name = switch (tag) {
            case 0x0002 -> " (MS ADPCM)";
            case 0x0006 -> " (A-law)";
            case 0x0007 -> " (µ-law)";
            case 0x0011 -> " (IMA ADPCM)";
            default -> "";
        };
        return "format tag 0x" + hex(tag) + name;
    }

    private static String hex(int tag) {
        return String.format("%04X", tag);
    }
}
