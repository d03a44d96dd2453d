package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.params.BadInputException;

class AudioMetricsTest {
    /** 20·log10(2): a gain of 2 in LU; K-weighting and gating are scale-invariant. */
    private static final double SIX_DB = 6.020599913279624;
    /** Features in float: a few 1e-6 relative; ε = 1e-5 beside band powers ≫ 1 is negligible. */
    private static final double FEATURE_TOLERANCE = 1e-4;
    /**
     * MFCC L2 is the norm of 20 coefficients, each a sum over 128 bands of small ε/float deviations
     * (largest in the narrow 20–40 Hz bands, which hold little noise power): measured ~1.4e-4.
     */
    private static final double MFCC_TOLERANCE = 1e-3;

    private static float[] noise(int n, double amplitude) {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        }
        return x;
    }

    private static float[] sine(double hz, double amplitude, int n, int rate) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    private static float[] times(float[] x, float g) {
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= g;
        }
        return y;
    }

    @Test
    void alignmentMixesToMonoAndZeroPadsTheShorter() {
        AudioBuffer stereo = new AudioBuffer(new float[][] {{1, 1, 1}, {3, 3, 3}}, 44_100);
        AudioBuffer longer = AudioBuffer.mono(new float[] {1, 2, 3, 4, 5}, 44_100);
        AlignedMono a = AlignedMono.of(stereo, longer);
        assertThat(a.estimate()).containsExactly(2, 2, 2, 0, 0);
        assertThat(a.target()).containsExactly(1, 2, 3, 4, 5);
        AlignedMono b = AlignedMono.of(longer, stereo);
        assertThat(b.estimate()).containsExactly(1, 2, 3, 4, 5);
        assertThat(b.target()).containsExactly(2, 2, 2, 0, 0);
    }

    @Test
    void ratesMustMatch() {
        assertThatThrownBy(() -> AlignedMono.of(AudioBuffer.mono(new float[4], 44_100), AudioBuffer.mono(new float[4], 48_000)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("44100 Hz").hasMessageContaining("48000 Hz");
        AudioBuffer at48 = AudioBuffer.mono(noise(4800, 0.5), 48_000);
        assertThatThrownBy(() -> AudioMetrics.standard().score(at48, at48))
                .isInstanceOf(BadInputException.class).hasMessageContaining("resample");
    }

    @Test
    void loudnessDifferenceOfAHalvedToneIsSixDb() {
        int rate = 48_000;
        AudioBuffer full = AudioBuffer.mono(sine(997, 1.0, 2 * rate, rate), rate);
        AudioBuffer half = AudioBuffer.mono(sine(997, 0.5, 2 * rate, rate), rate);
        assertThat(LoudnessDifference.lu(half, full)).isCloseTo(SIX_DB, offset(1e-6));
    }

    @Test
    void silenceIsFlooredAtMinusSeventyLufs() {
        int rate = 48_000;
        AudioBuffer silence = AudioBuffer.silence(1, 2 * rate, rate);
        AudioBuffer tone = AudioBuffer.mono(sine(997, 1.0, 2 * rate, rate), rate);
        assertThat(LoudnessDifference.lu(silence, silence)).isZero();
        // a full-scale 997 Hz tone reads −3.01 LUFS (BS.1770-4): |−70 − (−3.01)| = 66.99
        assertThat(LoudnessDifference.lu(silence, tone)).isCloseTo(66.99, offset(0.02));
        assertThat(LoudnessDifference.FLOOR_LUFS).isEqualTo(-70);
    }

    @Test
    void identicalAudioScoresZeroEverywhere() {
        AudioBuffer x = AudioBuffer.mono(noise(22_050, 0.5), 44_100);
        AudioScores s = AudioMetrics.standard().score(x, x.copy());
        assertThat(s).isEqualTo(new AudioScores(0, 0, 0, 0));
    }

    @Test
    void doublingTheGainMovesLoudnessAndLogMelButNotMfcc() {
        float[] x = noise(22_050, 0.25);
        AudioScores s = AudioMetrics.standard().score(AudioBuffer.mono(times(x, 2), 44_100), AudioBuffer.mono(x, 44_100));
        assertThat(s.loudnessDiffLu()).isCloseTo(SIX_DB, offset(1e-6));
        assertThat(s.logMelL1()).isCloseTo(Math.log(4), offset(FEATURE_TOLERANCE));
        assertThat(s.mfccL2()).isCloseTo(0, offset(MFCC_TOLERANCE));
        assertThat(s.mrStft()).isGreaterThan(0.1);
        assertThat(s.toMap()).containsOnlyKeys(MetricNames.MR_STFT, MetricNames.LOG_MEL_L1, MetricNames.MFCC_L2,
                MetricNames.LOUDNESS_DIFF_LU);
    }

    @Test
    void aShortEstimateIsComparedWithItsMissingTailAsSilence() {
        float[] x = noise(8192, 0.5);
        float[] half = Arrays.copyOf(x, 4096);
        double expected = MultiResolutionStftDistance.standard().distance(Arrays.copyOf(half, 8192), x);
        AudioMetrics m = AudioMetrics.standard();
        assertThat(m.mrStft(AudioBuffer.mono(half, 44_100), AudioBuffer.mono(x, 44_100))).isEqualTo(expected);
        assertThat(expected).isGreaterThan(0.1);
    }
}
