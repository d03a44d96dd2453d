package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.params.DeviceSettings;

/** {@link SaturatorAdjoint} against autograd through {@link AnalyticSaturator}, and against finite differences. */
class SaturatorAdjointTest {
    private static final int RATE = 44_100;
    private static final String[] TYPES = {"Analog Clip", "Soft Sine", "Bass Shaper", "Medium Curve", "Hard Curve", "Sinoid Fold",
        "Digital Clip", "Waveshaper"};
    private static final String[] POST_CLIPS = {"No Clip", "Soft Clip", "Hard Clip"};

    /** The settings {@link AnalyticSaturatorTest} checks the NDArray version with. */
    private static DeviceSettings settings(String type, boolean color, boolean dc, String postClip, double drive, double dryWet) {
        return AnalyticSaturatorTest.settings(type, color, dc, postClip, drive, dryWet);
    }

    /** A decaying saw-like note with a little noise per channel (the second detuned), peaks near 0.7. */
    private static double[][] synthLike(int channels, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[channels][samples];
        for (int c = 0; c < channels; c++) {
            double f0 = 110 * (1 + 0.004 * c);
            for (int i = 0; i < samples; i++) {
                double s = 0;
                for (int h = 1; h <= 12; h++) {
                    s += Math.sin(2 * Math.PI * f0 * h * i / RATE + 0.3 * c * h) / h;
                }
                x[c][i] = 0.4 * s * Math.exp(-i / 3000.0) + 0.03 * (r.nextDouble() - 0.5);
            }
        }
        return x;
    }

