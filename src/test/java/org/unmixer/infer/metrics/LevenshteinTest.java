package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevenshteinTest {
    @Test
    void twoEmptyChainsAreZeroApart() {
        assertThat(Levenshtein.distance(List.of(), List.of())).isZero();
        assertThat(Levenshtein.normalized(List.of(), List.of())).isZero();
    }

    @Test
    void insertionsDeletionsAndSubstitutionsCostOne() {
        assertThat(Levenshtein.normalized(List.of("Reverb"), List.of())).isEqualTo(1.0);
        // delete Saturator: 1 edit over 3
        assertThat(Levenshtein.normalized(List.of("Saturator", "EQ Eight", "Reverb"), List.of("EQ Eight", "Reverb")))
                .isCloseTo(1 / 3.0, offset(1e-12));
        // a swap is two substitutions
        assertThat(Levenshtein.distance(List.of("Saturator", "EQ Eight"), List.of("EQ Eight", "Saturator"))).isEqualTo(2);
        assertThat(Levenshtein.normalized(List.of("Saturator", "EQ Eight"), List.of("EQ Eight", "Saturator")))
                .isEqualTo(1.0);
    }

    @Test
    void kittenToSittingTakesThreeEdits() {
        List<String> kitten = List.of("k", "i", "t", "t", "e", "n");
        List<String> sitting = List.of("s", "i", "t", "t", "i", "n", "g");
        assertThat(Levenshtein.distance(kitten, sitting)).isEqualTo(3);
        assertThat(Levenshtein.distance(sitting, kitten)).isEqualTo(3);
        assertThat(Levenshtein.normalized(kitten, sitting)).isCloseTo(3 / 7.0, offset(1e-12));
    }
}
