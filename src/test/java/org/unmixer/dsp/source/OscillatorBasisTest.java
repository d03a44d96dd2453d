package org.unmixer.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.params.DeviceSettings;

class OscillatorBasisTest {
    private static final int FS = 44_100;
    private static final double SECONDS = 0.6;
    private static final Note NOTE = new Note(50, 100, 0.4);
    private static final Wavetable TABLE1 = Wavetables.find("Basics", "Basic Shapes");
    private static final Wavetable TABLE2 = Wavetables.find("Formant", "Formant Sweep");
    private static final Unison UNISON = new Unison(Unison.Mode.CLASSIC, 4);

    private static DeviceSettings settings(Map<String, ?> extra) {
        return WavetableDevice.spec().settings(Map.of(
                "Osc 1 Pos", 30.0, "Osc 1 Gain", -3.0, "Osc 1 Pan", 20.0,
                "Osc 2 On", "On", "Osc 2 Pos", 47.0, "Osc 2 Transp", 7.0, "Osc 2 Detune", 13.0, "Osc 2 Gain", -6.0,
                "Osc 2 Pan", -30.0, "Sub On", "On"))
                .with(Map.of("Sub Gain", -9.0, "Sub Tone", 40.0, "Sub Transpose", "-1", "Unison Amount", 30.0))
                .with(extra);
    }

    private static OscillatorBasis basis(DeviceSettings s) {
        return OscillatorBasis.of(WavetableControls.from(s), TABLE1, TABLE2, NOTE, SECONDS, FS, UNISON);
    }

    private static double gain(double db) {
        return Math.pow(10, db / 20);
    }

    @Test
    void partsAddUpToTheVoicesOscillatorSum() {
        DeviceSettings s = settings(Map.of());
        OscillatorBasis b = basis(s);
        float[][] sum = WavetableVoice.oscillatorSum(WavetableControls.from(s), TABLE1, TABLE2, NOTE, SECONDS, FS, UNISON);
        double maxError = 0;
        double peak = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < sum[c].length; i++) {
                double v = gain(-3) * b.osc1().unit()[c][i] + gain(-6) * b.osc2().unit()[c][i]
                        + gain(-9) * (b.subSine()[c][i] + 0.4 * b.subHarmonics()[c][i]);
                maxError = Math.max(maxError, Math.abs(v - sum[c][i]));
                peak = Math.max(peak, Math.abs(sum[c][i]));
            }
        }
        assertThat(peak).isGreaterThan(0.5);
        assertThat(maxError).isLessThan(1e-5); // the voice's sum is float
    }

    @Test
    void silentPartsAreAbsent() {
        OscillatorBasis b = basis(settings(Map.of("Osc 2 On", "Off", "Sub On", "Off")));
        assertThat(b.osc1()).isNotNull();
        assertThat(b.osc2()).isNull();
        assertThat(b.subSine()).isNull();
        assertThat(b.subHarmonics()).isNull();
    }

    @Test
    void positionDerivativeMatchesFiniteDifferences() {
        // Both positions lie inside a crossfade segment, where the cycle is linear in the position.
        double h = 1e-3;
        double[][] plus1 = basis(settings(Map.of("Osc 1 Pos", 30.0 + h))).osc1().unit();
        double[][] minus1 = basis(settings(Map.of("Osc 1 Pos", 30.0 - h))).osc1().unit();
        assertClose(basis(settings(Map.of())).osc1().perPosition(), difference(plus1, minus1, 2 * h / 100), 1e-6);
        double[][] plus2 = basis(settings(Map.of("Osc 2 Pos", 47.0 + h))).osc2().unit();
        double[][] minus2 = basis(settings(Map.of("Osc 2 Pos", 47.0 - h))).osc2().unit();
        assertClose(basis(settings(Map.of())).osc2().perPosition(), difference(plus2, minus2, 2 * h / 100), 1e-6);
    }

    @Test
    void pitchDerivativeMatchesFiniteDifferences() {
        // Detune is in cents: a step of h cents is h/100 semitones. The step is small enough that
        // few samples' phases cross a table sample (where linear interpolation has a kink).
        double h = 1e-6;
        double[][] plus = basis(settings(Map.of("Osc 2 Detune", 13.0 + h))).osc2().unit();
        double[][] minus = basis(settings(Map.of("Osc 2 Detune", 13.0 - h))).osc2().unit();
        double[][] analytic = basis(settings(Map.of())).osc2().perSemitone();
        assertClose(analytic, difference(plus, minus, 2 * h / 100), 1e-3);
    }

    private static double[][] difference(double[][] plus, double[][] minus, double step) {
        double[][] out = new double[2][plus[0].length];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = (plus[c][i] - minus[c][i]) / step;
            }
        }
        return out;
    }

    /** ‖a − b‖ ≤ tolerance·‖b‖, and a random projection of both agrees as closely. */
    private static void assertClose(double[][] a, double[][] b, double tolerance) {
        SplittableRandom r = new SplittableRandom(3);
        double diff = 0;
        double norm = 0;
        double projectionA = 0;
        double projectionB = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < a[c].length; i++) {
                diff += (a[c][i] - b[c][i]) * (a[c][i] - b[c][i]);
                norm += b[c][i] * b[c][i];
                double w = r.nextDouble() - 0.5;
                projectionA += w * a[c][i];
                projectionB += w * b[c][i];
            }
        }
        assertThat(norm).isGreaterThan(1);
        assertThat(Math.sqrt(diff)).isLessThanOrEqualTo(tolerance * Math.sqrt(norm));
        assertThat(Math.abs(projectionA - projectionB)).isLessThanOrEqualTo(tolerance * Math.sqrt(norm));
    }
}
