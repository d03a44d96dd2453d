package org.unmixer.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;

/** The bundled examples stay valid patches, and their WAVs are renders of them. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("assets/examples");
    /** The WAVs are 16-bit: one quantisation step is 2^-15; allow a few for dither-free rounding. */
    private static final double PCM16_STEP = 1.0 / 32768;

    static Stream<Path> patches() throws IOException {
        return Files.list(EXAMPLES).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("patches")
    void rendersToTheCommittedWav(Path json) throws IOException {
        Patch patch = PatchJson.standard().parse(Files.readString(json));
        AudioBuffer rendered = Renderer.render(patch, Renderer.DEFAULT_RATE);
        assertThat(rendered.isFinite()).isTrue();
        Path wav = Path.of(json.toString().replace(".json", ".wav"));
        assertThat(wav).exists();
        AudioBuffer committed = AudioFiles.read(wav).audio();
        assertThat(committed.frames()).isEqualTo(rendered.frames());
        assertThat(committed.channelCount()).isEqualTo(rendered.channelCount());
        double worst = 0;
        for (int c = 0; c < rendered.channelCount(); c++) {
            for (int i = 0; i < rendered.frames(); i++) {
                double expected = Math.max(-1, Math.min(1 - PCM16_STEP, rendered.channel(c)[i]));
                worst = Math.max(worst, Math.abs(expected - committed.channel(c)[i]));
            }
        }
        assertThat(worst).as("largest difference from a fresh render (re-render the examples after changing the DSP)")
                .isLessThanOrEqualTo(PCM16_STEP);
    }
}
