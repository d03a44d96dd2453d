package org.unmixer.dsp.shaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HalfbandOversamplerTest {
    private static final int RATE = 44_100;

    /** Stage 1 passband ripple is below 0.004 dB up to 18 kHz: 4.6·10⁻⁴ relative. */
    private static final double PASSBAND = 5e-4;

    private static double[] sine(double hz, double rate, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    @Test
    void halfbandTapsGiveUnitGainAtDc() {
        double[] c = HalfbandOversampler.halfband(12, 6.6);
        double sum = 0;
        for (double v : c) {
            sum += v; // doubled odd taps, one side: Σ = 2·Σ_{n>0 odd} h[n] = ½
        }
        assertThat(sum).isCloseTo(0.5, within(1e-15));
        assertThat(HalfbandOversampler.besselI0(0)).isEqualTo(1.0);
        assertThat(HalfbandOversampler.besselI0(1)).isCloseTo(1.2660658777520082, within(1e-15));
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
    void upsamplingRejectsTheImageBelowMinus60Db() {
        // a 15 kHz sine upsampled to 88.2 kHz has its image at 88.2 − 15 = 73.2... folded view:
        // at 2× rate the spectral image of f sits at fs − f = 29.1 kHz, in the stop band (> 26.1 kHz)
        int n = 8820;
        double[] up = HalfbandOversampler.up(sine(15_000, RATE, n), n, 2);
        double image = 0;
        double wanted = 0;
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
        wanted = Math.hypot(s1, c1);
        image = Math.hypot(s2, c2);
        assertThat(20 * Math.log10(image / wanted)).isLessThan(-60);
    }

    @Test
    void upThenDownIsTheIdentityInThePassband() {
        int n = 6000;
        double[] x = new double[n];
        double[] a = sine(440, RATE, n);
        double[] b = sine(9000, RATE, n);
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 * a[i] + 0.3 * b[i];
        }
        for (int factor : new int[] {1, 2, 4}) {
            double[] y = HalfbandOversampler.down(HalfbandOversampler.up(x, n, factor), n, factor);
            for (int i = 200; i < n - 200; i++) {
                assertThat(y[i]).as("factor %d, i %d", factor, i).isCloseTo(x[i], within(PASSBAND));
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
        double[] fast = HalfbandOversampler.shaped(x, n, 2, clip);
        double[] up = HalfbandOversampler.up(x, n, 2);
        clip.apply(up, 0, up.length);
        double[] slow = HalfbandOversampler.down(up, n, 2);
        for (int i = 0; i < n; i++) {
            assertThat(fast[i]).isCloseTo(slow[i], within(1e-12));
        }
    }
}
