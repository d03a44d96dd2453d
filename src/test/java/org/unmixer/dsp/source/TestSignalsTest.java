package org.unmixer.dsp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class TestSignalsTest {
    private static final int FS = 44_100;

    /** 2^18 uniform samples: the RMS estimate's relative standard error is ~0.1 %; allow 1 %. */
    private static final double RMS_RELATIVE_TOLERANCE = 0.01;

    /**
     * Instantaneous frequency from the phase difference of the analytic phase we can reconstruct:
     * measured between consecutive zero crossings, the sweep's frequency changes by at most
     * f·(e^{Δt/L} − 1) within one period; 0.5 % covers it for the chosen sweep.
     */
    private static final double FREQUENCY_RELATIVE_TOLERANCE = 0.005;

    @Test
    void noiseHasTheStatedPeakAndRmsAndIsSeeded() {
        AudioBuffer a = TestSignals.whiteNoise(1 << 18, FS, 0.5, 1234);
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            double peak = 0;
            for (float v : a.channel(c)) {
                sum += v * (double) v;
                peak = Math.max(peak, Math.abs(v));
            }
            double rms = Math.sqrt(sum / a.frames());
            assertThat(rms).isCloseTo(TestSignals.uniformNoiseRms(0.5), within(0.5 / Math.sqrt(3) * RMS_RELATIVE_TOLERANCE));
            assertThat(peak).isLessThanOrEqualTo(0.5).isGreaterThan(0.499);
        }
        assertThat(TestSignals.whiteNoise(1000, FS, 0.5, 1234)).isEqualTo(TestSignals.whiteNoise(1000, FS, 0.5, 1234));
        assertThat(TestSignals.whiteNoise(1000, FS, 0.5, 1234)).isNotEqualTo(TestSignals.whiteNoise(1000, FS, 0.5, 1235));
        assertThat(a.channel(0)[0]).as("channels are independent").isNotEqualTo(a.channel(1)[0]);
    }

    @Test
    void noiseIsWhiteNeighbouringSamplesAreUncorrelated() {
        float[] x = TestSignals.whiteNoise(1 << 16, FS, 1, 9).channel(0);
        double r0 = 0;
        double r1 = 0;
        for (int i = 1; i < x.length; i++) {
            r0 += x[i] * (double) x[i];
            r1 += x[i] * (double) x[i - 1];
        }
        // normalised lag-1 autocorrelation of white noise is 0 ± 1/√n ≈ 0.004
        assertThat(r1 / r0).isCloseTo(0, within(0.02));
    }

    @Test
    void sweepFollowsTheFarinaInstantaneousFrequency() {
        double f1 = 50;
        double f2 = 10_000;
        double t = 2.0;
        AudioBuffer s = TestSignals.exponentialSweep(f1, f2, t, 0.8, (int) (2.5 * FS), FS);
        float[] x = s.channel(0);
        // upward zero crossings, with linear interpolation of the crossing instant
        double previous = -1;
        int checked = 0;
        for (int i = 1; i < (int) (t * FS) - 1; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double crossing = (i - 1) + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (previous > 0) {
                    double mid = 0.5 * (previous + crossing) / FS;
                    double measured = FS / (crossing - previous);
                    double expected = TestSignals.sweepFrequencyAt(f1, f2, t, mid);
                    if (expected < 2000) { // above, a period spans too few samples for zero-crossing timing
                        assertThat(measured).as("at %.3f s", mid)
                                .isCloseTo(expected, within(expected * FREQUENCY_RELATIVE_TOLERANCE));
                        checked++;
                    }
                }
                previous = crossing;
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(TestSignals.sweepFrequencyAt(f1, f2, t, t)).isCloseTo(f2, within(1e-9));
        // amplitude A, and silence after T
        float peak = 0;
        for (int i = 0; i < (int) (t * FS); i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        assertThat((double) peak).isCloseTo(0.8, within(1e-3));
        for (int i = (int) (t * FS) + 1; i < x.length; i++) {
            assertThat(x[i]).isZero();
        }
        assertThat(s.channel(1)).isEqualTo(x);
    }

    @Test
    void impulseIsOneSampleAtTheOffset() {
        AudioBuffer b = TestSignals.impulse(100, 1000, FS);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 1000; i++) {
                assertThat(b.channel(c)[i]).isEqualTo(i == 100 ? 1f : 0f);
            }
        }
        assertThat(b.sampleRate()).isEqualTo(FS);
    }
}
