package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class FrameDistancesTest {
    private static final float[][] A = {{1, 2}, {3, 4}};
    private static final float[][] B = {{1, 0}, {0, 4}};

    @Test
    void meanAbsoluteAveragesOverFramesAndFeatures() {
        // |diffs| = 0, 2, 3, 0 → 5 / 4
        assertThat(FrameDistances.meanAbsolute(A, B)).isCloseTo(1.25, offset(1e-12));
        assertThat(FrameDistances.meanAbsolute(A, A)).isZero();
    }

    @Test
    void meanFrameL2AveragesTheNormsOfFrameDifferences() {
        // frame diffs (0, 2) and (3, 0): norms 2 and 3 → 2.5
        assertThat(FrameDistances.meanFrameL2(A, B)).isCloseTo(2.5, offset(1e-12));
        // (3, 4) vs (0, 0): 5, not the mean of |3| and |4|
        assertThat(FrameDistances.meanFrameL2(new float[][] {{3, 4}}, new float[][] {{0, 0}})).isCloseTo(5, offset(1e-12));
        assertThat(FrameDistances.meanAbsolute(new float[][] {{3, 4}}, new float[][] {{0, 0}})).isCloseTo(3.5, offset(1e-12));
    }

    @Test
    void emptyInputsAreZeroAndShapesMustMatch() {
        assertThat(FrameDistances.meanFrameL2(new float[0][], new float[0][])).isZero();
        assertThatThrownBy(() -> FrameDistances.meanAbsolute(A, new float[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame counts");
        assertThatThrownBy(() -> FrameDistances.meanFrameL2(A, new float[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame 1");
    }
}
