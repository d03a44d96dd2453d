package org.unmixer.audio.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnergyEnvelopeTest {
    /** Float samples against double reference values. */
    private static final double DB_TOLERANCE = 1e-4;

    @Test
    void framesAreTenMilliseconds() {
        assertThat(EnergyEnvelope.frameLength(44_100)).isEqualTo(441);
        assertThat(EnergyEnvelope.frameLength(48_000)).isEqualTo(480);
    }

    @Test
    void eachFrameReadsItsRmsAndTheShortLastFrameIsMeasuredOverWhatItHas() {
        float[] x = new float[441 + 441 + 118];
        for (int i = 0; i < 441; i++) {
            x[i] = i % 2 == 0 ? 0.5f : -0.5f; // RMS 0.5 = −6.0206 dB
        }
        Arrays.fill(x, 882, x.length, 0.1f); // RMS 0.1 = −20 dB over 118 samples
        double[] db = EnergyEnvelope.rmsDb(x, 441);
        assertThat(db).hasSize(3);
        assertThat(db[0]).isCloseTo(-6.0206, offset(DB_TOLERANCE));
        assertThat(db[1]).isEqualTo(EnergyEnvelope.SILENCE_DB);
        assertThat(db[2]).isCloseTo(-20, offset(DB_TOLERANCE));
    }

    @Test
    void smoothingAveragesPowerOverTheCentredFrames() {
        double[] db = {EnergyEnvelope.SILENCE_DB, 0, EnergyEnvelope.SILENCE_DB, EnergyEnvelope.SILENCE_DB};
        double[] smooth = EnergyEnvelope.smooth(db, 3);
        assertThat(smooth[0]).isCloseTo(10 * Math.log10(1 / 2.0), offset(DB_TOLERANCE)); // frames 0–1
        assertThat(smooth[1]).isCloseTo(10 * Math.log10(1 / 3.0), offset(DB_TOLERANCE)); // frames 0–2
        assertThat(smooth[2]).isCloseTo(10 * Math.log10(1 / 3.0), offset(DB_TOLERANCE)); // frames 1–3
        assertThat(smooth[3]).isCloseTo(EnergyEnvelope.SILENCE_DB, offset(DB_TOLERANCE)); // frames 2–3
    }

    @Test
    void medianRemovesASpikeAndKeepsAStep() {
        double[] db = {0, 0, -30, 0, 0, -10, -12};
        assertThat(EnergyEnvelope.median(db, 3)).containsExactly(0, 0, 0, 0, 0, -10, -11);
    }

    @Test
    void smoothingWidthMustBeOdd() {
        assertThatThrownBy(() -> EnergyEnvelope.smooth(new double[3], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    }
}
