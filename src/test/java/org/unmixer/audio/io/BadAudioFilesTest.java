package org.unmixer.audio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad file gives an {@link AudioFileException} with one line naming the file and the problem. */
class BadAudioFilesTest {
    @TempDir
    Path dir;

    private String failure(String name, Bytes content) {
        Path file = dir.resolve(name);
        AudioFilesRoundTripTest.write(file, content);
        return failure(file);
    }

    private static String failure(Path file) {
        Throwable t = catchThrowable(() -> AudioFiles.read(file));
        assertThat(t).isInstanceOf(AudioFileException.class);
        String message = t.getMessage();
        assertThat(message).doesNotContain("\n").doesNotContain("\r").startsWith(file.getFileName() + ": ");
        return message;
    }

    @Test
    void zeroBytes() {
        assertThat(failure("empty.wav", Bytes.le())).contains("empty file (0 bytes)");
    }

    @Test
    void truncatedHeader() {
        assertThat(failure("short.wav", Bytes.le().ascii("RIFF").u32(100))).contains("truncated header");
        // cut inside the fmt chunk
        byte[] full = Bytes.wavHeader(1, 2, 44_100, 16, 4, true).toArray();
        assertThat(failure("cut.wav", Bytes.le().raw(java.util.Arrays.copyOf(full, 30)))).contains("truncated");
    }

    @Test
    void truncatedDataSaysHowMuchWasDeclaredAndPresent() {
        String m = failure("song.wav", Bytes.wavHeader(1, 2, 44_100, 16, 1_000_000, true).zeros(312));
        assertThat(m).isEqualTo("song.wav: truncated data chunk (declares 1000000 bytes, 312 present)");
    }

    @Test
    void wrongMagic() {
        assertThat(failure("text.wav", Bytes.le().ascii("hello, this is not audio")))
                .contains("not a WAV or AIFF file").contains("68 65 6C 6C");
        assertThat(failure("avi.wav", Bytes.le().ascii("RIFF").u32(4).ascii("AVI ").zeros(8)))
                .contains("type 'AVI '");
    }

    @Test
    void absurdChunkSize() {
        Bytes b = Bytes.le().ascii("RIFF").u32(0).ascii("WAVE");
        b.ascii("LIST").u32(0x7FFFFFF0L).zeros(16);
        assertThat(failure("absurd.wav", b)).contains("chunk 'LIST'").contains("declares 2147483632 bytes");
        Bytes fmt = Bytes.le().ascii("RIFF").u32(0).ascii("WAVE").ascii("fmt ").u32(0xFFFFFFF0L).zeros(40);
        assertThat(failure("absurdfmt.wav", fmt)).contains("chunk 'fmt '").contains("declares");
    }

    @Test
    void garbageChunkHeader() {
        Bytes b = Bytes.le().ascii("RIFF").u32(0).ascii("WAVE").u8(0, 1, 2, 3).u32(4).zeros(4);
        assertThat(failure("garbage.wav", b)).contains("corrupt chunk header at byte 12");
    }

    @Test
    void mp3RenamedToWav() {
        assertThat(failure("id3.wav", Bytes.le().ascii("ID3").u8(4, 0, 0).zeros(20)))
                .endsWith("looks like an MP3 file, not WAV/AIFF");
        assertThat(failure("frame.wav", Bytes.le().u8(0xFF, 0xFB, 0x90, 0x64).zeros(20)))
                .endsWith("looks like an MP3 file, not WAV/AIFF");
        assertThat(failure("flac.wav", Bytes.le().ascii("fLaC").zeros(20))).contains("FLAC");
    }

    @Test
    void mpegInsideWav() {
        assertThat(failure("mpeg.wav", Bytes.wavHeader(0x55, 2, 44_100, 16, 4, true).zeros(4)))
                .contains("MPEG audio").contains("0x0055");
    }

    @Test
    void nanAndInfinityFloatSamplesAreRejectedByName() {
        Bytes nan = Bytes.wavHeader(3, 2, 44_100, 32, 16, true).f32(0f).f32(0f).f32(0.5f).f32(Float.NaN);
        assertThat(failure("nan.wav", nan)).contains("NaN").contains("frame 1").contains("channel 2");
        Bytes inf = Bytes.wavHeader(3, 1, 44_100, 32, 8, true).f32(Float.NEGATIVE_INFINITY).f32(0f);
        assertThat(failure("inf.wav", inf)).contains("-Infinity").contains("frame 0");
    }

