package org.unmixer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PitchDetectorTest {
    /** Spec: synthetic notes detected within ±10 cents. */
    private static final double CENTS_TOLERANCE = 10;
    private static final int RATE = 44_100;

    @ParameterizedTest
    @ValueSource(ints = {36, 45, 48, 57, 60, 69, 72, 84, 93})
    void sineNotesAreFoundWithin10Cents(int midi) {
        assertDetected(midi, 0, sine(Pitch.midiToHz(midi), RATE));
    }

    @ParameterizedTest
    @ValueSource(ints = {36, 48, 60, 72})
    void bandLimitedSawtoothIsFoundAtItsFundamental(int midi) {
        assertDetected(midi, 0, saw(Pitch.midiToHz(midi), RATE));
    }

    @Test
    void detunedNoteReportsItsCents() {
        double hz = Pitch.midiToHz(57 + 0.3); // A2 + 30 cents
        assertDetected(57, 30, saw(hz, RATE));
    }

    @Test
    void otherSampleRatesWork() {
        float[] x = saw(Pitch.midiToHz(50), 96_000);
        Pitch p = PitchDetector.detect(x, 96_000).orElseThrow();
        assertThat(p.midiNote()).isEqualTo(50);
        assertThat(Math.abs(p.cents())).isLessThan(CENTS_TOLERANCE);
    }

    @Test
    void noiseAndSilenceHaveNoPitch() {
        Random random = new Random(9);
        float[] noise = new float[RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.3 * random.nextGaussian());
        }
        Optional<Pitch> p = PitchDetector.detect(noise, RATE);
        assertThat(p.map(Pitch::confidence).orElse(0.0)).isLessThan(PitchDetector.MIN_CONFIDENCE);
        assertThat(PitchDetector.detect(new float[RATE], RATE)).isEmpty();
    }

    @Test
    void noteNamesFollowLiveWhereMiddleCIsC3() {
        assertThat(Pitch.noteName(60)).isEqualTo("C3");
        assertThat(Pitch.noteName(69)).isEqualTo("A3");
        assertThat(Pitch.noteName(0)).isEqualTo("C-2");
        assertThat(Pitch.noteName(61)).isEqualTo("C#3");
        assertThat(Pitch.noteName(127)).isEqualTo("G8");
        assertThatThrownBy(() -> Pitch.noteName(128)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pitch.of(440, 1).describe()).isEqualTo("A3 +0 cents (440.0 Hz)");
    }

    @Test
    void frameSizeIsAPowerOfTwoCoveringAbout40Ms() {
        assertThat(PitchDetector.frameSize(44_100)).isEqualTo(2048);
        assertThat(PitchDetector.frameSize(48_000)).isEqualTo(2048);
        assertThat(PitchDetector.frameSize(96_000)).isEqualTo(4096);
        assertThat(PitchDetector.frameSize(8_000)).isEqualTo(512);
    }

    private static void assertDetected(int midi, double cents, float[] x) {
        Pitch p = PitchDetector.detect(x, RATE).orElseThrow();
        assertThat(p.midiNote()).as("note of %s", p.describe()).isEqualTo(midi);
        assertThat(Math.abs(p.cents() - cents)).as("cents of %s", p.describe()).isLessThan(CENTS_TOLERANCE);
        assertThat(p.confidence()).isGreaterThan(0.9);
    }

    static float[] sine(double hz, int rate) {
        float[] x = new float[rate];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Additive sawtooth, 0.5 s: harmonics k up to Nyquist with amplitude 1/k (phasor recurrence). */
    static float[] saw(double hz, int rate) {
        double[] acc = new double[rate / 2];
        int harmonics = (int) (0.5 * rate / hz);
        for (int k = 1; k <= harmonics; k++) {
            double w = 2 * Math.PI * k * hz / rate;
            double c = Math.cos(w), s = Math.sin(w), re = 1, im = 0;
            for (int i = 0; i < acc.length; i++) {
                acc[i] += im / k;
                double r = re * c - im * s;
                im = re * s + im * c;
                re = r;
            }
        }
        float[] x = new float[acc.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * acc[i]);
        }
        return x;
    }
}
