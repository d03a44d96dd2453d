package org.unmixer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class SpectrogramStemTest {
    @Test
    void bandsAreHalvedTwiceRoundingUp() {
        assertThat(SpectrogramStem.bandsOut(128)).isEqualTo(32);
        assertThat(SpectrogramStem.bandsOut(5)).isEqualTo(2); // 5 → 3 → 2
        assertThat(SpectrogramStem.bandsOut(1)).isEqualTo(1);
    }

    @Test
    void stacksTheFeatureMapsAsChannelsAndPassesTheRampThrough() {
        try (NDManager m = NDManager.newBaseManager()) {
            int mels = 10;
            SpectrogramStem stem = new SpectrogramStem(mels, 4);
            Shape in = new Shape(2, mels + 1, 7);
            stem.initialize(m, DataType.FLOAT32, in);
            NDArray x = m.randomNormal(in);
            NDArray y = stem.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(stem.getOutputShapes(new Shape[] {in})[0]);
            assertThat(y.getShape()).isEqualTo(new Shape(2, 4 * 3 + 1, 7));
            assertThat(y.get(new NDIndex(":, -1, :")).toFloatArray())
                    .containsExactly(x.get(new NDIndex(":, -1, :")).toFloatArray());
        }
    }
}
