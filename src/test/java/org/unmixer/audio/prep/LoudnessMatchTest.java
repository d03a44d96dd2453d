package org.unmixer.audio.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.audio.SilentInputException;

class LoudnessMatchTest {
    /** A gain applied in float: the re-measured loudness is off by rounding only. */
    private static final double LU_TOLERANCE = 1e-3;

    @Test
    void quietNoteIsBroughtToTheTarget() {
        AudioBuffer note = AudioBuffer.mono(Tones.saw(220, 0.03, 66_150, Tones.RATE), Tones.RATE);
        double before = Loudness.integratedLufs(note);
        LoudnessMatch.Matched m = LoudnessMatch.match(note, -20, -0.1);
        assertThat(Loudness.integratedLufs(m.audio())).isCloseTo(-20, offset(LU_TOLERANCE));
        assertThat(m.gainDb()).isCloseTo(-20 - before, offset(1e-9));
        assertThat(m.peakLimited()).isFalse();
        assertThat(note.channel(0)[100]).isEqualTo(Tones.saw(220, 0.03, 66_150, Tones.RATE)[100]); // input untouched
    }

    @Test
    void gainStopsWhereThePeakReachesTheCeiling() {
        // a full-scale sine reads −3.01 LUFS: reaching −1 LUFS would need +2 dB and clip
        float[] sine = new float[Tones.RATE];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 997 * i / Tones.RATE));
        }
        LoudnessMatch.Matched m = LoudnessMatch.match(AudioBuffer.mono(sine, Tones.RATE), -1, -0.1);
        assertThat(m.peakLimited()).isTrue();
        assertThat(Loudness.peakDb(m.audio())).isCloseTo(-0.1, offset(1e-4));
        assertThat(m.gainDb()).isCloseTo(-0.1 - 20 * Math.log10(0.5), offset(1e-4));
        assertThat(Loudness.integratedLufs(m.audio())).isLessThan(-1);
    }

    @Test
    void audioBelowTheLoudnessGateIsRefused() {
        AudioBuffer whisper = AudioBuffer.mono(Tones.saw(220, 1e-4, 66_150, Tones.RATE), Tones.RATE); // −80 dBFS
        assertThatThrownBy(() -> LoudnessMatch.match(whisper, -20, -0.1))
                .isInstanceOf(SilentInputException.class)
                .hasMessage("input is too quiet: its loudness is below the -70 LUFS gate");
    }
}
