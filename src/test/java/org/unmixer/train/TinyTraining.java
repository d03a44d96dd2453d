package org.unmixer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.DatasetGenerator;
import org.unmixer.model.HybridLoss;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.OutputLayout;
import org.unmixer.params.Catalog;

/** A tiny dataset (short notes, full chains) and a tiny network for training tests. */
final class TinyTraining {
    private TinyTraining() {
    }

    static TrainingSet dataset(Path dir, int count, long seed) throws IOException {
        String json = "{\"format\": \"unmixer-dataset/1\", \"name\": \"tiny\", \"seed\": " + seed + ", \"count\": " + count
                + ", \"shardSize\": 8, \"stage\": \"full\", \"gateMinSeconds\": 0.1, \"gateMaxSeconds\": 0.2,"
                + " \"tailSeconds\": 0.1, \"samplingRanges\": \"sampling-ranges.json\"}";
        Catalog catalog = Catalog.standard();
        DatasetConfig config = DatasetConfig.parse(json, Path.of("assets", "datasets"), catalog, "tiny.json");
        new DatasetGenerator(config, catalog, 2).generate(dir, (done, total) -> { });
        return TrainingSet.load(dir, layout());
    }

    static OutputLayout layout() {
        return new OutputLayout(Catalog.standard(), TrainingRun.wavetableNames());
    }

    static ModelConfig modelConfig(TrainingSet set, boolean hyperbolic) {
        OutputLayout layout = layout();
        float[] stats = TrainingRun.featureStats(set, set.size());
        return new ModelConfig(hyperbolic, 1.0, set.mels(), set.frames(), 4, 16, 32, 32, 2, 8, 4, stats[0], stats[1],
                44_100, 0.3, -20, layout.wavetables(), layout.signature(), Map.of("Multiband Dynamics", "OTT"));
    }

    static InverseNet net(NDManager manager, ModelConfig config, int batch) {
        Engine.getInstance().setRandomSeed(1234);
        InverseNet net = new InverseNet(config, layout());
        net.initialize(manager, DataType.FLOAT32, net.inputShape(batch));
        return net;
    }

    static TrainingConfig config(int steps, int batch) {
        return config(steps, batch, TrainingConfig.Spectral.OFF);
    }

    static TrainingConfig config(int steps, int batch, TrainingConfig.Spectral spectral) {
        return new TrainingConfig("tiny", 5, new TrainingConfig.Data("", "", "", ""), new TrainingConfig.Curriculum(0, 0),
                steps, batch, 3e-3, 10, 0, 5.0, HybridLoss.Weights.DEFAULT,
                new TrainingConfig.Architecture(true, 1.0, 4, 16, 32, 32, 2, 8, 4), 1_000_000, 1_000_000, batch,
                spectral);
    }
}
