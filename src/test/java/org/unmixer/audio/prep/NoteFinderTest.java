package org.unmixer.audio.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.SilentInputException;

class NoteFinderTest {
    private static final double S = EnergyEnvelope.SILENCE_DB;
    private static final int RATE = Tones.RATE;
    /** A saw starting at phase 0 passes −50 dB of its peak within its first two samples. */
    private static final int ONSET_SAMPLES_TOLERANCE = 2;

    @Test
    void onsetsAreRisesAboveTheLocalFloorSpacedByTheFloorWindow() {
        double[] db = {S, S, -20, -20, -12, -20, -40, -40, -15, -15, -35, -40, -32, -20};
        // frame 2: first sound; 4: +8 dB and too soon; 8: +25 dB over −40; 12: +8 dB only; 13: +20 dB over −40
        assertThat(NoteFinder.onsetFrames(db, -50, 10, 2)).containsExactly(2, 8, 13);
    }

    @Test
    void firstSoundingFrameIsAnOnsetEvenWithoutARise() {
        double[] db = {-55, -55, -48, -46, -45};
        assertThat(NoteFinder.onsetFrames(db, -50, 10, 2)).containsExactly(2);
    }

    @Test
    void localFloorLooksBackAndTreatsTheFileStartAsSilence() {
        double[] db = {-30, -50, -10, -20};
        assertThat(NoteFinder.localFloorDb(db, 0, 2)).isEqualTo(S);
        assertThat(NoteFinder.localFloorDb(db, 1, 2)).isEqualTo(-30);
        assertThat(NoteFinder.localFloorDb(db, 3, 2)).isEqualTo(-50);
    }

    @Test
    void loudestWindowSumsTheEnergyFromThePreRoll() {
        float[] x = new float[20];
        x[2] = 1; // window of onset 3 (from 2): 1 + 0.25 + 0.25 = 1.5
        x[4] = 0.5f;
        x[5] = 0.5f;
        x[9] = 1.2f; // window of onset 10 (from 9): 1.44
        assertThat(NoteFinder.loudestWindow(x, List.of(3, 10), 1, 4)).isEqualTo(3);
        x[10] = 0.3f; // now 1.44 + 0.09 = 1.53
        assertThat(NoteFinder.loudestWindow(x, List.of(3, 10), 1, 4)).isEqualTo(10);
    }

    @Test
    void shortFileStartsAtItsFirstSound() {
        int silence = (int) (0.7 * RATE);
        float[] x = new float[silence + (int) (0.5 * RATE)];
        Tones.mixInto(x, Tones.saw(220, 0.3, (int) (0.5 * RATE), RATE), silence, 1);
        NoteFinder.NoteStart start = NoteFinder.find(x, PrepSettings.DEFAULT);
        assertThat(start.onsetCount()).isEqualTo(1);
        assertThat(start.sample()).isBetween(silence, silence + ONSET_SAMPLES_TOLERANCE);
    }

    @Test
    void inALoopOverNoiseTheLoudestOfFourNotesWins() {
        float[] x = new float[10 * RATE];
        Random random = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (Tones.dbToGain(-60) * random.nextGaussian());
        }
        double[] startsSeconds = {0.5, 3.0, 5.5, 8.0};
        double[] peaksDb = {-24, -18, -6, -12};
        for (int n = 0; n < 4; n++) {
            float[] note = Tones.adsrSaw(220, 1, 0.5, 0.8, 0.3, true, (int) (1.5 * RATE), RATE);
            Tones.mixInto(x, note, (int) (startsSeconds[n] * RATE), Tones.dbToGain(peaksDb[n]));
        }
        NoteFinder.NoteStart start = NoteFinder.find(x, PrepSettings.DEFAULT);
        assertThat(start.onsetCount()).isEqualTo(4);
        // the noise hides the first few samples of the attack: within 1 ms
        assertThat(start.sample()).isBetween((int) (5.5 * RATE), (int) (5.501 * RATE));
    }

    @Test
    void aLoneClickIsStillSilence() {
        float[] x = new float[RATE];
        x[1000] = (float) Tones.dbToGain(-60); // peak above −70 dBFS, but its 10 ms frame reads −86 dBFS
        assertThatThrownBy(() -> NoteFinder.find(x, PrepSettings.DEFAULT))
                .isInstanceOf(SilentInputException.class)
                .hasMessage("input is silent: no 10 ms stretch is louder than -70.0 dBFS RMS");
    }
}
