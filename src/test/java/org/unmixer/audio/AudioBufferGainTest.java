package org.unmixer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AudioBufferGainTest {
    @Test
    void gainInDecibelsScalesEveryChannelAndLeavesTheOriginalAlone() {
        AudioBuffer a = new AudioBuffer(new float[][] {{0.5f, -0.25f}, {0.1f, 0f}}, 44_100);
        AudioBuffer louder = a.withGainDb(20 * Math.log10(2));
        assertThat(louder.channel(0)).containsExactly(new float[] {1.0f, -0.5f}, within(1e-6f));
        assertThat(louder.channel(1)).containsExactly(new float[] {0.2f, 0f}, within(1e-6f));
        assertThat(louder.sampleRate()).isEqualTo(44_100);
        assertThat(a.channel(0)).containsExactly(0.5f, -0.25f);
        assertThat(a.withGainDb(0)).isEqualTo(a);
        // The integrated loudness moves by exactly the gain, and +6 dB then −6 dB is the identity.
        float[] tone = new float[44_100];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.2 * Math.sin(2 * Math.PI * 440 * i / 44_100.0));
        }
        AudioBuffer sine = AudioBuffer.mono(tone, 44_100);
        assertThat(Loudness.integratedLufs(sine.withGainDb(-7.5)) - Loudness.integratedLufs(sine)).isCloseTo(-7.5, within(1e-4));
        assertThat(sine.withGainDb(6).withGainDb(-6).channel(0)).containsExactly(tone, within(1e-6f));
    }
}
