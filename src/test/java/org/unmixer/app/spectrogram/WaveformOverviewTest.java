package org.unmixer.app.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class WaveformOverviewTest {
    private static AudioBuffer square(double seconds, float level) {
        float[] s = new float[(int) (seconds * 1000)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i / 5) % 2 == 0 ? level : -level;
        }
        return AudioBuffer.mono(s, 1000);
    }

    @Test
    void aFullScaleSquareFillsEveryColumnTopToBottom() {
        ArgbImage img = WaveformOverview.of(square(1, 1f), null, 50, 21);
        for (int x = 0; x < 50; x++) {
            assertThat(img.argb(x, 0)).isEqualTo(WaveformOverview.ORIGINAL);
            assertThat(img.argb(x, 20)).isEqualTo(WaveformOverview.ORIGINAL);
        }
    }

    @Test
    void silenceIsTheCentreLineOnlyAndBothSoundsShareOneScale() {
        ArgbImage silent = WaveformOverview.of(AudioBuffer.mono(new float[1000], 1000), null, 10, 21);
        assertThat(silent.argb(5, 10)).isEqualTo(WaveformOverview.ORIGINAL);
        assertThat(silent.argb(5, 9)).isEqualTo(WaveformOverview.BACKGROUND);
        // A quiet original alone fills the strip; beside a rebuild twice as loud it takes half.
        ArgbImage alone = WaveformOverview.of(square(1, 0.25f), null, 10, 21);
        assertThat(alone.argb(5, 0)).isEqualTo(WaveformOverview.ORIGINAL);
        ArgbImage beside = WaveformOverview.of(square(1, 0.25f), square(1, 0.5f), 10, 21);
        int both = WaveformOverview.blend(WaveformOverview.REBUILD, WaveformOverview.ORIGINAL);
        int rebuildOnly = WaveformOverview.blend(WaveformOverview.REBUILD, WaveformOverview.BACKGROUND);
        assertThat(beside.argb(5, 5)).isEqualTo(both);
        assertThat(beside.argb(5, 0)).isEqualTo(rebuildOnly);
        assertThat(beside.argb(5, 4)).isEqualTo(rebuildOnly);
    }

    @Test
    void theRebuildIsBlendedOverTheOriginalOnTheLongerTimeAxis() {
        // Original 1 s, rebuild 2 s: the original fills the left half only; the rebuild all of it.
        ArgbImage img = WaveformOverview.of(square(1, 1f), square(2, 1f), 20, 11);
        int both = WaveformOverview.blend(WaveformOverview.REBUILD, WaveformOverview.ORIGINAL);
        int rebuildOnly = WaveformOverview.blend(WaveformOverview.REBUILD, WaveformOverview.BACKGROUND);
        assertThat(img.argb(3, 0)).isEqualTo(both);
        assertThat(img.argb(15, 0)).isEqualTo(rebuildOnly);
        assertThat(both).isNotEqualTo(rebuildOnly);
    }

    @Test
    void blendingIsExactAtTheEnds() {
        assertThat(WaveformOverview.blend(0xFF123456, 0xFF000000)).isEqualTo(0xFF123456);
        assertThat(WaveformOverview.blend(0x00FFFFFF, 0xFF102030)).isEqualTo(0xFF102030);
        assertThatThrownBy(() -> WaveformOverview.of(square(1, 1f), null, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
