package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.params.BadInputException;

class TrainingConfigTest {
    private static final Path DIR = Path.of("assets", "training");

    @Test
    void theDefaultConfigHasNoSpectralTermAndTheSpectralStageHasOne() {
        TrainingConfig plain = TrainingConfig.load(DIR.resolve("default.json"));
        assertThat(plain.spectral()).isEqualTo(TrainingConfig.Spectral.OFF);
        assertThat(plain.spectral().activeAt(5000)).isFalse();

        TrainingConfig spectral = TrainingConfig.load(DIR.resolve("spectral.json"));
        assertThat(spectral.spectral().lambda()).isPositive();
        assertThat(spectral.spectral().activeAt(spectral.spectral().fromStep())).isTrue();
        assertThat(spectral.model()).isEqualTo(plain.model()); // it starts from the default model's weights
        assertThat(spectral.data()).isEqualTo(plain.data());
    }

    @Test
    void aMisspeltSpectralFieldNamesTheFieldItMisses(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, Files.readString(DIR.resolve("spectral.json")).replace("\"examples\"", "\"exmaples\""));
        assertThatThrownBy(() -> TrainingConfig.load(file)).isInstanceOf(BadInputException.class).hasMessageContaining("bad.json").hasMessageContaining("'examples'");
    }
}
