package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class LogMelTest {
    @Test
    void slaneyScaleIsLinearBelow1kHzAndLogarithmicAbove() {
        assertThat(LogMel.hzToMel(1000)).isCloseTo(15, offset(1e-12));
        assertThat(LogMel.hzToMel(200)).isCloseTo(3, offset(1e-12));
        assertThat(LogMel.hzToMel(6400)).isCloseTo(42, offset(1e-12)); // 15 + 27·ln(6.4)/ln(6.4)
        for (double hz : new double[] {0, 20, 999, 1000, 4321, 16_000}) {
            assertThat(LogMel.melToHz(LogMel.hzToMel(hz))).isCloseTo(hz, offset(1e-9));
        }
    }

    @Test
    void slaneyNormalisedTrianglesHaveUnitArea() {
        LogMel.Config c = new LogMel.Config(44_100, 8192, 2048, 40, 20, 16_000, 1e-5);
        float[][] fb = new LogMel(c).filterbank();
        double binHz = 44_100.0 / 8192;
        for (int m = 5; m < fb.length; m++) { // low bands span only a few bins: the sum is a coarse integral
            double area = 0;
            for (float w : fb[m]) {
                area += w * binHz;
            }
            assertThat(area).as("band %d", m).isCloseTo(1.0, offset(0.02));
        }
    }

    @Test
    void aToneLightsUpTheBandCentredOnIt() {
        LogMel.Config c = LogMel.Config.DEFAULT;
        LogMel logMel = new LogMel(c);
        double melMin = LogMel.hzToMel(c.fMinHz());
        double melMax = LogMel.hzToMel(c.fMaxHz());
        for (int band : new int[] {20, 60, 100}) {
            double hz = LogMel.melToHz(melMin + (melMax - melMin) * (band + 1) / (c.nMels() + 1));
            float[] x = new float[c.sampleRate() / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / c.sampleRate()));
            }
            float[][] frames = logMel.compute(x);
            assertThat(frames).hasNumberOfRows(1 + x.length / c.hop());
            float[] mid = frames[frames.length / 2];
            int best = 0;
            for (int m = 1; m < mid.length; m++) {
                if (mid[m] > mid[best]) {
                    best = m;
                }
            }
            assertThat(best).as("%.1f Hz", hz).isEqualTo(band);
        }
    }

    @Test
    void silenceIsLogEpsilon() {
        float[][] frames = new LogMel(LogMel.Config.DEFAULT).compute(AudioBuffer.silence(2, 4096, 44_100));
        assertThat(frames).hasNumberOfRows(9);
        for (float[] f : frames) {
            for (float v : f) {
                assertThat((double) v).isCloseTo(Math.log(1e-5), offset(1e-6));
            }
        }
    }

    @Test
    void wrongRateAndBadConfigAreRejected() {
        LogMel logMel = new LogMel(LogMel.Config.DEFAULT);
        assertThatThrownBy(() -> logMel.compute(AudioBuffer.silence(1, 100, 48_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resample");
        assertThatThrownBy(() -> new LogMel.Config(16_000, 512, 128, 64, 20, 16_000, 1e-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate/2");
    }
}
