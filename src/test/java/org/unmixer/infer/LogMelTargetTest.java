package org.unmixer.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.params.BadInputException;

class LogMelTargetTest {
    private static final int RATE = 44_100;

    @Test
    void givesTheSameDistanceAsTheOneShotMethodForEqualShorterAndLongerRenders() {
        AudioBuffer target = noise(1, 20_000, 0.3);
        LogMelTarget cached = new LogMelTarget(target);
        for (int frames : new int[] {20_000, 12_345, 31_000, 20_000}) {
            AudioBuffer estimate = noise(2, frames, 0.1 + frames * 1e-6);
            assertThat(cached.distance(estimate)).isEqualTo(LevelMatchedEstimator.logMelDistance(estimate, target));
        }
        assertThat(cached.distance(target)).isZero();
    }

    @Test
    void refusesAnotherRate() {
        LogMelTarget cached = new LogMelTarget(noise(1, 4096, 0.5));
        assertThatThrownBy(() -> cached.distance(new AudioBuffer(new float[][] {new float[4096]}, 48_000)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("different rates");
    }

    private static AudioBuffer noise(long seed, int frames, double amplitude) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] ch = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            ch[0][i] = (float) (amplitude * (2 * r.nextDouble() - 1));
            ch[1][i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        }
        return new AudioBuffer(ch, RATE);
    }
}
