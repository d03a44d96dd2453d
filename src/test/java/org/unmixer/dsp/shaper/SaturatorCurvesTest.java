package org.unmixer.dsp.shaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SaturatorCurvesTest {
    /** {@link ShaperMath} stand-ins for tanh / sin differ from java.lang.Math by at most this. */
    private static final double APPROXIMATION = ShaperMath.TANH_MAX_ERROR;

    private static final WaveshaperShape BUSY_WAVESHAPER = new WaveshaperShape(1, 0.8, 0.7, 0.6, 0.5, 1.0);

    @ParameterizedTest
    @EnumSource(SaturatorCurve.class)
    void everyCurveIsOddSymmetricAndPassesThroughZero(SaturatorCurve curve) {
        for (double x = 0; x <= 20; x += 1e-3) {
            double y = SaturatorCurves.shape(curve, x, 0.3, BUSY_WAVESHAPER);
            assertThat(SaturatorCurves.shape(curve, -x, 0.3, BUSY_WAVESHAPER)).as("x=%s", x).isEqualTo(-y);
        }
        assertThat(SaturatorCurves.shape(curve, 0, 0.3, BUSY_WAVESHAPER)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = SaturatorCurve.class, names = "WAVESHAPER", mode = EnumSource.Mode.EXCLUDE)
    void clipAndFoldCurvesNeverExceedFullScaleForInputsUpTo100(SaturatorCurve curve) {
        for (double threshold : new double[] {0.00316, 0.1, 0.5, 1.0}) {
            for (double x = -100; x <= 100; x += 1.7e-3) {
                assertThat(Math.abs(SaturatorCurves.shape(curve, x, threshold, WaveshaperShape.DEFAULT)))
                        .isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void waveshaperAtFullDriveStaysWithinItsBoundForAnyKnobs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 200; k++) {
            WaveshaperShape ws = new WaveshaperShape(1, random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), random.nextDouble());
            for (double x = -100; x <= 100; x += 0.0173) {
                assertThat(Math.abs(SaturatorCurves.waveshaper(x, ws))).isLessThanOrEqualTo(SaturatorCurves.WAVESHAPER_BOUND);
            }
        }
    }

    @Test
    void waveshaperAtZeroDriveIsTheIdentity() {
        WaveshaperShape off = new WaveshaperShape(0, 1, 1, 1, 1, 1);
        for (double x = -3; x <= 3; x += 1e-3) {
            assertThat(SaturatorCurves.waveshaper(x, off)).isEqualTo(x);
        }
    }

    @Test
    void waveshaperDampFlattensSignalsNearZero() {
        WaveshaperShape open = new WaveshaperShape(1, 0.5, 0, 0, 0, 0);
        WaveshaperShape damped = new WaveshaperShape(1, 0.5, 0, 1, 0, 0);
        // gate u²/(u² + 0.05²) at u = 0.005 is 1/101
        assertThat(SaturatorCurves.waveshaper(0.005, damped)).isCloseTo(SaturatorCurves.waveshaper(0.005, open) / 101,
                within(1e-15));
        assertThat(SaturatorCurves.waveshaper(0.8, damped)).isCloseTo(SaturatorCurves.waveshaper(0.8, open), within(0.004));
    }

    @Test
    void softSineIsHalfASineInsideAndFlatOutside() {
        for (double x = -3; x <= 3; x += 1e-3) {
            double expected = Math.abs(x) < 1 ? Math.sin(Math.PI * x / 2) : Math.signum(x);
            assertThat(SaturatorCurves.softSine(x)).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void mediumAndHardCurvesAreTanhOfOneAndTwoPointFourX() {
        for (double x = -8; x <= 8; x += 1e-3) {
            assertThat(SaturatorCurves.mediumCurve(x)).isCloseTo(Math.tanh(x), within(APPROXIMATION));
            assertThat(SaturatorCurves.hardCurve(x)).isCloseTo(Math.tanh(2.4 * x), within(APPROXIMATION));
        }
    }

    @Test
    void sinoidFoldIsSinPiXFoldingBackPastOneHalf() {
        assertThat(SaturatorCurves.sinoidFold(0.5)).isCloseTo(1.0, within(1e-12));
        assertThat(SaturatorCurves.sinoidFold(1.0)).isCloseTo(0.0, within(1e-12));
        for (double x = -5; x <= 5; x += 1e-3) {
            assertThat(SaturatorCurves.sinoidFold(x)).isCloseTo(Math.sin(Math.PI * x), within(1e-9));
        }
    }

    @Test
    void digitalClipIsAClampAtFullScale() {
        assertThat(SaturatorCurves.digitalClip(0.999)).isEqualTo(0.999);
        assertThat(SaturatorCurves.digitalClip(1.5)).isEqualTo(1.0);
        assertThat(SaturatorCurves.digitalClip(-40)).isEqualTo(-1.0);
    }

    @Test
    void analogClipIsLinearBelowItsKneeAndBendsSmoothlyToOne() {
        double k = SaturatorCurves.ANALOG_CLIP_KNEE;
        for (double x = -k; x <= k; x += 1e-3) {
            assertThat(SaturatorCurves.analogClip(x)).isEqualTo(x);
        }
        double h = 1e-6;
        double slopeAboveKnee = (SaturatorCurves.analogClip(k + 2 * h) - SaturatorCurves.analogClip(k + h)) / h;
        assertThat(slopeAboveKnee).isCloseTo(1.0, within(1e-3));
        // closed form above the knee: k + (1 − k)·tanh((x − k)/(1 − k))
        assertThat(SaturatorCurves.analogClip(0.9)).isCloseTo(k + (1 - k) * Math.tanh((0.9 - k) / (1 - k)),
                within(APPROXIMATION));
        assertThat(SaturatorCurves.analogClip(50)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void bassShaperIsLinearBelowItsThresholdAndClipsAbove() {
        double t = Math.pow(10, -20 / 20.0);
        assertThat(SaturatorCurves.bassShaper(0.09, t)).isEqualTo(0.09);
        assertThat(SaturatorCurves.bassShaper(0.5, t)).isCloseTo(t + (1 - t) * Math.tanh((0.5 - t) / (1 - t)),
                within(APPROXIMATION));
        // a 0 dB threshold is a hard clip
        assertThat(SaturatorCurves.bassShaper(0.7, 1.0)).isEqualTo(0.7);
        assertThat(SaturatorCurves.bassShaper(3.0, 1.0)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(SaturatorCurve.class)
    void arrayPathEqualsThePointwiseFunction(SaturatorCurve curve) {
        double[] buf = new double[4001];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = -4 + 8.0 * i / (buf.length - 1);
        }
        double[] expected = new double[buf.length];
        for (int i = 0; i < buf.length; i++) {
            expected[i] = SaturatorCurves.shape(curve, buf[i], 0.2, BUSY_WAVESHAPER);
        }
        SaturatorCurves.shapeInPlace(buf, 0, buf.length, curve, 0.2, BUSY_WAVESHAPER);
        for (int i = 0; i < buf.length; i++) {
            assertThat(buf[i]).isCloseTo(expected[i], within(1e-15));
        }
    }
}