    @Test
    void zeroChannels() {
        Bytes b = Bytes.le().ascii("RIFF").u32(0).ascii("WAVE");
        b.ascii("fmt ").u32(16).u16(1).u16(0).u32(44_100).u32(0).u16(0).u16(16).ascii("data").u32(0);
        assertThat(failure("nochan.wav", b)).contains("0 channels");
        Bytes aiff = aiff(0, 10, 16, 44_100);
        assertThat(failure("nochan.aif", aiff)).contains("0 channels");
    }

    @Test
    void aBillionDeclaredFramesFailsBeforeAllocating() {
        // WAV: 8-bit mono, 10^9 frames declared, 100 bytes present
        assertThat(failure("billion.wav", Bytes.wavHeader(1, 1, 44_100, 8, 1_000_000_000L, true).zeros(100)))
                .contains("truncated data chunk (declares 1000000000 bytes, 100 present)");
        // AIFF: COMM declares 10^9 stereo 16-bit frames
        assertThat(failure("billion.aif", aiff(2, 1_000_000_000L, 16, 44_100)))
                .contains("truncated sound data (COMM declares 1000000000 frames");
    }

    @Test
    void longerThanThirtyMinutesIsRejectedBeforeDecoding() throws IOException {
        // streaming-style header over a sparse file of 31 min of 8 kHz 8-bit mono
        Path file = dir.resolve("long.wav");
        AudioFilesRoundTripTest.write(file, Bytes.wavHeader(1, 1, 8_000, 8, 0xFFFFFFFFL, true));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(44 + 31L * 60 * 8_000);
        }
        assertThat(failure(file)).contains("too long: 31.0 min").contains("30 min");
        assertThat(AudioFiles.readFormat(file).frames()).isEqualTo(31L * 60 * 8_000);
    }

    @Test
    void sampleRateOutsideRange() {
        assertThat(failure("slow.wav", Bytes.wavHeader(1, 1, 4_000, 16, 2, true).zeros(2)))
                .contains("sample rate 4000 Hz is outside 8000–192000 Hz");
        assertThat(failure("fast.aif", aiff(1, 1, 16, 384_000))).contains("sample rate 384000 Hz");
    }

    @Test
    void noFramesAndMissingChunks() {
        assertThat(failure("nodata.wav", Bytes.wavHeader(1, 1, 44_100, 16, 0, false))).contains("no data chunk");
        Bytes noFmt = Bytes.le().ascii("RIFF").u32(12).ascii("WAVE").ascii("data").u32(2).zeros(2);
        assertThat(failure("nofmt.wav", noFmt)).contains("no fmt chunk");
        assertThat(failure("zero.wav", Bytes.wavHeader(1, 1, 44_100, 16, 0, true))).contains("no audio frames");
    }

    @Test
    void unsupportedEncodings() {
        assertThat(failure("adpcm.wav", Bytes.wavHeader(2, 1, 44_100, 4, 4, true).zeros(4)))
                .contains("format tag 0x0002 (MS ADPCM)");
        assertThat(failure("12bit.wav", Bytes.wavHeader(1, 1, 44_100, 12, 4, true).zeros(4)))
                .contains("bit depth 12");
    }

    @Test
    void missingFile() {
        Throwable t = catchThrowable(() -> AudioFiles.read(dir.resolve("absent.wav")));
        assertThat(t).isInstanceOf(AudioFileException.class).hasMessageEndingWith("absent.wav: no such file");
    }

    /** An AIFF whose COMM says what the arguments say, with 4 bytes of sound data. */
    private static Bytes aiff(int channels, long frames, int bits, int rate) {
        Bytes b = Bytes.be().ascii("FORM").u32(0).ascii("AIFF");
        b.ascii("COMM").u32(18).u16(channels).u32(frames).u16(bits).raw(AiffHeader.doubleToExtended(rate));
        b.ascii("SSND").u32(12).u32(0).u32(0).zeros(4);
        return b;
    }
}
