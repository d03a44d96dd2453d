package org.unmixer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.DatasetGenerator;
import org.unmixer.model.OutputLayout;
import org.unmixer.params.Catalog;

/**
 * Makes sure a training config's datasets exist: a dataset folder is reused when its manifest is
 * complete and records exactly the same config (seed, counts, sampling table hash, …); otherwise it
 * is generated again. Generation is deterministic, so reuse never changes what the model sees.
 */
public final class TrainingData {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrainingData() {
    }

    /** Reports dataset generation progress. */
    public interface Progress {
        void update(String dataset, int done, int total);
    }

    /** The dataset of {@code configFile} under {@code dataRoot/<name>}, generated if needed, loaded. */
    public static TrainingSet ensure(Path configFile, Path dataRoot, OutputLayout layout, int threads, Progress progress)
            throws IOException {
        Catalog catalog = Catalog.standard();
        DatasetConfig config = DatasetConfig.load(configFile, catalog);
        Path dir = dataRoot.resolve(config.name());
        if (!upToDate(dir, config)) {
            new DatasetGenerator(config, catalog, threads).generate(dir, (done, total) -> progress.update(config.name(), done, total));
        }
        return TrainingSet.load(dir, layout);
    }

    static boolean upToDate(Path dir, DatasetConfig config) throws IOException {
        Path manifest = dir.resolve(DatasetGenerator.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        JsonNode m = MAPPER.readTree(Files.readString(manifest));
        return m.path("complete").asBoolean(false) && m.path("config").equals(MAPPER.readTree(config.toJson().toString()));
    }
}
