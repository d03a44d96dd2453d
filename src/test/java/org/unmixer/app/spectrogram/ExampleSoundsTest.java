package org.unmixer.app.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.io.AudioFiles;

/** The shipped example WAVs go through the whole picture path as the window will drive it. */
class ExampleSoundsTest {
    private static AudioBuffer example(String name) {
        return AudioFiles.read(Path.of("assets/examples", name)).audio();
    }

    @Test
    void padAndPluckSideBySideShareOneScaleAndOneWidth() {
        AudioBuffer pad = example("pad.wav");
        AudioBuffer pluck = example("pluck.wav");
        Spectrogram a = Spectrogram.of(pad);
        Spectrogram b = Spectrogram.of(pluck);
        assertThat(a.frames()).isEqualTo(1 + (int) Math.round(pad.seconds() * Spectrogram.SAMPLE_RATE) / Spectrogram.HOP);
        DbScale scale = DbScale.common(a, b);
        assertThat(scale.maxDb()).isBetween(-60.0, 0.0);
        int width = Math.max(a.frames(), b.frames());
        ArgbImage left = SpectrogramImages.level(a, scale, width);
        ArgbImage right = SpectrogramImages.level(b, scale, width);
        ArgbImage diff = SpectrogramImages.difference(a, b, scale);
        assertThat(left.width()).isEqualTo(right.width()).isEqualTo(diff.width()).isEqualTo(width);
        assertThat(left.argb()).contains(Colormap.LEVEL.argb(scale.position(a.maxDb())));
        assertThat(right.argb()).contains(Colormap.LEVEL.argb(scale.position(b.maxDb())));
        assertThat(diff.argb()).contains(Colormap.DIFFERENCE.argb(0.0));
    }
}
