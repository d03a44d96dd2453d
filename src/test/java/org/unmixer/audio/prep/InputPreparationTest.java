package org.unmixer.audio.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.audio.Pitch;
import org.unmixer.audio.SilentInputException;

class InputPreparationTest {
    private static final int RATE = Tones.RATE;
    private static final PrepSettings SETTINGS = PrepSettings.DEFAULT;
    /** The brief: the onset lands within ~10 ms of the window start (the pre-roll is 5 ms of it). */
    private static final double ONSET_TOLERANCE_SECONDS = 0.010;
    /** The brief: loudness within 0.1 LU of the target. */
    private static final double LOUDNESS_TOLERANCE_LU = 0.1;
    /** The brief: gate within ±60 ms. */
    private static final double GATE_TOLERANCE_SECONDS = 0.06;

    @Test
    void stereo48kHzBecomesMono44100OfExactLength() {
        int rate = 48_000;
        float[] left = new float[2 * rate];
        Tones.mixInto(left, Tones.adsrSaw(220, 0.4, 0.5, 0.6, 0.3, true, rate, rate), rate / 5, 1);
        float[] right = left.clone();
        for (int i = 0; i < right.length; i++) {
            right[i] *= 0.5f;
        }
        PreparedInput p = InputPreparation.prepare(new AudioBuffer(new float[][] {left, right}, rate), SETTINGS);
        assertThat(p.audio().channelCount()).isEqualTo(1);
        assertThat(p.audio().sampleRate()).isEqualTo(44_100);
        assertThat(p.audio().frames()).isEqualTo(66_150);
        assertThat(p.sourceRate()).isEqualTo(48_000);
        assertThat(p.sourceChannels()).isEqualTo(2);
        assertThat(p.sourceSeconds()).isEqualTo(2.0);
        assertThat(p.padded()).isFalse();
        assertThat(p.steps()).startsWith("mixed 2 channels to mono", "resampled 48000 → 44100 Hz");
    }

    @Test
    void monoMixIsTheAverageOfTheChannels() {
        AudioBuffer stereo = new AudioBuffer(new float[][] {{1, 0.5f}, {0, -0.5f}}, RATE);
        assertThat(InputPreparation.monoAt(stereo, RATE)).containsExactly(0.5f, 0f);
    }

