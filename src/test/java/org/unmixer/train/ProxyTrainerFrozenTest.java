package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.PatchSampler;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyData;
import org.unmixer.model.proxy.ProxyNetwork;
import org.unmixer.model.proxy.SpectralMaskProxy;
import org.unmixer.params.Catalog;

class ProxyTrainerFrozenTest {
    @Test
    void whatAPretrainingStageFreezesTheAudioTrainingLeavesAsItWas() {
        Catalog catalog = Catalog.standard();
        PatchSampler sampler = new PatchSampler(DatasetConfig.load(Path.of("assets/training/train-full.json"), catalog), catalog);
        ProxyConditioning conditioning = new ProxyConditioning(catalog.device("EQ Eight"));
        ProxyData data = new ProxyData(sampler, conditioning, 1024, 44_100, 2);
        SpectralMaskProxy net = new SpectralMaskProxy.Config(1, conditioning.size(), 44_100, 256, 8, 16, 8, 3, List.of(1), 16,
                conditioning.sections(), true, false, 16, 2).build();
        List<float[]> frozenBefore = new ArrayList<>();
        List<float[]> staticBefore = new ArrayList<>();
        ProxyTrainer.Pretraining freezeBands = new ProxyTrainer.Pretraining() {
            @Override
            public void run(ProxyNetwork n, NDManager manager, ProxyTrainer.Progress progress) {
                // Non-zero values, so that the sections' output layer gets gradients too.
                net.sectionParameters().forEach(p -> p.getValue().getArray().addi(0.05f));
                net.sectionParameters().forEach(p -> frozenBefore.add(p.getValue().getArray().toFloatArray()));
                net.staticParameters().forEach(p -> staticBefore.add(p.getValue().getArray().toFloatArray()));
            }

            @Override
            public Set<ai.djl.nn.Parameter> frozen(ProxyNetwork n) {
                Set<ai.djl.nn.Parameter> s = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                net.sectionParameters().forEach(p -> s.add(p.getValue()));
                return s;
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            new ProxyTrainer(data, new ProxyTrainer.Config(5, 4, 8, 2, 1e-2, 1, 5, 0, 1)).train(net, m, 1, (step, total, loss) -> { },
                    freezeBands);
            List<float[]> frozenAfter = new ArrayList<>();
            net.sectionParameters().forEach(p -> frozenAfter.add(p.getValue().getArray().toFloatArray()));
            for (int i = 0; i < frozenAfter.size(); i++) {
                assertThat(frozenAfter.get(i)).containsExactly(frozenBefore.get(i));
            }
            List<float[]> staticAfter = new ArrayList<>();
            net.staticParameters().forEach(p -> staticAfter.add(p.getValue().getArray().toFloatArray()));
            boolean moved = false;
            for (int i = 0; i < staticAfter.size(); i++) {
                moved |= !java.util.Arrays.equals(staticAfter.get(i), staticBefore.get(i));
            }
            assertThat(moved).as("the static network trains").isTrue();
        }
    }
}
