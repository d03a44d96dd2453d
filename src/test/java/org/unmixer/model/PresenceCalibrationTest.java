package org.unmixer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.params.BadInputException;

class PresenceCalibrationTest {
    private static final List<String> EFFECTS = List.of("Saturator", "Reverb");

    @TempDir
    Path tmp;

    @Test
    void aProbabilityAtItsThresholdBecomesOneHalfAndOrderIsKept() {
        PresenceCalibration c = new PresenceCalibration(new double[] {0.3, 0.8});

        double[] at = c.apply(new double[] {0.3, 0.8});
        assertThat(at[0]).isCloseTo(0.5, within(1e-12));
        assertThat(at[1]).isCloseTo(0.5, within(1e-12));
        // Logit shift: 0.6 against a 0.3 threshold has odds (0.6/0.4)/(0.3/0.7) = 3.5 → p' = 3.5/4.5.
        assertThat(c.apply(new double[] {0.6, 0.9})[0]).isCloseTo(3.5 / 4.5, within(1e-12));
        assertThat(c.apply(new double[] {0.2, 0.5})[1]).isLessThan(c.apply(new double[] {0.2, 0.6})[1]);
        assertThat(PresenceCalibration.identity(2).apply(new double[] {0.37, 0.91})).containsExactly(new double[] {0.37, 0.91},
                within(1e-12));
    }

    @Test
    void writeThenReadGivesTheSameThresholdsAndAMissingFileIsNoCalibration() throws IOException {
        new PresenceCalibration(new double[] {0.32, 0.65}).write(tmp, EFFECTS, new ObjectMapper().createObjectNode());

        assertThat(PresenceCalibration.read(tmp, EFFECTS).orElseThrow().thresholds()).containsExactly(0.32, 0.65);
        assertThat(PresenceCalibration.read(tmp.resolve("other"), EFFECTS)).isEmpty();
    }

    @Test
    void aMalformedFileIsABadInputNamingIt() throws IOException {
        Path file = tmp.resolve(PresenceCalibration.FILE);
        Files.writeString(file, "{\"format\": \"unmixer-calibration/1\", \"presenceThresholds\": {\"Saturator\": 0.3, \"Reverb\": 1.5}}");
        assertThatThrownBy(() -> PresenceCalibration.read(tmp, EFFECTS)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Reverb");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> PresenceCalibration.read(tmp, EFFECTS)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString());
        Files.writeString(file, "{\"format\": \"unmixer-calibration/1\", \"presenceThresholds\": {\"Saturator\": 0.3, \"Reverb\": 0.5, \"Chorus\": 0.5}}");
        assertThatThrownBy(() -> PresenceCalibration.read(tmp, EFFECTS)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("3 effects");
    }
}
