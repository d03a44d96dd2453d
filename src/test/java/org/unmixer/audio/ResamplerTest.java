package org.unmixer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResamplerTest {
    /** Spec: passband flat within 0.1 dB up to 0.45 × the lower rate. */
    private static final double PASSBAND_TOLERANCE_DB = 0.1;
    /** Spec: aliases and images at least 80 dB below the input tone. */
    private static final double REJECTION_DB = 80;
    /** Edge frames ignored in measurements: the filter's half-length plus margin, in output samples. */
    private static final int EDGE = 2000;

    static Stream<Arguments> ratePairs() {
        return Stream.of(Arguments.of(48_000, 44_100), Arguments.of(44_100, 48_000), Arguments.of(96_000, 44_100),
                Arguments.of(22_050, 44_100), Arguments.of(8_000, 44_100), Arguments.of(44_100, 44_099),
                Arguments.of(44_100, 32_001)); // the last two exercise the interpolated kernel (L > 1024)
    }

    @ParameterizedTest
    @MethodSource("ratePairs")
    void passbandIsFlatUpTo045OfTheLowerRate(int from, int to) {
        int lower = Math.min(from, to);
        for (double f : new double[] {50, 1000, 0.25 * lower, 0.40 * lower, Resampler.PASSBAND_EDGE * lower}) {
            float[] out = Resampler.resample(sine(f, from, 0.5), from, to);
            double[] fit = fitSine(out, f, to);
            double gainDb = 20 * Math.log10(fit[0] / 0.5);
            assertThat(Math.abs(gainDb)).as("gain at %.0f Hz, %d→%d", f, from, to).isLessThan(PASSBAND_TOLERANCE_DB);
        }
    }

    @ParameterizedTest
    @MethodSource("ratePairs")
    void tonesAboveTheLowerNyquistAreRejected(int from, int to) {
        if (from < to) {
            return; // upsampling: no input tone can lie above the lower (input) Nyquist; images tested below
        }
        for (double f : new double[] {0.5005 * to, 0.55 * to, 0.499 * from}) {
            if (f >= 0.5 * from) {
                continue; // not a valid input tone
            }
            float[] out = Resampler.resample(sine(f, from, 0.5), from, to);
            double levelDb = 20 * Math.log10(rms(out, EDGE, out.length - EDGE) * Math.sqrt(2) / 0.5);
            assertThat(levelDb).as("alias of %.0f Hz, %d→%d", f, from, to).isLessThan(-REJECTION_DB);
        }
    }

    @ParameterizedTest
    @MethodSource("ratePairs")
    void upsamplingImagesAreRejected(int from, int to) {
        if (from > to) {
            return;
        }
        for (double f : new double[] {1000, 0.3 * from, 0.45 * from}) {
            float[] out = Resampler.resample(sine(f, from, 0.5), from, to);
            double[] fit = fitSine(out, f, to);
            double[] residual = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                double w = 2 * Math.PI * f * i / to;
                residual[i] = out[i] - fit[1] * Math.cos(w) - fit[2] * Math.sin(w);
            }
            double levelDb = 20 * Math.log10(rms(residual, EDGE, out.length - EDGE) * Math.sqrt(2) / 0.5);
            assertThat(levelDb).as("images of %.0f Hz, %d→%d", f, from, to).isLessThan(-REJECTION_DB);
        }
    }

    @Test
    void lengthIsCeilOfScaledLengthAndSameRateIsIdentity() {
        AudioBuffer in = AudioBuffer.silence(2, 1000, 48_000);
        assertThat(Resampler.resample(in, 44_100).frames()).isEqualTo(919); // ceil(918.75)
        assertThat(Resampler.resample(in, 48_000)).isSameAs(in);
        assertThat(Resampler.outputFrames(441, 44_100, 8_000)).isEqualTo(80);
    }

    @Test
    void filterIsZeroPhaseSoAnImpulseLandsAtItsTime() {
        // impulse at input sample 480 (10 ms at 48 kHz) → peak at output sample 441 (10 ms at 44.1 kHz)
        float[] x = new float[960];
        x[480] = 1;
        float[] y = Resampler.resample(x, 48_000, 44_100);
        int peak = 0;
        for (int i = 1; i < y.length; i++) {
            if (Math.abs(y[i]) > Math.abs(y[peak])) {
                peak = i;
            }
        }
        assertThat(peak).isEqualTo(441);
    }

    @Test
    void besselI0MatchesKnownValues() {
        assertThat(Resampler.besselI0(0)).isEqualTo(1.0);
        assertThat(Resampler.besselI0(1)).isCloseTo(1.2660658777520082, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(Resampler.besselI0(10)).isCloseTo(2815.716628466254, org.assertj.core.data.Offset.offset(1e-9));
    }

    static float[] sine(double hz, int rate, double amplitude) {
        float[] x = new float[rate]; // 1 s
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Least-squares amplitude, cos and sin coefficients of a tone at {@code hz}, edges excluded. */
    static double[] fitSine(float[] y, double hz, int rate) {
        double scc = 0, sss = 0, scs = 0, syc = 0, sys = 0;
        for (int i = EDGE; i < y.length - EDGE; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            double c = Math.cos(w), s = Math.sin(w);
            scc += c * c;
            sss += s * s;
            scs += c * s;
            syc += y[i] * c;
            sys += y[i] * s;
        }
        double det = scc * sss - scs * scs;
        double a = (syc * sss - sys * scs) / det;
        double b = (sys * scc - syc * scs) / det;
        return new double[] {Math.hypot(a, b), a, b};
    }

    static double rms(float[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) y[i] * y[i];
        }
        return Math.sqrt(s / (to - from));
    }

    static double rms(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i] * y[i];
        }
        return Math.sqrt(s / (to - from));
    }
}
