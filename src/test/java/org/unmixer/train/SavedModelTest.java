package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.model.ChainDecoder;
import org.unmixer.model.Features;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.ModelFiles;
import org.unmixer.model.Prediction;
import org.unmixer.model.Predictor;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;

/** Saving, loading and decoding a (briefly trained) tiny model; corrupt files are refused by name. */
class SavedModelTest {
    @TempDir
    static Path tmp;
    static TrainingSet data;

    @BeforeAll
    static void generate() throws IOException {
        data = TinyTraining.dataset(tmp.resolve("data"), 8, 7);
    }

    private static float[] features(int i) {
        float[] row = new float[data.frames() * data.mels()];
        data.features(i, row, 0);
        return row;
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs() throws IOException {
        ModelConfig mc = TinyTraining.modelConfig(data, true);
        Path dir = tmp.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet net = TinyTraining.net(m, mc, 8);
            new EstimatorTrainer(TinyTraining.config(5, 8), net, m,
                    java.util.Map.of("dry", data, "nonlinear", data, "full", data), data, (k, v, s) -> { },
                    (step, total, stage, terms, lr) -> { }).train(5, null);
            ModelFiles.save(net, dir);
            Prediction before = new Predictor(net, m).predict(features(3), 3);
            try (NDManager m2 = NDManager.newBaseManager()) {
                InverseNet loaded = ModelFiles.load(dir, Catalog.standard(), m2);
                Prediction after = new Predictor(loaded, m2).predict(features(3), 3);
                assertThat(after.mean()).containsExactly(before.mean());
                assertThat(after.mode()).containsExactly(before.mode());
                assertThat(after.std()).containsExactly(before.std());
                for (int j = 0; j < before.classProbabilities().size(); j++) {
                    assertThat(after.classProbabilities().get(j)).containsExactly(before.classProbabilities().get(j));
                }
                assertThat(after.chains()).isEqualTo(before.chains());
            }
        }
    }

    @Test
    void beamSearchGivesDistinctChainsWithoutRepeatsMostProbableFirst() {
        ModelConfig mc = TinyTraining.modelConfig(data, false);
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet net = TinyTraining.net(m, mc, 1);
            List<ChainDecoder.Chain> chains = new Predictor(net, m).predict(features(0), 5).chains();
            assertThat(chains).hasSize(5);
            assertThat(new HashSet<>(chains.stream().map(ChainDecoder.Chain::effects).toList())).hasSize(5);
            double total = 0;
            for (int i = 0; i < chains.size(); i++) {
                List<Integer> effects = chains.get(i).effects();
                assertThat(new HashSet<>(effects)).hasSameSizeAs(effects);
                assertThat(effects).allMatch(e -> e >= 0 && e < 5);
                if (i > 0) {
                    assertThat(chains.get(i).probability()).isLessThanOrEqualTo(chains.get(i - 1).probability());
                }
                total += chains.get(i).probability();
            }
            assertThat(total).isLessThanOrEqualTo(1.0 + 1e-9).isGreaterThan(0);
        }
    }

    @Test
    void rankedChainsOrderTheSetsThePresenceHeadFavours() {
        ModelConfig mc = TinyTraining.modelConfig(data, true);
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet net = TinyTraining.net(m, mc, 1);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h0 = net.forward(ps, new NDList(Features.batch(m, features(0), 1, mc)), false).get(3);
            double[] presence = {0.99, 0.01, 0.9, 0.02, 0.03};
            List<ChainDecoder.Chain> chains = net.decoder().rankChains(ps, h0, presence, 3);
            assertThat(chains).hasSize(3);
            // the most probable set is {0, 2}; its two orders share P(set) between them
            double pSet = 0.99 * 0.99 * 0.9 * 0.98 * 0.97;
            List<ChainDecoder.Chain> ofBest = chains.stream()
                    .filter(c -> new HashSet<>(c.effects()).equals(java.util.Set.of(0, 2))).toList();
            assertThat(chains.get(0).effects()).containsExactlyInAnyOrder(0, 2);
            assertThat(ofBest).hasSize(2);
            assertThat(ofBest.get(0).probability() + ofBest.get(1).probability()).isCloseTo(pSet, within(1e-9));
            // the third is the next set, {0} (1 − 0.9 for effect 2), with its single order
            assertThat(chains.get(2).effects()).containsExactly(0);
            assertThat(chains.get(2).probability()).isCloseTo(0.99 * 0.99 * 0.1 * 0.98 * 0.97, within(1e-9));
        }
    }

    @Test
    void predictionsCarryOnePresenceProbabilityPerEffect() {
        ModelConfig mc = TinyTraining.modelConfig(data, false);
        try (NDManager m = NDManager.newBaseManager()) {
            InverseNet net = TinyTraining.net(m, mc, 1);
            float[] presence = new Predictor(net, m).predict(features(1), 1).presence();
            assertThat(presence).hasSize(5);
            for (float p : presence) {
                assertThat(p).isStrictlyBetween(0f, 1f);
            }
        }
    }

    @Test
    void missingOrCorruptFilesAreReportedByName() throws IOException {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> ModelFiles.load(missing, Catalog.standard(), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining(missing.resolve("model.json").toString())
                .hasMessageContaining("not found");
        Path dir = tmp.resolve("corrupt");
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFiles.save(TinyTraining.net(m, TinyTraining.modelConfig(data, true), 1), dir);
        }
        byte[] weights = Files.readAllBytes(dir.resolve("model.params"));
        weights[weights.length / 2] ^= 0x55;
        Files.write(dir.resolve("model.params"), weights);
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> ModelFiles.load(dir, Catalog.standard(), m))
                    .isInstanceOf(BadInputException.class).hasMessageContaining(dir.resolve("model.params").toString())
                    .hasMessageContaining("corrupt");
            Files.writeString(dir.resolve("model.json"), "{\"format\": \"unmixer-model/1\", \"config\": {\"frames\": ");
            assertThatThrownBy(() -> ModelFiles.load(dir, Catalog.standard(), m))
                    .isInstanceOf(BadInputException.class).hasMessageContaining(dir.resolve("model.json").toString());
        }
    }
}
