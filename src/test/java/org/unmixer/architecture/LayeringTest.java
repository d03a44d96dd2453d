package org.unmixer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bottom layers (DESIGN.md §2) stay pure Java: no DJL, JavaFX, sockets or OSC, and no arrow
 * pointing up the layer table.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/unmixer");
    private static final List<String> NEVER_IN_BOTTOM_LAYERS =
            List.of("import ai.djl", "import javafx", "import java.net", "import com.illposed");

    @ParameterizedTest
    @ValueSource(strings = {"params", "audio", "dsp"})
    void bottomLayersImportNothingHeavy(String layer) throws IOException {
        assertThat(violations(layer, NEVER_IN_BOTTOM_LAYERS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"params", "audio"})
    void catalogAndSignalLayersUseNoOtherLayer(String layer) throws IOException {
        List<String> upward = new ArrayList<>();
        for (String other : List.of("params", "audio", "dsp", "data", "model", "train", "infer", "live", "preset",
                "session", "app", "cli", "server")) {
            if (!other.equals(layer)) {
                upward.add("import org.unmixer." + other + ".");
            }
        }
        assertThat(violations(layer, upward)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dsp"})
    void forwardModelUsesOnlyCatalogAndSignal(String layer) throws IOException {
        List<String> upward = List.of("data", "model", "train", "infer", "live", "preset", "session", "app", "cli", "server")
                .stream().map(o -> "import org.unmixer." + o + ".").toList();
        assertThat(violations(layer, upward)).isEmpty();
    }

    /** The bridge and the preset writers talk to Live and files only: no networks, no toolkit. */
    @ParameterizedTest
    @ValueSource(strings = {"live", "preset"})
    void bridgeLayersStayFreeOfDjlJavaFxAndTheLayersAboveTheirInputs(String layer) throws IOException {
        List<String> forbidden = new ArrayList<>(List.of("import ai.djl", "import javafx"));
        for (String above : List.of("model", "train", "infer", "session", "app", "cli", "server")) {
            forbidden.add("import org.unmixer." + above + ".");
        }
        assertThat(violations(layer, forbidden)).isEmpty();
    }

    /** "File: line" for every import in the layer that starts with a forbidden prefix. */
    private static List<String> violations(String layer, List<String> forbidden) throws IOException {
        Path dir = MAIN.resolve(layer);
        assertThat(dir).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String prefix : forbidden) {
                        if (line.trim().startsWith(prefix)) {
                            found.add(f + ": " + line.trim());
                        }
                    }
                }
            }
        }
        return found;
    }
}
