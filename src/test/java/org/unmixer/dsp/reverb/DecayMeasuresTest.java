package org.unmixer.dsp.reverb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The measuring stick itself, on signals whose answer is known in closed form. */
class DecayMeasuresTest {
    private static final double RATE = 44_100;

    @Test
    void exponentialNoiseDecayGivesItsRt60() {
        // Gaussian noise under an envelope 10^(−3t/T) falls 60 dB in T seconds.
        double t60 = 1.5;
        int n = (int) (2 * t60 * RATE);
        float[] x = new float[n];
        Random random = new Random(7);
        for (int t = 0; t < n; t++) {
            x[t] = (float) (random.nextGaussian() * Math.pow(10, -3 * t / (t60 * RATE)));
        }
        // noise fluctuations of the fitted slope stay well below 2 % over 30 dB of decay
        assertThat(DecayMeasures.rt60Seconds(RATE, x)).isCloseTo(t60, within(0.02 * t60));
    }

    @Test
    void gaussianNoiseHasKurtosisThreeAndSparseClicksMuchMore() {
        Random random = new Random(3);
        float[] noise = new float[100_000];
        float[] clicks = new float[100_000];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = (float) random.nextGaussian();
            clicks[t] = t % 1000 == 0 ? 1 : 0;
        }
        // sampling error of the kurtosis of 1e5 Gaussian samples: σ ≈ √(24/n) ≈ 0.015
        assertThat(DecayMeasures.kurtosis(noise, 0, noise.length)).isCloseTo(3, within(0.1));
        // one click in 1000 samples: kurtosis ≈ 1/p = 1000
        assertThat(DecayMeasures.kurtosis(clicks, 0, clicks.length)).isGreaterThan(900);
    }
}
