package org.unmixer.audio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unmixer.audio.AudioBuffer;

class AudioFilesRoundTripTest {
    @TempDir
    Path dir;

    /** Samples every format represents exactly: k / 2^(bits−1) for integer formats, any float otherwise. */
    static AudioBuffer representable(SampleFormat format, int channels, int frames, int rate, long seed) {
        Random random = new Random(seed);
        float[][] ch = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                if (format.isFloat()) {
                    ch[c][i] = (float) (random.nextGaussian() * 0.5);
                } else {
                    int bits = Math.min(format.bits(), 24); // a float holds 24 significant bits
                    long k = random.nextInt(1 << bits) - (1L << (bits - 1));
                    ch[c][i] = (float) (k / Math.scalb(1.0, bits - 1));
                }
            }
            ch[c][0] = -1f; // full-scale negative is exact in every format
        }
        return new AudioBuffer(ch, rate);
    }

    static Stream<Arguments> formatsAndChannels() {
        return Stream.of(SampleFormat.values())
                .flatMap(f -> Stream.of(1, 2, 6).map(c -> Arguments.of(f, c)));
    }

    @ParameterizedTest
    @MethodSource("formatsAndChannels")
    void wavRoundTripIsBitExact(SampleFormat format, int channels) {
        AudioBuffer audio = representable(format, channels, 1001, 48_000, format.ordinal() * 10L + channels);
        Path file = dir.resolve("t.wav");
        WavWriter.write(file, audio, format);
        DecodedAudio back = AudioFiles.read(file);
        assertThat(back.audio()).isEqualTo(audio);
        AudioFormatInfo info = back.format();
        assertThat(info.container()).isEqualTo(AudioFormatInfo.Container.WAV);
        assertThat(info.encoding()).isEqualTo(format.encoding());
        assertThat(info.bits()).isEqualTo(format.bits());
        assertThat(info.channels()).isEqualTo(channels);
        assertThat(info.sampleRate()).isEqualTo(48_000);
        assertThat(info.frames()).isEqualTo(1001);
        assertThat(AudioFiles.readFormat(file)).isEqualTo(info);
    }

    @ParameterizedTest
    @MethodSource("formatsAndChannels")
    void aiffRoundTripIsBitExact(SampleFormat format, int channels) {
        AudioBuffer audio = representable(format, channels, 777, 22_050, format.ordinal() * 7L + channels);
        Path file = dir.resolve("t.aif");
        AiffWriter.write(file, audio, format);
        DecodedAudio back = AudioFiles.read(file);
        assertThat(back.audio()).isEqualTo(audio);
        assertThat(back.format().container())
                .isEqualTo(format.isFloat() ? AudioFormatInfo.Container.AIFF_C : AudioFormatInfo.Container.AIFF);
        assertThat(back.format().sampleRate()).isEqualTo(22_050);
        assertThat(back.format().bigEndian()).isTrue();
    }

    @Test
    void wavHeaderIsPlainUpToTwoChannelsAndExtensibleBeyond() throws IOException {
        Path stereo = dir.resolve("s.wav");
        Path six = dir.resolve("6.wav");
        WavWriter.write(stereo, AudioBuffer.silence(2, 10, 44_100), SampleFormat.PCM_24);
        WavWriter.write(six, AudioBuffer.silence(6, 10, 44_100), SampleFormat.PCM_24);
        byte[] s = Files.readAllBytes(stereo);
        byte[] m = Files.readAllBytes(six);
        assertThat(s[20] & 0xff).isEqualTo(1);
        assertThat((m[20] & 0xff) | (m[21] & 0xff) << 8).isEqualTo(0xFFFE);
        assertThat(s.length).isEqualTo(44 + 10 * 2 * 3);
    }

    @Test
    void integerConversionDividesByTwoToTheBitsMinusOneAndClampsOnWrite() {
        // 16-bit codes −32768, −1, 0, 1, 32767 decode to k / 32768
        Path file = dir.resolve("codes.wav");
        Bytes b = Bytes.wavHeader(1, 1, 8_000, 16, 10, true);
        for (int k : new int[] {-32768, -1, 0, 1, 32767}) {
            b.u16(k);
        }
        write(file, b);
        float[] got = AudioFiles.read(file).audio().channel(0);
        assertThat(got).containsExactly(-1f, -1f / 32768, 0f, 1f / 32768, 32767f / 32768);

        // +1.0 and beyond clamp to the largest code; half a step rounds to even (Math.rint)
        float[] in = {1f, 1.5f, -2f, 0.5f / 32768, 1.5f / 32768};
        WavWriter.write(file, AudioBuffer.mono(in, 8_000), SampleFormat.PCM_16);
        float[] back = AudioFiles.read(file).audio().channel(0);
        assertThat(back).containsExactly(32767f / 32768, 32767f / 32768, -1f, 0f, 2f / 32768);
    }

    @Test
    void unsignedEightBitIsCentredOn128() {
        Path file = dir.resolve("u8.wav");
        write(file, Bytes.wavHeader(1, 1, 8_000, 8, 3, true).u8(0, 128, 255).u8(0)); // + pad byte
        assertThat(AudioFiles.read(file).audio().channel(0)).containsExactly(-1f, 0f, 127f / 128);
    }

    @Test
    void unknownChunksAndOddSizePaddingAreSkipped() {
        Path file = dir.resolve("chunks.wav");
        Bytes b = Bytes.le().ascii("RIFF").u32(0).ascii("WAVE"); // RIFF size deliberately wrong: not trusted
        b.ascii("junk").u32(3).u8(1, 2, 3).u8(0); // odd size + pad byte
        b.ascii("fmt ").u32(16).u16(1).u16(2).u32(44_100).u32(44_100 * 4).u16(4).u16(16);
        b.ascii("LIST").u32(5).ascii("INFOx").u8(0);
        b.ascii("data").u32(8).u16(0x4000).u16(0xC000).u16(0x2000).u16(0xE000);
        b.ascii("id3 ").u32(2).u8(0, 0); // trailing chunk after data
        write(file, b);
        AudioBuffer audio = AudioFiles.read(file).audio();
        assertThat(audio.channel(0)).containsExactly(0.5f, 0.25f);
        assertThat(audio.channel(1)).containsExactly(-0.5f, -0.25f);
    }

    @Test
    void waveFormatExtensibleWithFloatSubformatIsRead() {
        Path file = dir.resolve("ext.wav");
        Bytes b = Bytes.le().ascii("RIFF").u32(0).ascii("WAVE");
        b.ascii("fmt ").u32(40).u16(0xFFFE).u16(1).u32(96_000).u32(96_000 * 4).u16(4).u16(32);
        b.u16(22).u16(32).u32(4).u16(3).u8(0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71);
        b.ascii("data").u32(8).f32(0.125f).f32(-3.5f);
        write(file, b);
        DecodedAudio d = AudioFiles.read(file);
        assertThat(d.audio().channel(0)).containsExactly(0.125f, -3.5f);
        assertThat(d.format().encoding()).isEqualTo(AudioFormatInfo.Encoding.FLOAT);
        assertThat(d.format().sampleRate()).isEqualTo(96_000);
    }

    @Test
    void streamingStyleDataSizeReadsToTheEndOfTheFile() {
        for (long declared : new long[] {0L, 0xFFFFFFFFL}) {
            Path file = dir.resolve("stream" + declared + ".wav");
            Bytes b = Bytes.wavHeader(1, 1, 8_000, 16, declared, true).u16(0x4000).u16(0x2000).u8(7); // + half frame
            write(file, b);
            assertThat(AudioFiles.read(file).audio().channel(0)).containsExactly(0.5f, 0.25f);
        }
    }

    @Test
    void aiffCSowtIsLittleEndianPcm() {
        Path file = dir.resolve("sowt.aifc");
        Bytes comm = Bytes.be().u16(1).u32(2).u16(16).raw(AiffHeader.doubleToExtended(44_100)).ascii("sowt").u8(0, 0);
        Bytes b = Bytes.be().ascii("FORM").u32(0).ascii("AIFC");
        b.ascii("COMM").u32(comm.size()).raw(comm.toArray());
        b.ascii("SSND").u32(12).u32(0).u32(0).u8(0x00, 0x40, 0x00, 0xE0); // 0x4000, 0xE000 little-endian
        write(file, b);
        DecodedAudio d = AudioFiles.read(file);
        assertThat(d.audio().channel(0)).containsExactly(0.5f, -0.25f);
        assertThat(d.format().bigEndian()).isFalse();
    }

    @Test
    void extendedFloatRateConversionIsExactForCommonRates() {
        for (int rate : new int[] {8_000, 11_025, 22_050, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000}) {
            assertThat(AiffHeader.extendedToDouble(AiffHeader.doubleToExtended(rate), 0)).isEqualTo(rate);
        }
        // 44 100 Hz as Apple's tools write it: 40 0E AC 44 00 00 00 00 00 00
        byte[] known = {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        assertThat(AiffHeader.extendedToDouble(known, 0)).isEqualTo(44_100.0);
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("out.wav");
        WavWriter.write(file, AudioBuffer.silence(1, 100, 44_100), SampleFormat.PCM_16);
        WavWriter.write(file, AudioBuffer.silence(2, 50, 44_100), SampleFormat.FLOAT_32);
        assertThat(AudioFiles.read(file).audio().channelCount()).isEqualTo(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writingIntoAMissingDirectoryFailsWithOneLine() {
        Path file = dir.resolve("no/such/dir/out.wav");
        assertThatThrownBy(() -> WavWriter.write(file, AudioBuffer.silence(1, 10, 44_100), SampleFormat.PCM_16))
                .isInstanceOf(AudioFileException.class)
                .hasMessageContaining("cannot write")
                .hasMessageNotContaining("\n");
    }

    @Test
    void writerRefusesNonFiniteSamples() {
        AudioBuffer nan = AudioBuffer.mono(new float[] {0f, Float.NaN}, 44_100);
        assertThatThrownBy(() -> WavWriter.write(dir.resolve("n.wav"), nan, SampleFormat.FLOAT_32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    static void write(Path file, Bytes b) {
        try {
            Files.write(file, b.toArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
