package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The list of bad files: each one gives exit code 2 and exactly one line that names the
 * problem, never a stack trace or an OutOfMemoryError.
 */
class BadAudioFilesTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> badFiles() {
        byte[] good = wav((short) 1, (short) 2, 44_100, (short) 16, new byte[400]);
        ByteBuffer nanFloat = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        nanFloat.putFloat(0.5f).putFloat(Float.NaN).putFloat(0f).putFloat(Float.POSITIVE_INFINITY);
        byte[] hugeDeclared = wav((short) 1, (short) 2, 44_100, (short) 16, new byte[400]);
        ByteBuffer.wrap(hugeDeclared).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1_000_000_000 * 4);
        byte[] absurdChunk = wav((short) 1, (short) 2, 44_100, (short) 16, new byte[400]);
        ByteBuffer.wrap(absurdChunk).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x7FFF_FFF0); // fmt chunk size
        byte[] mp3 = new byte[600];
        mp3[0] = 'I';
        mp3[1] = 'D';
        mp3[2] = '3';
        mp3[3] = 4;
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 'J';
        return Stream.of(
                Arguments.of("zero-bytes.wav", new byte[0]),
                Arguments.of("truncated-header.wav", Arrays.copyOf(good, 20)),
                Arguments.of("truncated-data.wav", Arrays.copyOf(good, 44 + 100)),
                Arguments.of("wrong-magic.wav", wrongMagic),
                Arguments.of("absurd-chunk.wav", absurdChunk),
                Arguments.of("mp3-renamed.wav", mp3),
                Arguments.of("nan-float.wav", wav((short) 3, (short) 1, 44_100, (short) 32, nanFloat.array())),
                Arguments.of("zero-channels.wav", wav((short) 1, (short) 0, 44_100, (short) 16, new byte[400])),
                Arguments.of("billion-frames.wav", hugeDeclared));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void infoRefusesWithOneLine(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        CliRunner r = CliRunner.run("info", file.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("unmixer info: ").doesNotContain("Exception", "\tat ", "OutOfMemory");
        assertThat(r.out()).isEmpty();
    }

    /** A canonical 44-byte-header WAV. */
    static byte[] wav(short formatTag, short channels, int rate, short bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = Math.max(1, channels) * bits / 8;
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort(formatTag).putShort(channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort(bits);
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }
}
