package org.unmixer.dsp.shaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HalfbandOversamplerTest {
    private static final int RATE = 44_100;

    /**
     * Up and down at 2× scale a 3 kHz sine by H(3 kHz) within 1.9·10⁻⁴ of unity (the design's
     * ripple below 5 kHz); 5·10⁻⁴ leaves room for the 4× stage (≤ 1.2·10⁻⁴ per pass).
     */
    private static final double PASSBAND = 5e-4;

    /** Brief for stage 1: up then down within 0.1 dB of unity up to 18 kHz at 44.1 kHz. */
    private static final double CHAIN_PASSBAND_DB = 0.1;

    /** Stage 1 stop band above 0.592·fs: the design reaches −45.1 dB. */
    private static final double STOP_BAND_DB = -45.0;

    /** Rounding of a 27-tap FIR on unit-size signals, with margin (measured ~10⁻¹³). */
    private static final double ROUNDING = 1e-9;

    /**
     * Closed-form response of stage 1 at {@code hz} (base rate {@link #RATE}): the zero-phase
     * half-band filter at the 2× rate, H(f) = ½ + Σⱼ c[j]·cos(2π·f·(2j+1)/(2·RATE)).
     */
    private static double stage1(double hz) {
        double[] c = HalfbandOversampler.unitDcGain(HalfbandOversampler.STAGE1_TAPS);
        double h = 0.5;
        for (int j = 0; j < c.length; j++) {
            h += c[j] * Math.cos(2 * Math.PI * hz * (2 * j + 1) / (2.0 * RATE));
        }
        return h;
    }

    /**
     * Gain of up then down at 2× for a sine at {@code hz}: the sine passes both filters, H(f)², and
     * the image at RATE − f that the up-sampler leaves, H(RATE − f), passes the decimator's filter
     * again and folds back onto f in phase: G(f) = H(f)² + H(RATE − f)².
     */
    private static double upDownGain(double hz) {
        return stage1(hz) * stage1(hz) + stage1(RATE - hz) * stage1(RATE - hz);
    }

    private static double[] sine(double hz, double rate, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    @Test
    void halfbandTapsGiveUnitGainAtDc() {
        for (double[] c : new double[][] {HalfbandOversampler.halfband(6, 8.0),
                HalfbandOversampler.unitDcGain(HalfbandOversampler.STAGE1_TAPS)}) {
            double sum = 0;
            for (double v : c) {
                sum += v; // doubled odd taps, one side: Σ = 2·Σ_{n>0 odd} h[n] = ½
            }
            assertThat(sum).isCloseTo(0.5, within(1e-15));
        }
        assertThat(stage1(0)).isCloseTo(1.0, within(1e-15));
        assertThat(HalfbandOversampler.besselI0(0)).isEqualTo(1.0);
        assertThat(HalfbandOversampler.besselI0(1)).isCloseTo(1.2660658777520082, within(1e-15));
    }

    @Test
    void stage1ResponseIsFlatTo18kHzAndStopsAboveTheMirroredBand() {
        for (double hz = 0; hz <= 18_000; hz += 5) {
            double h = stage1(hz);
            assertThat(Math.abs(20 * Math.log10(h * h))).as("%s Hz", hz).isLessThanOrEqualTo(CHAIN_PASSBAND_DB);
            if (hz <= 5000) {
                assertThat(h).as("%s Hz", hz).isCloseTo(1.0, within(1.9e-4));
            }
        }
        for (double hz = 0.592 * RATE; hz <= RATE; hz += 5) {
            assertThat(20 * Math.log10(Math.abs(stage1(hz)))).as("%s Hz", hz).isLessThan(STOP_BAND_DB);
        }
        // 20 kHz, in the transition band: −1.45 dB per pass, −2.9 dB up and down
        assertThat(40 * Math.log10(stage1(20_000))).isCloseTo(-2.89, within(0.01));
        // a half-band filter: H(f) + H(fs − f) = 1 at the 2× rate (2·RATE)
        assertThat(stage1(7000) + stage1(RATE - 7000)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void upsamplingInterpolatesASineAtTwiceTheRate() {
        int n = 4000;
        double[] up = HalfbandOversampler.up(sine(3000, RATE, n), n, 2);
        double[] expected = sine(3000, 2.0 * RATE, 2 * n);
        for (int j = 200; j < 2 * n - 200; j++) {
            assertThat(up[j]).isCloseTo(expected[j], within(PASSBAND));
        }
    }

    @Test
    void upsamplingLeavesTheImageAtItsClosedFormLevel() {
        // a 15 kHz sine upsampled to 88.2 kHz keeps an image at 88.2 − 15 − 44.1 = 29.1 kHz, in the
        // stop band (> 26.1 kHz), at H(29.1 kHz) / H(15 kHz) of the wanted tone
        int n = 8820;
        double[] up = HalfbandOversampler.up(sine(15_000, RATE, n), n, 2);
        double s1 = 0;
        double c1 = 0;
        double s2 = 0;
        double c2 = 0;
        for (int j = 1000; j < 1000 + 8820; j++) { // 8820 samples at 88.2 kHz: whole cycles of both
            double w1 = 2 * Math.PI * 15_000 * j / (2.0 * RATE);
            double w2 = 2 * Math.PI * 29_100 * j / (2.0 * RATE);
            s1 += up[j] * Math.sin(w1);
            c1 += up[j] * Math.cos(w1);
            s2 += up[j] * Math.sin(w2);
            c2 += up[j] * Math.cos(w2);
        }
        double measuredDb = 20 * Math.log10(Math.hypot(s2, c2) / Math.hypot(s1, c1));
        double expectedDb = 20 * Math.log10(Math.abs(stage1(29_100)) / stage1(15_000));
        assertThat(measuredDb).isCloseTo(expectedDb, within(0.1)).isLessThan(STOP_BAND_DB);
    }

    @Test
    void upThenDownScalesEachSineByItsClosedFormGain() {
        int n = 6000;
        double[] x = new double[n];
        double[] a = sine(440, RATE, n);
        double[] b = sine(9000, RATE, n);
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 * a[i] + 0.3 * b[i];
        }
        double ga = upDownGain(440);
        double gb = upDownGain(9000);
        for (int factor : new int[] {1, 2, 4}) {
            double[] y = HalfbandOversampler.down(HalfbandOversampler.up(x, n, factor), n, factor);
            double[] z = HalfbandOversampler.shaped(x, n, factor, (buf, from, to) -> { });
            for (int i = 200; i < n - 200; i++) {
                double expected = factor == 1 ? x[i] : 0.5 * ga * a[i] + 0.3 * gb * b[i];
                double tolerance = factor == 4 ? PASSBAND : ROUNDING; // stage 2 is flat to 1.2·10⁻⁴, not exact
                assertThat(y[i]).as("factor %d, i %d", factor, i).isCloseTo(expected, within(tolerance));
                assertThat(z[i]).as("shaped, factor %d, i %d", factor, i).isCloseTo(y[i], within(ROUNDING));
            }
        }
    }

    @Test
    void polyphaseShapingEqualsUpShapeDown() {
        int n = 3001;
        double[] x = sine(1234, RATE, n);
        for (int i = 0; i < n; i++) {
            x[i] *= 3;
        }
        HalfbandOversampler.ArrayShaper clip = (buf, from, to) -> {
            for (int i = from; i < to; i++) {
                buf[i] = Math.max(-1, Math.min(1, buf[i]));
            }
        };
        double[] before = x.clone();
        double[] fast = HalfbandOversampler.shaped(x, n, 2, clip); // 3001 samples: three blocks
        assertThat(x).isEqualTo(before);
        double[] up = HalfbandOversampler.up(x, n, 2);
        clip.apply(up, 0, up.length);
        double[] slow = HalfbandOversampler.down(up, n, 2);
        for (int i = 0; i < n; i++) {
            assertThat(fast[i]).isCloseTo(slow[i], within(1e-12));
        }
    }
}
