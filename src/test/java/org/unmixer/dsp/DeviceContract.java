package org.unmixer.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.params.DeviceSettings;

/**
 * What every {@link Effect} must do, whatever its maths. A device's test class implements this
 * interface in a few lines and inherits the tests.
 */
public interface DeviceContract {
    int RATE = 44_100;

    /** The device under test. */
    Effect effect();

    /** Settings far from neutral, so the contract runs through the device's real processing. */
    DeviceSettings typicalSettings();

    /** True when the device makes sound from silence (self-oscillation, noise); skips that test. */
    default boolean makesSoundFromSilence() {
        return false;
    }

    /** A stereo test signal: a decaying noise burst plus a 220 Hz tone, 0.6 s, seeded. */
    static AudioBuffer testSignal() {
        int n = (int) (0.6 * RATE);
        Random random = new Random(42);
        float[][] ch = new float[2][n];
        for (int i = 0; i < n; i++) {
            double env = Math.exp(-i / (0.1 * RATE));
            double tone = 0.4 * Math.sin(2 * Math.PI * 220 * i / RATE);
            ch[0][i] = (float) (0.5 * env * random.nextGaussian() * 0.5 + tone);
            ch[1][i] = (float) (0.5 * env * random.nextGaussian() * 0.5 + 0.8 * tone);
        }
        return new AudioBuffer(ch, RATE);
    }

    @Test
    default void keepsLengthChannelsAndRate() {
        AudioBuffer in = testSignal();
        AudioBuffer out = effect().render(in, typicalSettings());
        assertThat(out.frames()).isEqualTo(in.frames());
        assertThat(out.channelCount()).isEqualTo(in.channelCount());
        assertThat(out.sampleRate()).isEqualTo(in.sampleRate());
    }

    @Test
    default void outputIsFiniteAndAudible() {
        AudioBuffer out = effect().render(testSignal(), typicalSettings());
        assertThat(out.isFinite()).isTrue();
        assertThat(out.peak()).isGreaterThan(1e-4f).isLessThan(100f);
    }

    @Test
    default void isDeterministic() {
        AudioBuffer a = effect().render(testSignal(), typicalSettings());
        AudioBuffer b = effect().render(testSignal(), typicalSettings());
        assertThat(a).isEqualTo(b);
    }

    @Test
    default void leavesItsInputAlone() {
        AudioBuffer in = testSignal();
        AudioBuffer before = in.copy();
        effect().render(in, typicalSettings());
        assertThat(in).isEqualTo(before);
    }

    @Test
    default void silenceInGivesSilenceOut() {
        assumeFalse(makesSoundFromSilence(), "the device makes sound from silence");
        AudioBuffer out = effect().render(AudioBuffer.silence(2, RATE / 2, RATE), typicalSettings());
        assertThat(out.peak()).isLessThan(1e-6f);
    }

    /** With Dry/Wet at 0 % the device passes its input through unchanged (within float rounding). */
    @Test
    default void dryWetZeroIsIdentity() {
        DeviceSettings s = typicalSettings();
        assumeTrue(s.device().indexOf("Dry/Wet") >= 0, s.device().name() + " has no Dry/Wet");
        AudioBuffer in = testSignal();
        AudioBuffer out = effect().render(in, s.with("Dry/Wet", 0.0));
        for (int c = 0; c < in.channelCount(); c++) {
            for (int i = 0; i < in.frames(); i++) {
                assertThat(out.channel(c)[i]).isCloseTo(in.channel(c)[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
