package org.unmixer.audio.io;

/** Sample formats the writers produce. */
public enum SampleFormat {
    /** 8-bit unsigned integer (WAV convention; AIFF stores 8 bits signed). */
    PCM_U8(8, AudioFormatInfo.Encoding.PCM_UNSIGNED),
    PCM_16(16, AudioFormatInfo.Encoding.PCM_SIGNED),
    PCM_24(24, AudioFormatInfo.Encoding.PCM_SIGNED),
    PCM_32(32, AudioFormatInfo.Encoding.PCM_SIGNED),
    FLOAT_32(32, AudioFormatInfo.Encoding.FLOAT),
    FLOAT_64(64, AudioFormatInfo.Encoding.FLOAT);

    private final int bits;
    private final AudioFormatInfo.Encoding encoding;

    SampleFormat(int bits, AudioFormatInfo.Encoding encoding) {
        this.bits = bits;
        this.encoding = encoding;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    public AudioFormatInfo.Encoding encoding() {
        return encoding;
    }

    public boolean isFloat() {
        return encoding == AudioFormatInfo.Encoding.FLOAT;
    }
}
