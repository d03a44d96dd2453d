package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {
    @Test
    void agreesWithMathLogAcrossTheMagnitudesASpectrumHas() {
        SplittableRandom random = new SplittableRandom(11);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // 1e-6 … 1e6: |X| + ε of a spectrum of samples in ±1 with N up to 2048, and beyond.
            double x = Math.pow(10, random.nextDouble(-6, 6));
            worst = Math.max(worst, Math.abs(FastLog.ln(x) - Math.log(x)));
        }
        assertThat(worst).isLessThan(1e-14);
    }

    @Test
    void isExactWhereTheLogarithmIsKnown() {
        assertThat(FastLog.ln(1.0)).isCloseTo(0.0, within(1e-16));
        assertThat(FastLog.ln(2.0)).isCloseTo(Math.log(2.0), within(1e-16));
        assertThat(FastLog.ln(0.5)).isCloseTo(-Math.log(2.0), within(1e-16));
        assertThat(FastLog.ln(Math.E)).isCloseTo(1.0, within(1e-15));
        // The edges of a table cell and of the mantissa range.
        assertThat(FastLog.ln(Math.nextDown(2.0))).isCloseTo(Math.log(Math.nextDown(2.0)), within(1e-15));
        assertThat(FastLog.ln(1.0 + 1.0 / 256)).isCloseTo(Math.log(1.0 + 1.0 / 256), within(1e-16));
        assertThat(FastLog.ln(1e-5)).isCloseTo(Math.log(1e-5), within(1e-14));
    }
}
