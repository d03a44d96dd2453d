package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases in the style of auraloss {@code test_stft_l2}: one 64-sample frame, rectangular
 * window, tones exactly on a bin whose samples are exact (bin 16: 1, 0, −1, 0 …; bin 32: 1, −1 …), so
 * |Y| is a known constant on one bin and zero (to ~1e-15) elsewhere.
 */
class StftDistanceTest {
    private static final int N = 64;
    private static final int BINS = N / 2 + 1;
    private static final double EPS = StftDistance.EPSILON;
    /** FFT residue on empty bins is ~1e-15, i.e. 1e-10 relative to ε inside the log. */
    private static final double HAND_TOLERANCE = 1e-8;

    private static StftDistance oneFrame(double wSc, double wLog) {
        return new StftDistance(new Stft(N, N, Stft.Window.RECTANGULAR, false), wSc, wLog);
    }

    private static float[] bin16(double amplitude) {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (amplitude * new int[] {1, 0, -1, 0}[i % 4]);
        }
        return x;
    }

    private static float[] nyquist() {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 2 == 0 ? 1 : -1;
        }
        return x;
    }

    @Test
    void halfAmplitudeEstimate() {
        // |Y16| = 32, |X16| = 16: SC = 16/32; LM = ln((32+ε)/(16+ε)) / 33
        StftDistance.Terms t = oneFrame(1, 1).terms(bin16(0.5), bin16(1));
        assertThat(t.spectralConvergence()).isCloseTo(0.5, offset(HAND_TOLERANCE));
        assertThat(t.logMagnitude()).isCloseTo(Math.log((32 + EPS) / (16 + EPS)) / BINS, offset(HAND_TOLERANCE));
    }

    @Test
    void toneOnTheWrongBin() {
        // |Y16| = 32, |X32| = 64 (Nyquist, rectangular window): SC = √(32² + 64²)/32 = √5
        StftDistance.Terms t = oneFrame(2, 0.5).terms(nyquist(), bin16(1));
        double sc = Math.sqrt(5);
        double lm = (Math.log((32 + EPS) / EPS) + Math.log((64 + EPS) / EPS)) / BINS;
        assertThat(t.spectralConvergence()).isCloseTo(sc, offset(HAND_TOLERANCE));
        assertThat(t.logMagnitude()).isCloseTo(lm, offset(HAND_TOLERANCE));
        assertThat(t.total()).isCloseTo(2 * sc + 0.5 * lm, offset(HAND_TOLERANCE));
    }

    @Test
    void identicalSignalsAreAtDistanceZero() {
        float[] x = noise(4096, 1);
        StftDistance.Terms t = new StftDistance(Stft.hann(512, 128), 1, 1).terms(x, x.clone());
        assertThat(t.spectralConvergence()).isZero();
        assertThat(t.logMagnitude()).isZero();
    }

    @Test
    void logMagnitudeIsSymmetricAndConvergenceOfAScaledTargetIsOneMinusTheScale() {
        float[] y = noise(4096, 2);
        StftDistance d = new StftDistance(Stft.hann(256, 64), 1, 1);
        float[] z = noise(4096, 3);
        assertThat(d.terms(y, z).logMagnitude()).isCloseTo(d.terms(z, y).logMagnitude(), offset(1e-12));
        for (float c : new float[] {0.25f, 4f}) { // powers of two scale floats exactly
            float[] x = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = c * y[i];
            }
            assertThat(d.terms(x, y).spectralConvergence()).isCloseTo(Math.abs(1 - c), offset(1e-12));
        }
    }

    @Test
    void silentTargetGivesConvergenceOneOrZero() {
        StftDistance d = oneFrame(1, 1);
        assertThat(d.terms(bin16(1), new float[N]).spectralConvergence()).isEqualTo(1.0);
        assertThat(d.terms(new float[N], new float[N]).total()).isZero();
    }

    @Test
    void lengthsMustMatch() {
        assertThatThrownBy(() -> oneFrame(1, 1).terms(new float[N], new float[N + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
    }

    static float[] noise(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * random.nextGaussian());
        }
        return x;
    }
}
