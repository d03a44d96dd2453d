package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class MultiResolutionStftDistanceTest {
    private static final int RATE = 44_100;

    @Test
    void standardResolutionsAreTheSixHannSizesWithQuarterHop() {
        MultiResolutionStftDistance d = MultiResolutionStftDistance.standard();
        assertThat(d.resolutions()).extracting(r -> r.stft().fftSize()).containsExactly(2048, 1024, 512, 256, 128, 64);
        assertThat(d.resolutions()).allSatisfy(r -> {
            assertThat(r.stft().hop()).isEqualTo(r.stft().fftSize() / 4);
            assertThat(r.stft().window()).isEqualTo(Stft.Window.HANN);
        });
    }

    @Test
    void distanceIsTheMeanOfTheSingleResolutionDistances() {
        float[] y = tone(220, 0.5, 0);
        float[] x = tone(233, 0.4, 0.01);
        MultiResolutionStftDistance d = MultiResolutionStftDistance.of(new int[] {1024, 128}, 1.0, 0.5);
        double a = new StftDistance(Stft.hann(1024, 256), 1.0, 0.5).distance(x, y);
        double b = new StftDistance(Stft.hann(128, 32), 1.0, 0.5).distance(x, y);
        MultiResolutionStftDistance.Breakdown br = d.breakdown(x, y);
        assertThat(br.total()).isCloseTo((a + b) / 2, offset(1e-12));
        assertThat(br.perResolution()).hasSize(2);
        assertThat(br.total()).isCloseTo(br.spectralConvergence() + 0.5 * br.logMagnitude(), offset(1e-12));
    }

    @Test
    void identicalIsZeroAndMoreNoiseIsFarther() {
        MultiResolutionStftDistance d = MultiResolutionStftDistance.standard();
        float[] y = tone(220, 0.5, 0);
        assertThat(d.distance(y, y.clone())).isZero();
        double near = d.distance(tone(220, 0.5, 0.001), y);
        double far = d.distance(tone(220, 0.5, 0.05), y);
        double wrongNote = d.distance(tone(330, 0.5, 0.001), y);
        assertThat(near).isPositive().isLessThan(far);
        assertThat(near).isLessThan(wrongNote);
    }

    @Test
    void monoMixIgnoresSwappedChannelsButPerChannelDoesNot() {
        float[] a = tone(220, 0.5, 0.01);
        float[] b = tone(440, 0.3, 0.02);
        AudioBuffer target = new AudioBuffer(new float[][] {a, b}, RATE);
        AudioBuffer swapped = new AudioBuffer(new float[][] {b, a}, RATE);
        MultiResolutionStftDistance d = MultiResolutionStftDistance.standard();
        assertThat(d.distance(swapped, target)).isCloseTo(0, offset(1e-6));
        assertThat(d.distancePerChannel(swapped, target)).isGreaterThan(0.5);
    }

    /** 0.5 s of a sine plus seeded noise. */
    static float[] tone(double hz, double amplitude, double noise) {
        java.util.Random random = new java.util.Random(Double.doubleToLongBits(hz + noise));
        float[] x = new float[RATE / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE) + noise * random.nextGaussian());
        }
        return x;
    }
}
