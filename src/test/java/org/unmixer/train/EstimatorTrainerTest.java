package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelConfig;

class EstimatorTrainerTest {
    @TempDir
    static Path tmp;
    static TrainingSet data;

    @BeforeAll
    static void generate() throws IOException {
        data = TinyTraining.dataset(tmp.resolve("data"), 16, 99);
    }

    private static EstimatorTrainer trainer(TrainingConfig c, InverseNet net, NDManager m, Map<String, Double> last) {
        Map<String, TrainingSet> sets = Map.of("dry", data, "nonlinear", data, "full", data);
        return new EstimatorTrainer(c, net, m, sets, data, (k, v, s) -> last.put(k, v),
                (step, total, stage, terms, lr) -> { });
    }

    @Test
    void aTinyModelOverfitsSixteenExamples() throws IOException {
        ModelConfig mc = TinyTraining.modelConfig(data, true);
        TrainingConfig c = TinyTraining.config(300, 16);
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet net = TinyTraining.net(m, mc, 16);
            Map<String, Double> last = new HashMap<>();
            EstimatorTrainer t = trainer(c, net, m, last);
            Map<String, Double> before = t.validate();
            t.train(300, null);
            Map<String, Double> after = t.validate();
            // The NaN/Inf guard may skip a rare step; it must stay rare. Seen with the presence head and
            // 2-D stem: 2–3 of 300 in most runs, once 10 in a clean-clone CI run (the cause of these
            // nondeterministic NaN gradients is not found yet; the shipped 8000-step run skipped 2).
            assertThat(t.badSteps()).isLessThan(20);
            assertThat(after.get("loss")).as("validation on the training examples").isLessThan(before.get("loss") - 3);
            assertThat(after.get("ce")).isLessThan(0.3 * before.get("ce"));
            assertThat(after.get("chain_ce")).isLessThan(0.2 * before.get("chain_ce"));
            assertThat(after.get("chain_token_acc")).isGreaterThan(0.9);
            assertThat(after.get("param_mse")).isLessThan(0.2 * before.get("param_mse"));
        }
    }

    @Test
    void theSpectralTermJoinsTheLossAndChangesTheUpdate() throws IOException {
        ModelConfig mc = TinyTraining.modelConfig(data, false);
        TrainingConfig plain = TinyTraining.config(2, 4);
        TrainingConfig spectral = TinyTraining.config(2, 4, new TrainingConfig.Spectral(5.0, 0, 2, 3, false));
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet without = TinyTraining.net(m, mc, 4);
            trainer(plain, without, m, new HashMap<>()).train(2, null);
            InverseNet with = TinyTraining.net(m, mc, 4);
            Map<String, Double> last = new HashMap<>();
            EstimatorTrainer t = trainer(spectral, with, m, last);
            t.train(2, null);

            // The render of the predicted values is some distance from the true one, and it moved the weights.
            assertThat(last.get("train/spec")).isFinite().isPositive();
            assertThat(last.get("val/spec")).isFinite().isPositive(); // validated before the first step and after the last
            assertThat(t.badSteps()).isZero();
            assertThat(values(with)).isNotEqualTo(values(without));
        }
    }

    @Test
    void withHeadOnlyTheSpectralTermTrainsTheMixtureHeadAndLeavesTheEncoderToTheOtherTerms() throws IOException {
        ModelConfig mc = TinyTraining.modelConfig(data, false);
        try (NDManager m = NDManager.newBaseManager()) {
            // No clipping: the spectral gradient would change the clipping factor, and through it every update.
            InverseNet without = TinyTraining.net(m, mc, 4);
            trainer(unclipped(TinyTraining.config(1, 4)), without, m, new HashMap<>()).train(1, null);
            InverseNet with = TinyTraining.net(m, mc, 4);
            trainer(unclipped(TinyTraining.config(1, 4, new TrainingConfig.Spectral(5.0, 0, 2, 0, true))), with, m, new HashMap<>())
                    .train(1, null);

            assertThat(maxDifference(values(with, "encoder"), values(without, "encoder"))).isZero();
            assertThat(maxDifference(values(with, "mdn"), values(without, "mdn"))).isGreaterThan(1e-5);
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly() throws IOException {
        // Euclidean decoder: the hyperbolic GRU still yields a non-finite gradient now and then
        // (first in 04decoder_02cell_hiddenWeightR, then everything upstream of z), nondeterministically,
        // so the straight and the resumed run could skip different steps. Open defect, issue 4's note.
        ModelConfig mc = TinyTraining.modelConfig(data, false);
        TrainingConfig c = TinyTraining.config(6, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet straight = TinyTraining.net(m, mc, 8);
            trainer(c, straight, m, new HashMap<>()).train(6, null);

            InverseNet first = TinyTraining.net(m, mc, 8);
            Path ckpt = tmp.resolve("ckpt");
            trainer(c, first, m, new HashMap<>()).train(3, ckpt);
            InverseNet resumed = TinyTraining.net(m, mc, 8);
            EstimatorTrainer t = trainer(c, resumed, m, new HashMap<>());
            t.resume(ckpt);
            assertThat(t.step()).isEqualTo(3);
            t.train(6, null);
            assertThat(values(resumed)).containsExactlyElementsOf(values(straight));
        }
    }

    @Test
    void batchesDependOnlyOnSeedAndStep() {
        int[] a = EstimatorTrainer.batchIndices(5, 17, 1000, 64);
        assertThat(a).containsExactly(EstimatorTrainer.batchIndices(5, 17, 1000, 64));
        assertThat(a).doesNotHaveDuplicates();
        assertThat(a).isNotEqualTo(EstimatorTrainer.batchIndices(5, 18, 1000, 64));
        assertThat(EstimatorTrainer.batchIndices(5, 0, 10, 64)).hasSize(10).doesNotHaveDuplicates();
    }

    private static List<float[]> values(InverseNet net) {
        return values(net, "");
    }

    private static TrainingConfig unclipped(TrainingConfig c) {
        return new TrainingConfig(c.name(), c.seed(), c.data(), c.curriculum(), c.steps(), c.batchSize(), c.learningRate(),
                c.warmupSteps(), c.weightDecay(), 1e12, c.loss(), c.model(), c.evalEvery(), c.checkpointEvery(), c.evalExamples(),
                c.spectral());
    }

    private static double maxDifference(List<float[]> a, List<float[]> b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return max;
    }

    /** The parameters whose key contains {@code part} (e.g. a child block's name). */
    private static List<float[]> values(InverseNet net, String part) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (!p.getKey().contains(part)) {
                continue;
            }
            out.add(p.getValue().getArray().toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
        }
        return out;
    }
}
