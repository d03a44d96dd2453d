package org.unmixer.app.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unmixer.app.spectrogram.SpectrogramTest.sine;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class SpectrogramImagesTest {
    private static final int RATE = Spectrogram.SAMPLE_RATE;
    private static final double HZ = 93 * RATE / (double) Spectrogram.FFT_SIZE;
    private static final int ROW = LogFrequencyAxis.AUDIBLE.rowOf(HZ);
    /** Image y of the sine's row: high frequencies are at the top. */
    private static final int Y = LogFrequencyAxis.AUDIBLE.rows() - 1 - ROW;

    /** Relative luminance (sRGB, linearised) of an ARGB colour. */
    static double luminance(int argb) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = ((argb >> (16 - 8 * i)) & 0xFF) / 255.0;
            lin[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    @Test
    void imageHasOneColumnPerFrameAndOneRowPerAxisRowWithTheSineAtItsHeight() {
        Spectrogram s = Spectrogram.of(sine(HZ, 1.0, 0.5, RATE));
        ArgbImage img = SpectrogramImages.level(s, DbScale.common(s));
        assertThat(img.width()).isEqualTo(s.frames());
        assertThat(img.height()).isEqualTo(240);
        int mid = img.width() / 2;
        assertThat(img.argb(mid, Y)).isEqualTo(Colormap.LEVEL.argb(1.0));
        assertThat(img.argb(mid, 0)).isEqualTo(Colormap.LEVEL.argb(0.0));
        assertThat(img.argb(mid, Y) >>> 24).isEqualTo(0xFF);
        assertThatThrownBy(() -> img.argb(img.width(), 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> img.argb(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void onACommonScaleTheQuieterSoundIsDarker() {
        Spectrogram loud = Spectrogram.of(sine(HZ, 1.0, 0.5, RATE));
        Spectrogram quiet = Spectrogram.of(sine(HZ, 0.1, 0.5, RATE)); // 20 dB down
        DbScale scale = DbScale.common(loud, quiet);
        int mid = loud.frames() / 2;
        int loudPx = SpectrogramImages.level(loud, scale).argb(mid, Y);
        int quietPx = SpectrogramImages.level(quiet, scale).argb(mid, Y);
        assertThat(quietPx).isEqualTo(Colormap.LEVEL.argb(scale.position(quiet.db(mid, ROW))));
        assertThat(luminance(quietPx)).isLessThan(luminance(loudPx));
        // each on its own scale, both peaks would look the same: the common scale is what tells them apart
        assertThat(SpectrogramImages.level(quiet, DbScale.common(quiet)).argb(mid, Y)).isEqualTo(loudPx);
    }

    @Test
    void widthCanBePaddedWithSilenceToMatchTheLongerSound() {
        Spectrogram s = Spectrogram.of(sine(HZ, 1.0, 0.2, RATE));
        ArgbImage img = SpectrogramImages.level(s, DbScale.common(s), s.frames() + 10);
        assertThat(img.width()).isEqualTo(s.frames() + 10);
        assertThat(img.argb(s.frames() + 5, Y)).isEqualTo(Colormap.LEVEL.argb(0));
        assertThatThrownBy(() -> SpectrogramImages.level(s, DbScale.common(s), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differenceOfIdenticalSoundsIsNeutralEverywhere() {
        Spectrogram a = Spectrogram.of(sine(HZ, 0.7, 0.4, RATE));
        Spectrogram b = Spectrogram.of(sine(HZ, 0.7, 0.4, RATE));
        ArgbImage d = SpectrogramImages.difference(a, b, DbScale.common(a, b));
        assertThat(d.argb()).containsOnly(Colormap.DIFFERENCE.neutral());
    }

    @Test
    void differenceShowsALouderRebuildOnTheWarmSideAndAMissingTailAsQuieter() {
        Spectrogram original = Spectrogram.of(sine(HZ, 0.1, 0.5, RATE));
        Spectrogram rebuild = Spectrogram.of(sine(HZ, 1.0, 0.25, RATE)); // 20 dB louder, half as long
        DbScale scale = DbScale.common(original, rebuild);
        ArgbImage d = SpectrogramImages.difference(original, rebuild, scale, 24);
        assertThat(d.width()).isEqualTo(original.frames());
        int early = rebuild.frames() / 2;
        int late = original.frames() - original.frames() / 4;
        assertThat(d.argb(early, Y)).isEqualTo(Colormap.DIFFERENCE.argb(0.5 + 20.0 / 48));
        assertThat(d.argb(late, Y)).isEqualTo(Colormap.DIFFERENCE.argb(0.0)); // original −20 dB vs silence: ≥ 24 dB quieter
    }

    @Test
    void differenceNeedsTheSameAxis() {
        Spectrogram a = Spectrogram.of(AudioBuffer.silence(1, 1024, RATE));
        Spectrogram b = Spectrogram.of(AudioBuffer.silence(1, 1024, RATE), new LogFrequencyAxis(20, 12, 120));
        assertThatThrownBy(() -> SpectrogramImages.difference(a, b, DbScale.common(a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axes");
    }

    @Test
    void levelColormapGetsBrighterAllTheWayUp() {
        double previous = -1;
        for (int i = 0; i < Colormap.SIZE; i++) {
            double l = luminance(Colormap.LEVEL.argb(i / (double) (Colormap.SIZE - 1)));
            assertThat(l).as("entry %d", i).isGreaterThan(previous);
            previous = l;
        }
    }

    @Test
    void differenceColormapIsDarkestAtItsNeutralAndBrightensBothWays() {
        assertThat(Colormap.DIFFERENCE.argb(0.5)).isEqualTo(Colormap.DIFFERENCE.neutral());
        for (int i = 1; i <= 128; i++) {
            double step = i / 256.0;
            double prevStep = (i - 1) / 256.0;
            assertThat(luminance(Colormap.DIFFERENCE.argb(0.5 + step)))
                    .isGreaterThan(luminance(Colormap.DIFFERENCE.argb(0.5 + prevStep)));
            assertThat(luminance(Colormap.DIFFERENCE.argb(0.5 - step)))
                    .isGreaterThan(luminance(Colormap.DIFFERENCE.argb(0.5 - prevStep)));
        }
        assertThat(Colormap.DIFFERENCE.argb(0)).isNotEqualTo(Colormap.DIFFERENCE.argb(1));
    }

    @Test
    void argbImageRejectsWrongSizes() {
        assertThatThrownBy(() -> new ArgbImage(new int[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArgbImage(new int[0], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