    private static double[][] noise(int channels, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] u = new double[channels][samples];
        for (double[] row : u) {
            for (int i = 0; i < samples; i++) {
                row[i] = r.nextDouble() - 0.5;
            }
        }
        return u;
    }

    private static double[] theta(AnalyticSaturator sat, DeviceSettings s) {
        float[] t32 = sat.theta(s);
        double[] t = new double[t32.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = t32[i];
        }
        return t;
    }

    /** ∂L/∂x and ∂L/∂θ of L = Σ u·apply(x, θ) by autograd. */
    private record Vjp(double[][] input, double[] theta) {
    }

    private static Vjp autograd(AnalyticSaturator sat, double[][] x, double[] theta, double[][] u) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x);
            NDArray t = m.create(theta);
            audio.setRequiresGradient(true);
            t.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = sat.apply(audio, t, RATE, DiffDevices.GRADIENT_TAIL);
                gc.backward(y.mul(m.create(u)).sum());
                double[] flat = audio.getGradient().toDoubleArray();
                double[][] gx = new double[x.length][x[0].length];
                for (int c = 0; c < x.length; c++) {
                    System.arraycopy(flat, c * x[0].length, gx[c], 0, x[0].length);
                }
                return new Vjp(gx, t.getGradient().toDoubleArray());
            }
        }
    }

    private static double value(AnalyticSaturator sat, double[][] x, double[] theta, double[][] u) {
        try (NDManager m = NDManager.newBaseManager()) {
            return sat.apply(m.create(x), m.create(theta), RATE, DiffDevices.GRADIENT_TAIL).mul(m.create(u)).sum().getDouble();
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Every component within 10⁻⁶ of the largest expected one's magnitude. */
    private static void assertClose(double[] actual, double[] expected, double scale, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(1e-6 * scale));
        }
    }

    private static void assertMatchesAutograd(DeviceSettings s, double[][] x, double[][] u, String label) {
        AnalyticSaturator sat = new AnalyticSaturator(s);
        SaturatorAdjoint adjoint = new SaturatorAdjoint(s);
        assertThat(adjoint.parameters()).isEqualTo(sat.parameters());
        double[] theta = theta(sat, s);
        Vjp expected = autograd(sat, x, theta, u);
        double[] thetaGradient = new double[theta.length];
        double[][] gx = adjoint.pullBack(x, theta, RATE, u, thetaGradient);

        assertThat(maxAbs(expected.theta())).as(label).isPositive();
        assertClose(thetaGradient, expected.theta(), maxAbs(expected.theta()), label + " ∂L/∂θ");
        double scale = 0;
        for (double[] row : expected.input()) {
            scale = Math.max(scale, maxAbs(row));
        }
        assertThat(gx.length).isEqualTo(x.length);
        for (int c = 0; c < x.length; c++) {
            assertClose(gx[c], expected.input()[c], scale, label + " ∂L/∂x channel " + c);
        }
    }

    @Test
    void matchesAutogradForEveryCurveColourAndClip() {
        double[][] x = synthLike(2, 3_000, 7);
        double[][] u = noise(2, 3_000, 8);
        double[] drives = {0, 4, 9, 15, 22};
        int i = 0;
        for (String type : TYPES) {
            for (boolean color : new boolean[] {true, false}) {
                String post = POST_CLIPS[i % 3];
                boolean dc = i % 4 != 1;
                double drive = drives[i % drives.length];
                double dryWet = new double[] {70, 100, 35}[i % 3];
                i++;
                DeviceSettings s = settings(type, color, dc, post, drive, dryWet);
                assertMatchesAutograd(s, x, u, String.format("%s, color %s, DC %s, %s, drive %s, dry/wet %s", type, color, dc, post,
                        drive, dryWet));
            }
        }
    }

    @Test
    void matchesAutogradWithSoftClipAtEveryCurveAndOnBoundsOfTheta() {
        double[][] x = synthLike(2, 2_500, 11);
        double[][] u = noise(2, 2_500, 12);
        for (String type : TYPES) {
            // Color Amt Low and Output at their range ends put θ on the clamp's bounds (autograd passes them).
            DeviceSettings s = settings(type, true, true, "Soft Clip", 12, 60).with(Map.of("Color Amt Low", 36.0, "Output", 0.0));
            assertMatchesAutograd(s, x, u, type + ", soft clip");
        }
        assertMatchesAutograd(settings("Medium Curve", true, false, "No Clip", 6, 0.0), x, u, "dry/wet 0");
        assertMatchesAutograd(settings("Bass Shaper", false, true, "No Clip", 6, 80).with(Map.of("Threshold", 0.0)), x, u,
                "bass shaper at 0 dB threshold (a hard clip)");
    }

    @Test
    void monoAndThreeChannelsMatchAutograd() {
        DeviceSettings s = settings("Hard Curve", true, true, "Hard Clip", 8, 90);
        assertMatchesAutograd(s, synthLike(1, 2_000, 3), noise(1, 2_000, 4), "mono");
        assertMatchesAutograd(s, synthLike(3, 2_000, 5), noise(3, 2_000, 6), "three channels");
    }

    @Test
    void repeatedCallsGiveTheSameResultWhateverCameBefore() {
        DeviceSettings s = settings("Sinoid Fold", true, true, "Soft Clip", 10, 75);
        double[] theta = theta(new AnalyticSaturator(s), s);
        double[][] x = synthLike(2, 2_000, 9);
        double[][] u = noise(2, 2_000, 10);
        double[] g1 = new double[theta.length];
        double[][] gx1 = new SaturatorAdjoint(s).pullBack(x, theta, RATE, u, g1);
        // One instance reuses its buffers: calls of other sizes and channel counts in between must not show.
        SaturatorAdjoint adjoint = new SaturatorAdjoint(s);
        for (int run = 0; run < 3; run++) {
            adjoint.pullBack(synthLike(3, 2_000, run), theta, RATE, noise(3, 2_000, run), new double[theta.length]);
            double[] g = new double[theta.length];
            assertThat(adjoint.pullBack(x, theta, RATE, u, g)).isDeepEqualTo(gx1);
            assertThat(g).containsExactly(g1);
            adjoint.pullBack(synthLike(1, 1_500, run), theta, RATE, noise(1, 1_500, run), new double[theta.length]);
        }
    }

    @Test
    void thetaGradientMatchesCentralDifferences() {
        DeviceSettings s = settings("Medium Curve", true, true, "Soft Clip", 9, 70);
        AnalyticSaturator sat = new AnalyticSaturator(s);
        SaturatorAdjoint adjoint = new SaturatorAdjoint(s);
        double[][] x = synthLike(1, 600, 13);
        double[][] u = noise(1, 600, 14);
        double[] theta = theta(sat, s);
        double[] gradient = new double[theta.length];
        adjoint.pullBack(x, theta, RATE, u, gradient);
        for (String name : new String[] {"Drive", "Color Freq", "Color Amt Hi"}) {
            int i = sat.parameters().stream().map(p -> p.name()).toList().indexOf(name);
            double h = 1e-6;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (value(sat, x, plus, u) - value(sat, x, minus, u)) / (2 * h);
            assertThat(gradient[i]).as(name).isCloseTo(fd, within(1e-5 * Math.abs(fd) + 1e-9));
        }
    }
}
