package org.unmixer.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped catalog: complete, self-consistent, and matching the reference tables. */
class StandardCatalogTest {
    /** The bar for θ ↔ display ↔ LOM ↔ XML round trips. */
    private static final double ROUND_TRIP = 1e-6;

    static Stream<ParamSpec> allParams() {
        return Catalog.standard().devices().stream().flatMap(d -> d.params().stream());
    }

    @Test
    void hasTheSixDevicesOfTheFoundation() {
        assertThat(Catalog.standard().devices()).extracting(DeviceSpec::name).containsExactly(
                "Wavetable", "Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb");
        assertThat(Catalog.standard().device("Wavetable").kind()).isEqualTo(DeviceKind.INSTRUMENT);
    }

    @ParameterizedTest
    @MethodSource("allParams")
    void roundTripsThetaDisplayLomAndXml(ParamSpec p) {
        double[] thetas = p.isQuantized() ? quantizedThetas(p) : new double[] {0, 0.1, 0.25, 0.5, 0.77, 1};
        for (double theta : thetas) {
            double display = p.fromNormalized(theta);
            double scale = Math.max(1, Math.abs(display));
            assertThat(p.toNormalized(display)).as("%s θ", p.name()).isCloseTo(theta, within(ROUND_TRIP));
            assertThat(p.fromLom(p.toLom(display))).as("%s LOM", p.name()).isCloseTo(display, within(ROUND_TRIP * scale));
            assertThat(p.fromXml(p.toXml(display))).as("%s XML", p.name()).isCloseTo(display, within(ROUND_TRIP * scale));
            double lom = p.toLom(display);
            assertThat(lom).as("%s LOM range", p.name())
                    .isBetween(Math.min(p.lomMin(), p.lomMax()) - ROUND_TRIP, Math.max(p.lomMin(), p.lomMax()) + ROUND_TRIP);
        }
    }

    private static double[] quantizedThetas(ParamSpec p) {
        int n = p.items().size();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = n == 1 ? 0 : i / (double) (n - 1);
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("allParams")
    void everyParameterNamesItsPresetElementAndHasAValidDefault(ParamSpec p) {
        assertThat(p.xmlElement()).as(p.name()).isNotBlank();
        assertThat(p.defaultValue()).isBetween(p.min(), p.max());
    }

    @Test
    void reverbDecayHalfwayIsAbout3460ms() {
        ParamSpec decay = Catalog.standard().device("Reverb").param("Decay Time");
        // ableton-integration.md §5.6: display = 200.07·e^(5.703·x) ms → x = 0.5 gives 3462 ms.
        assertThat(decay.fromLom(0.5)).isCloseTo(3460, within(10.0));
        assertThat(decay.toLom(3464)).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void multibandCrossoverIsLog10Encoded() {
        ParamSpec x = Catalog.standard().device("Multiband Dynamics").param("Mid-High Crossover");
        // 3.3979 is quoted to 4 decimals: ±0.00005 in log10 is ±0.29 Hz at 2.5 kHz.
        assertThat(x.fromLom(3.3979)).isCloseTo(2500, within(0.3));
        assertThat(x.toXml(2500)).isCloseTo(2500, within(1e-9));
    }

    @Test
    void saturatorDriveZeroDbIsLomHalf() {
        ParamSpec drive = Catalog.standard().device("Saturator").param("Drive");
        assertThat(drive.toLom(0)).isCloseTo(0.5, within(1e-9));
        assertThat(drive.xmlElement()).isEqualTo("PreDrive");
    }

    @Test
    void ottPresetLoads() {
        DeviceSettings ott = Catalog.standard().device("Multiband Dynamics").preset("OTT");
        assertThat(ott.get("Low-Mid Crossover")).isCloseTo(88.28, within(0.1));
        assertThat(ott.get("Mid-High Crossover")).isCloseTo(2500, within(1.0));
        assertThat(ott.get("Above Threshold (Low)")).isEqualTo(-33.75);
    }

    @Test
    void misspeltNamesGetSuggestions() {
        assertThatThrownBy(() -> Catalog.standard().device("Reverbb"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean \"Reverb\"");
        assertThatThrownBy(() -> Catalog.standard().device("Saturator").param("Driv"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean \"Drive\"");
    }

    @Test
    void lookupIgnoresCaseAndAcceptsTheLomClass() {
        assertThat(Catalog.standard().device("eq eight").name()).isEqualTo("EQ Eight");
        assertThat(Catalog.standard().device("Eq8").name()).isEqualTo("EQ Eight");
        assertThat(List.of("Saturator", "Reverb")).allMatch(Catalog.standard()::has);
    }
}