    @Test
    void leadingSilenceIsTrimmedSoTheOnsetStartsTheWindow() {
        for (double noteSeconds : new double[] {0.6, 1.6}) { // a short file (1.3 s) and a long one (2.3 s)
            float[] x = new float[(int) ((0.7 + noteSeconds) * RATE)];
            Tones.mixInto(x, Tones.adsrSaw(220, 0.3, 0.5, 0.5, 0.1, true, (int) (noteSeconds * RATE), RATE),
                    (int) (0.7 * RATE), 1);
            PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS);
            assertThat(p.windowStartSeconds()).as("%s s note", noteSeconds).isCloseTo(0.695, offset(0.001));
            assertThat(firstSoundSeconds(p.audio().channel(0)))
                    .as("%s s note", noteSeconds).isBetween(0.0, ONSET_TOLERANCE_SECONDS);
        }
    }

    @Test
    void inATenSecondLoopTheLoudestOfFourNotesIsChosen() {
        float[] x = new float[10 * RATE];
        Random random = new Random(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (Tones.dbToGain(-75) * random.nextGaussian());
        }
        int[] midi = {57, 60, 64, 62};
        double[] peaksDb = {-20, -26, -8, -14};
        for (int n = 0; n < 4; n++) {
            float[] note = Tones.adsrSaw(Pitch.midiToHz(midi[n]), 1, 0.5, 0.7, 0.4, true, (int) (1.5 * RATE), RATE);
            Tones.mixInto(x, note, (int) ((1 + 2.5 * n) * RATE), Tones.dbToGain(peaksDb[n]));
        }
        PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS);
        assertThat(p.windowStartSeconds()).isCloseTo(5.995, offset(0.002));
        assertThat(p.note().orElseThrow().midiNote()).isEqualTo(64);
        assertThat(p.steps()).contains("window 6.00–7.50 s of 10.00 s (loudest of 4 notes)");
    }

    @Test
    void shortFileIsPaddedWithSilenceAndSaysSo() {
        float[] x = Tones.adsrSaw(220, 0.3, 0.5, 0.5, 0.2, true, (int) (0.8 * RATE), RATE);
        x[x.length - 1] = 0.1f; // the last source sample, so the padding starts right after it
        PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS);
        float[] out = p.audio().channel(0);
        assertThat(p.padded()).isTrue();
        assertThat(out).hasSize(66_150);
        assertThat(out[x.length - 1]).isNotZero();
        for (int i = x.length; i < out.length; i++) {
            assertThat(out[i]).isZero();
        }
        assertThat(p.steps()).contains("padded 0.70 s of silence at the end");
    }

    @Test
    void loudnessHitsTheTarget() {
        for (double target : new double[] {-20, -14, -30}) {
            float[] x = Tones.adsrSaw(220, 0.05, 0.5, 0.8, 0.3, true, (int) (1.5 * RATE), RATE);
            PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS.withTargetLufs(target));
            assertThat(Loudness.integratedLufs(p.audio())).as("target %s", target)
                    .isCloseTo(target, offset(LOUDNESS_TOLERANCE_LU));
            assertThat(p.peakLimited()).isFalse();
        }
    }

    @Test
    void peakStaysUnderTheCeilingWhenTheTargetWouldClip() {
        // a click train: high crest factor, so −8 LUFS would need a peak far above 0 dBFS
        float[] x = new float[(int) (1.5 * RATE)];
        for (int i = 0; i < x.length; i += RATE / 20) {
            x[i] = 0.2f;
            x[i + 1] = -0.2f;
        }
        PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS.withTargetLufs(-8));
        assertThat(p.peakLimited()).isTrue();
        assertThat(Loudness.peakDb(p.audio())).isCloseTo(-0.1, offset(1e-4)).isLessThanOrEqualTo(-0.1 + 1e-6);
        assertThat(Loudness.integratedLufs(p.audio())).isLessThan(-8);
        assertThat(p.steps()).anyMatch(s -> s.contains("short of -8.0 LUFS to keep the peak at -0.1 dBFS"));
    }

    @Test
    void silentInputIsRefusedWithOneClearLine() {
        assertThatThrownBy(() -> InputPreparation.prepare(AudioBuffer.silence(2, RATE, 48_000), SETTINGS))
                .isInstanceOf(SilentInputException.class)
                .hasMessage("input is silent: every sample is zero");
        float[] whisper = Tones.saw(220, Tones.dbToGain(-80), RATE, RATE);
        assertThatThrownBy(() -> InputPreparation.prepare(AudioBuffer.mono(whisper, RATE), SETTINGS))
                .isInstanceOf(SilentInputException.class)
                .hasMessage("input is silent: its peak of -80.0 dBFS is below the -70.0 dBFS floor");
    }

    @Test
    void sawtoothAt220HzIsA2() {
        float[] x = Tones.adsrSaw(220, 0.3, 0.6, 0.8, 0.3, true, (int) (1.5 * RATE), RATE);
        PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS);
        Pitch note = p.note().orElseThrow();
        assertThat(note.midiNote()).isEqualTo(57);
        assertThat(note.noteName()).isEqualTo("A2"); // Live's naming: A 440 Hz is A3
        assertThat(p.steps()).anyMatch(s -> s.startsWith("note A2 "));
    }

    @Test
    void gateIsEstimatedFromTheWindowStart() {
        float[] x = new float[(int) (2.3 * RATE)];
        float[] note = Tones.adsrSaw(220, 0.3, 0.5, 0.6, 0.3, false, (int) (1.5 * RATE), RATE);
        Tones.mixInto(x, note, (int) (0.4 * RATE), 1);
        PreparedInput p = InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS);
        assertThat(p.gateSeconds()).isCloseTo(0.6 + SETTINGS.preRollSeconds(), offset(GATE_TOLERANCE_SECONDS));
    }

    @Test
    void inputIsLeftUntouched() {
        float[] x = Tones.adsrSaw(220, 0.3, 0.5, 0.5, 0.2, true, RATE, RATE);
        float[] before = x.clone();
        InputPreparation.prepare(AudioBuffer.mono(x, RATE), SETTINGS);
        assertThat(x).containsExactly(before);
    }

    @Test
    void cutPadsOnlyPastTheEnd() {
        float[] x = {1, 2, 3, 4};
        InputPreparation.Window inside = InputPreparation.cut(x, 1, 2);
        assertThat(inside.samples()).containsExactly(2, 3);
        assertThat(inside.padded()).isFalse();
        InputPreparation.Window past = InputPreparation.cut(x, 2, 4);
        assertThat(past.samples()).containsExactly(3, 4, 0, 0);
        assertThat(past.padded()).isTrue();
    }

    /** Seconds to the first sample above −50 dB of the peak. */
    private static double firstSoundSeconds(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) >= peak * Tones.dbToGain(-50)) {
                return i / (double) RATE;
            }
        }
        return Double.NaN;
    }
}
