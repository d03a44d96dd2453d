package org.unmixer.app;

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
 * The window's maths stays toolkit-free (STYLE.md habits 3, 11): the A/B mixer and the spectrogram
 * pictures import no JavaFX, so they are tested and reused without a toolkit; {@code app.fx} is the
 * only edge to JavaFX images.
 */
class AppPurityTest {
    private static final Path APP = Path.of("src/main/java/org/unmixer/app");

    @ParameterizedTest
    @ValueSource(strings = {"audio", "spectrogram"})
    void mathsPackagesImportNoJavaFx(String pkg) throws IOException {
        Path dir = APP.resolve(pkg);
        assertThat(dir).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.trim().startsWith("import javafx")) {
                        found.add(f + ": " + line.trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
