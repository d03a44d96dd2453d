package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MfccTest {
    /** float arithmetic on a handful of terms. */
    private static final double TOLERANCE = 1e-6;

    @Test
    void impulseFrameGivesTheScaledCosineBasis() {
        // x = [1, 0, 0, 0], N = 4: c_k = √(2/4)·cos(πk/8)
        float[] c = new Mfcc(4, 3).coefficients(new float[] {1, 0, 0, 0});
        assertThat(c[0]).isCloseTo(0.6532815f, offset((float) TOLERANCE)); // 0.7071068 · 0.9238795
        assertThat(c[1]).isCloseTo(0.5f, offset((float) TOLERANCE)); // 0.7071068 · 0.7071068
        assertThat(c[2]).isCloseTo(0.2705981f, offset((float) TOLERANCE)); // 0.7071068 · 0.3826834
    }

    @Test
    void twoBandsGiveTheHalfDifferenceOverRootTwo() {
        // N = 2: c1 = 1·(x0·cos(π/4) + x1·cos(3π/4)) = (x0 − x1)/√2 = (3 − 1)/√2
        float[] c = new Mfcc(2, 1).coefficients(new float[] {3, 1});
        assertThat(c[0]).isCloseTo(1.4142135f, offset((float) TOLERANCE));
    }

    @Test
    void levelOnlyLivesInTheExcludedC0() {
        // a constant frame is pure c0, which is not kept: every kept coefficient is 0
        for (float level : new float[] {-3, 5}) {
            float[] c = new Mfcc(8, 5).coefficients(new float[] {level, level, level, level, level, level, level, level});
            assertThat(c).hasSize(5);
            for (float v : c) {
                assertThat(v).isCloseTo(0f, offset((float) TOLERANCE));
            }
        }
    }

    @Test
    void computeAppliesPerFrame() {
        float[][] out = new Mfcc(2, 1).compute(new float[][] {{3, 1}, {1, 3}});
        assertThat(out[0][0]).isCloseTo(1.4142135f, offset((float) TOLERANCE));
        assertThat(out[1][0]).isCloseTo(-1.4142135f, offset((float) TOLERANCE));
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> new Mfcc(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mfcc(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mfcc(4, 2).coefficients(new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 bands");
    }
}
