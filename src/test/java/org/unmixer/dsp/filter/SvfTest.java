package org.unmixer.dsp.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unmixer.dsp.filter.Svf.Mode;

class SvfTest {
    private static final double FS = 44_100;

    /** Analytic SVF vs RBJ cookbook: both are the pre-warped bilinear transform, so only rounding differs. */
    private static final double ANALYTIC_TOLERANCE_DB = 0.1;

    /**
     * Running the filter vs its analytic response: the DTFT of a 2^16-sample impulse response is
     * exact up to truncation of a response that decays by far more than 100 dB within it.
     */
    private static final double RUN_TOLERANCE_DB = 0.05;

    private static final double[] CUTOFFS = {60, 440, 1000, 5000, 15000};
    private static final double[] QS = {0.5, Biquads.BUTTERWORTH_Q, 2, 8};
    private static final double[] GAINS_DB = {-12, -3, 6, 15};
    private static final double[] PROBES = {30, 100, 300, 700, 1000, 2000, 4400, 8000, 12000, 16000, 20000};

    @ParameterizedTest
    @EnumSource(Mode.class)
    void analyticResponseEqualsTheRbjCookbookDesign(Mode mode) {
        for (double fc : CUTOFFS) {
            for (double q : QS) {
                for (double gainDb : GAINS_DB) {
                    for (double f : PROBES) {
                        double svf = Svf.magnitudeDb(mode, fc, q, gainDb, f, FS);
                        double rbj = rbjMagnitudeDb(mode, fc, q, gainDb, f);
                        if (rbj < -120) {
                            continue; // at a notch both are −∞ in practice; dB of ~0 is not comparable
                        }
                        assertThat(svf).as("%s fc=%s q=%s g=%s at %s Hz", mode, fc, q, gainDb, f)
                                .isCloseTo(rbj, within(ANALYTIC_TOLERANCE_DB));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void runningTheFilterGivesItsAnalyticResponse(Mode mode) {
        for (double fc : new double[] {200, 3000}) {
            for (double q : new double[] {Biquads.BUTTERWORTH_Q, 4}) {
                Svf svf = Svf.design(mode, fc, q, 9, FS);
                double[] h = impulseResponse(svf, 1 << 16);
                for (double f : PROBES) {
                    double expected = svf.magnitudeDb(f, FS);
                    if (expected < -80) {
                        continue;
                    }
                    assertThat(dtftDb(h, f)).as("%s fc=%s q=%s at %s Hz", mode, fc, q, f)
                            .isCloseTo(expected, within(RUN_TOLERANCE_DB));
                }
            }
        }
    }

    @Test
    void lowPassHasMinusThreeDbAtCutoffWhenButterworth() {
        assertThat(Svf.magnitudeDb(Mode.LOW_PASS, 1000, Biquads.BUTTERWORTH_Q, 0, 1000, FS))
                .isCloseTo(-3.0103, within(1e-3));
        assertThat(Svf.magnitudeDb(Mode.BAND_PASS, 1000, 5, 0, 1000, FS))
                .as("constant-skirt band-pass peaks at Q").isCloseTo(20 * Math.log10(5), within(1e-6));
        assertThat(Svf.magnitudeDb(Mode.BELL, 1000, 1, 12, 1000, FS)).isCloseTo(12, within(1e-9));
    }

    @Test
    void stabilityTestAgreesWithTheRbjDenominator() {
        // The SVF's equivalent denominator is the cookbook's: same poles.
        for (double fc : CUTOFFS) {
            for (double q : QS) {
                Svf s = Svf.design(Mode.LOW_PASS, fc, q, 0, FS);
                Biquad b = Biquads.lowPass(fc, q, FS);
                double d = 1 + s.g() * s.k() + s.g() * s.g();
                assertThat(2 * (s.g() * s.g() - 1) / d).isCloseTo(b.a1(), within(1e-12));
                assertThat((1 - s.g() * s.k() + s.g() * s.g()) / d).isCloseTo(b.a2(), within(1e-12));
            }
        }
    }

    @Test
    void staysStableAndBoundedForAnyCutoffAndQ() {
        SplittableRandom random = new SplittableRandom(7);
        double[] noise = new double[4096];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble(-1, 1);
        }
        for (double fc = 20; fc <= 20_000; fc *= 1.5) {
            for (double q : new double[] {0.05, 0.5, Biquads.BUTTERWORTH_Q, 5, 25, 100}) {
                for (Mode mode : Mode.values()) {
                    Svf s = Svf.design(mode, fc, q, 15, FS);
                    assertThat(s.isStable()).as("%s fc=%s q=%s", mode, fc, q).isTrue();
                    double[] x = noise.clone();
                    SvfFilter f = new SvfFilter(s);
                    f.processInPlace(x, 0, x.length);
                    double[] tail = new double[FS_TAIL];
                    f.processInPlace(tail, 0, tail.length);
                    double tailPeak = 0;
                    for (double v : tail) {
                        tailPeak = Math.max(tailPeak, Math.abs(v));
                    }
                    double last = 0;
                    for (int i = tail.length - 64; i < tail.length; i++) {
                        last = Math.max(last, Math.abs(tail[i]));
                    }
                    // a stable filter's ringing after a finished burst dies away: either it is already
                    // negligible or it has fallen to below half its peak over the 3 s tail (the
                    // slowest case, Q=100 at 20 Hz, has τ = 2Q/ω ≈ 1.6 s)
                    double bound = Math.max(1e-3, 0.5 * tailPeak);
                    assertThat(last).as("%s fc=%s q=%s decays", mode, fc, q).isLessThan(bound);
                }
            }
        }
    }

    /** Tail length after the burst, 3 s. */
    private static final int FS_TAIL = 3 * 44_100;

    @Test
    void swappingCoefficientsKeepsTheStateSoModulationIsSmooth() {
        SvfFilter f = new SvfFilter(Svf.design(Mode.LOW_PASS, 500, 1, 0, FS));
        double prev = 0;
        double maxStep = 0;
        for (int i = 0; i < 20_000; i++) {
            if (i % 32 == 0) {
                double fc = 200 * Math.pow(2, 6 * (0.5 + 0.5 * Math.sin(i * 1e-3)));
                f.set(Svf.design(Mode.LOW_PASS, fc, 1, 0, FS));
            }
            double y = f.process(Math.sin(2 * Math.PI * 100 * i / FS));
            maxStep = Math.max(maxStep, Math.abs(y - prev));
            prev = y;
        }
        // a 100 Hz unit sine moves at most 2π·100/fs ≈ 0.0142 per sample; no clicks on top of that
        assertThat(maxStep).isLessThan(0.03);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static double rbjMagnitudeDb(Mode mode, double fc, double q, double gainDb, double f) {
        return switch (mode) {
            case LOW_PASS -> Biquads.lowPass(fc, q, FS).magnitudeDb(f, FS);
            case HIGH_PASS -> Biquads.highPass(fc, q, FS).magnitudeDb(f, FS);
            case BAND_PASS -> Biquads.bandPass(fc, q, FS).magnitudeDb(f, FS) + 20 * Math.log10(q);
            case NOTCH -> Biquads.notch(fc, q, FS).magnitudeDb(f, FS);
            case ALL_PASS -> Biquads.allPass(fc, q, FS).magnitudeDb(f, FS);
            case BELL -> Biquads.peak(gainDb, fc, q, FS).magnitudeDb(f, FS);
            case LOW_SHELF -> Biquads.lowShelf(gainDb, fc, q, FS).magnitudeDb(f, FS);
            case HIGH_SHELF -> Biquads.highShelf(gainDb, fc, q, FS).magnitudeDb(f, FS);
            case PEAK -> {
                // Simper's peak = HP − LP, as a complex difference of the two cookbook responses
                Biquad hp = Biquads.highPass(fc, q, FS);
                Biquad lp = Biquads.lowPass(fc, q, FS);
                double mh = hp.magnitude(f, FS);
                double ph = hp.phase(f, FS);
                double ml = lp.magnitude(f, FS);
                double pl = lp.phase(f, FS);
                double re = mh * Math.cos(ph) - ml * Math.cos(pl);
                double im = mh * Math.sin(ph) - ml * Math.sin(pl);
                yield 10 * Math.log10(re * re + im * im);
            }
        };
    }

    private static double[] impulseResponse(Svf svf, int n) {
        double[] x = new double[n];
        x[0] = 1;
        new SvfFilter(svf).processInPlace(x, 0, n);
        return x;
    }

    private static double dtftDb(double[] h, double f) {
        double w = 2 * Math.PI * f / FS;
        double re = 0;
        double im = 0;
        for (int i = 0; i < h.length; i++) {
            re += h[i] * Math.cos(w * i);
            im -= h[i] * Math.sin(w * i);
        }
        return 10 * Math.log10(re * re + im * im);
    }
}
