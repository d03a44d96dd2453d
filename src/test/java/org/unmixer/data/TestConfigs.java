package org.unmixer.data;

import java.nio.file.Path;
import org.unmixer.params.Catalog;

/** Tiny dataset configs for tests (short notes so that renders are cheap). */
final class TestConfigs {
    static final Path ASSETS = Path.of("assets", "datasets");

    private TestConfigs() {
    }

    /** A config with the shipped sampling table; {@code extra} is spliced into the JSON object (",\"k\": v"). */
    static DatasetConfig tiny(String stage, int count, String extra) {
        String json = "{\"format\": \"unmixer-dataset/1\", \"name\": \"tiny\", \"seed\": 42, \"count\": " + count
                + ", \"shardSize\": 3, \"stage\": \"" + stage + "\", \"gateMinSeconds\": 0.1, \"gateMaxSeconds\": 0.2,"
                + " \"tailSeconds\": 0.1" + extra + "}";
        return DatasetConfig.parse(json, ASSETS, Catalog.standard(), "tiny.json");
    }
}
