package org.unmixer.app.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class SpectrogramTest {
    private static final int RATE = Spectrogram.SAMPLE_RATE;
    private static final double BIN_HZ = RATE / (double) Spectrogram.FFT_SIZE;
    /** Hann on an exact bin reads N/4 exactly; float rounding of the FFT costs far less than this. */
    private static final double ON_BIN_DB = 0.01;

    static AudioBuffer sine(double hz, double amplitude, double seconds, int rate) {
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return AudioBuffer.mono(x, rate);
    }

    /** Row with the most energy in a frame well inside the sound. */
    static int loudestRow(Spectrogram s) {
        int t = s.frames() / 2;
        int best = 0;
        for (int r = 1; r < s.rows(); r++) {
            if (s.db(t, r) > s.db(t, best)) {
                best = r;
            }
        }
        return best;
    }

    @Test
    void axisHasTenOctavesOfQuarterTones() {
        LogFrequencyAxis a = LogFrequencyAxis.AUDIBLE;
        assertThat(a.maxHz()).isCloseTo(20_480, within(1e-6));
        assertThat(a.rowOf(20)).isZero();
        assertThat(a.rowOf(40)).isEqualTo(24);
        assertThat(a.rowOf(20_479)).isEqualTo(239);
        assertThat(a.rowOf(19.9)).isEqualTo(-1);
        assertThat(a.rowOf(20_480)).isEqualTo(-1);
        assertThat(a.rowOf(a.centreHz(100))).isEqualTo(100);
    }

    @Test
    void fullScaleSineOnABinShowsZeroDbInItsOwnRow() {
        double hz = 93 * BIN_HZ; // 2002.6 Hz, a row wider than a bin
        Spectrogram s = Spectrogram.of(sine(hz, 1.0, 0.5, RATE));
        assertThat(loudestRow(s)).isEqualTo(LogFrequencyAxis.AUDIBLE.rowOf(hz));
        assertThat((double) s.db(s.frames() / 2, loudestRow(s))).isCloseTo(0, within(ON_BIN_DB));
        assertThat((double) s.db(s.frames() / 2, LogFrequencyAxis.AUDIBLE.rowOf(hz / 2))).isLessThan(-60);
    }

    @Test
    void bassSineLandsInTheRowOfItsFrequency() {
        double hz = 130.81; // C3, Live's note 48: rows here are narrower than a bin
        Spectrogram s = Spectrogram.of(sine(hz, 0.5, 0.5, RATE));
        assertThat(Math.abs(loudestRow(s) - LogFrequencyAxis.AUDIBLE.rowOf(hz))).isLessThanOrEqualTo(1);
    }

    @Test
    void soundAtAnotherRateGetsTheSameRowsAndTimeSteps() {
        double hz = 93 * BIN_HZ;
        Spectrogram at48 = Spectrogram.of(sine(hz, 1.0, 0.5, 48_000));
        Spectrogram at44 = Spectrogram.of(sine(hz, 1.0, 0.5, RATE));
        assertThat(at48.frames()).isEqualTo(at44.frames());
        assertThat(loudestRow(at48)).isEqualTo(loudestRow(at44));
        assertThat(at48.hopSeconds()).isEqualTo(512.0 / RATE);
    }

    @Test
    void silenceIsTheFloorAndFramesPastTheEndAreSilence() {
        Spectrogram s = Spectrogram.of(AudioBuffer.silence(2, 4096, RATE));
        assertThat(s.frames()).isEqualTo(1 + 4096 / Spectrogram.HOP);
        assertThat(s.rows()).isEqualTo(240);
        assertThat(s.maxDb()).isEqualTo(Spectrogram.FLOOR_DB);
        assertThat(s.db(1000, 5)).isEqualTo(Spectrogram.FLOOR_DB);
    }

    @Test
    void commonScaleTopsAtTheLouderSoundRoundedUp() {
        Spectrogram loud = Spectrogram.of(sine(93 * BIN_HZ, 0.5, 0.3, RATE)); // −6.02 dB
        Spectrogram quiet = Spectrogram.of(sine(93 * BIN_HZ, 0.05, 0.3, RATE)); // −26.02 dB
        DbScale scale = DbScale.common(quiet, loud);
        assertThat(scale.maxDb()).isEqualTo(-6.0);
        assertThat(scale.minDb()).isEqualTo(-96.0);
        assertThat(DbScale.common(60, loud).minDb()).isEqualTo(-66.0);
        assertThat(scale.position(-200)).isZero();
        assertThat(scale.position(0)).isEqualTo(1.0);
        assertThatThrownBy(() -> new DbScale(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
