package org.unmixer.audio.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GateEstimatorTest {
    /** The brief's tolerance for synthetic ADSR notes: ±60 ms. */
    private static final double GATE_TOLERANCE_SECONDS = 0.06;
    private static final int RATE = Tones.RATE;
    private static final int WINDOW = (int) (1.5 * RATE);

    static List<Arguments> notes() {
        List<Arguments> cases = new ArrayList<>();
        for (double gate : new double[] {0.3, 0.6, 0.9}) {
            cases.add(Arguments.of(220.0, gate, 0.1, true));
            cases.add(Arguments.of(220.0, gate, 0.3, false));
            cases.add(Arguments.of(220.0, gate, 0.5, true));
            cases.add(Arguments.of(220.0, gate, 0.5, false));
            // MIDI 36, the lowest training note; at gate 0.9 the window cuts the release
            cases.add(Arguments.of(65.4, gate, 1.0, false));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} Hz, gate {1} s, release {2} s, exponential {3}")
    @MethodSource("notes")
    void adsrNoteGateIsFoundWithin60Ms(double hz, double gate, double release, boolean exponential) {
        float[] note = Tones.adsrSaw(hz, 0.5, 0.5, gate, release, exponential, WINDOW, RATE);
        assertThat(GateEstimator.estimate(note, RATE)).isCloseTo(gate, offset(GATE_TOLERANCE_SECONDS));
    }

    @Test
    void noteHeldThroughTheWindowHasTheWindowsLength() {
        float[] note = Tones.adsrSaw(220, 0.5, 0.5, 10, 0.3, true, WINDOW, RATE);
        assertThat(GateEstimator.estimate(note, RATE)).isCloseTo(1.5, offset(0.01));
    }

    @Test
    void aBlipIsClampedToTheShortestGate() {
        float[] blip = new float[WINDOW];
        Tones.mixInto(blip, Tones.saw(440, 0.5, RATE / 100, RATE), 0, 1);
        assertThat(GateEstimator.estimate(blip, RATE)).isEqualTo(GateEstimator.MIN_GATE_SECONDS);
    }

    @Test
    void sustainLevelIsTheDensestLevelRefinedToAMedian() {
        double[] db = {0, -3, -6, -6.2, -5.8, -6.1, -20, -40};
        // −6, −6.2, −5.8 and −6.1 each have the same four frames within ±0.75 dB; the loudest, −5.8, wins
        assertThat(GateEstimator.sustainDb(db, 0)).isCloseTo((-6.1 - 6) / 2, offset(1e-12));
    }

    @Test
    void lastCrossingIsInterpolatedBetweenFrameCentres() {
        double[] db = {0, -1, -2, -4, -8};
        assertThat(GateEstimator.lastTimeAtOrAbove(db, 0, -3, 0.01)).isCloseTo(0.03, offset(1e-12)); // halfway 2→3
        assertThat(GateEstimator.lastTimeAtOrAbove(db, 0, -10, 0.01)).isCloseTo(0.045, offset(1e-12)); // last centre
    }
}
