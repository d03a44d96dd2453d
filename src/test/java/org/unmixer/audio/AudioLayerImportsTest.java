package org.unmixer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §2 for the audio layer: no DJL, JavaFX, networking or OSC; no project package above it
 * (audio uses nothing of params/dsp); file I/O only in {@code audio.io}.
 */
class AudioLayerImportsTest {
    private static final Path ROOT = Path.of("src/main/java/org/unmixer/audio");
    private static final List<String> FORBIDDEN = List.of("import ai.djl", "import javafx", "import java.net",
            "import com.illposed", "import org.unmixer.params", "import org.unmixer.dsp");

    @Test
    void audioImportsNothingFromHigherLayersOrTheNetwork() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                boolean io = file.startsWith(ROOT.resolve("io"));
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    for (String bad : FORBIDDEN) {
                        if (l.startsWith(bad)) {
                            offences.add(file + ": " + l);
                        }
                    }
                    if (!io && (l.startsWith("import java.io.") || l.startsWith("import java.nio.file."))) {
                        offences.add(file + ": " + l + " (file I/O belongs in audio.io)");
                    }
                }
            }
        }
        assertThat(Files.isDirectory(ROOT)).isTrue();
        assertThat(offences).isEmpty();
    }
}
