package org.unmixer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class HybridLossTest {
    @Test
    void presenceLossIsTheMeanBinaryCrossEntropyOfWhichEffectsTheChainHolds() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one example, two effects; the chain holds effect 1 only: y = (0, 1)
            NDList r = HybridLoss.presenceLoss(m.create(new float[] {0f, 2f}, new Shape(1, 2)),
                    new int[][] {{1, -1, -1}}, m);
            // −log(1 − σ(0)) = ln 2; −log σ(2) = ln(1 + e^−2)
            double expected = (Math.log(2) + Math.log(1 + Math.exp(-2))) / 2;
            assertThat(r.get(0).getFloat()).isCloseTo((float) expected, within(1e-6f));
            // logit 0 says "absent" (not > 0), right; logit 2 says "present", right
            assertThat(r.get(1).getFloat()).isEqualTo(1f);
        }
    }

    @Test
    void presenceLossStaysFiniteForHugeLogitsAndCountsWrongCalls() {
        try (NDManager m = NDManager.newBaseManager()) {
            // the chain holds both effects; logits −80 (confidently wrong) and 80 (confidently right)
            NDList r = HybridLoss.presenceLoss(m.create(new float[] {-80f, 80f}, new Shape(1, 2)),
                    new int[][] {{1, 0}}, m);
            assertThat(r.get(0).getFloat()).isCloseTo(40f, within(1e-4f));
            assertThat(r.get(1).getFloat()).isEqualTo(0.5f);
        }
    }
}
