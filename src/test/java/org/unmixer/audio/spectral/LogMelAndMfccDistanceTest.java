package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogMelAndMfccDistanceTest {
    /** ε = 1e-5 beside band powers of order 1e2 moves a log by < 1e-6; float features give ~1e-6. */
    private static final double TOLERANCE = 1e-4;

    private static float[] noise(int n, double amplitude) {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        }
        return x;
    }

    private static float[] times(float[] x, float g) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * g;
        }
        return y;
    }

    @Test
    void identicalSignalsAreZeroApart() {
        float[] x = noise(22_050, 0.5);
        assertThat(LogMelDistance.standard().distance(x, x.clone())).isZero();
        assertThat(MfccDistance.standard().distance(x, x.clone())).isZero();
    }

    @Test
    void doublingTheAmplitudeShiftsEveryLogMelBandByLnFour() {
        // power ×4 in every band: |ln(4P) − ln(P)| = ln 4 = 1.3862944 everywhere (ε negligible)
        float[] x = noise(22_050, 0.5);
        assertThat(LogMelDistance.standard().distance(times(x, 2), x)).isCloseTo(1.3862944, offset(TOLERANCE));
    }

    @Test
    void aGainChangeIsInvisibleToMfccWithoutC0() {
        // a constant shift of every band is pure c0, which MFCC distance leaves out
        float[] x = noise(22_050, 0.5);
        assertThat(MfccDistance.standard().distance(times(x, 2), x)).isCloseTo(0, offset(TOLERANCE));
    }

    @Test
    void aDifferentSpectrumIsFarInMfcc() {
        float[] x = noise(22_050, 0.5);
        float[] lowpassed = new float[x.length];
        for (int i = 1; i < x.length; i++) {
            lowpassed[i] = 0.5f * (x[i] + x[i - 1]);
        }
        assertThat(MfccDistance.standard().distance(lowpassed, x)).isGreaterThan(1.0);
    }

    @Test
    void lengthsMustMatch() {
        assertThatThrownBy(() -> LogMelDistance.standard().distance(new float[10], new float[11]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 vs 11");
        assertThatThrownBy(() -> MfccDistance.standard().distance(new float[10], new float[11]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
