package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.effects.EqEightFilterType;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/** {@link EqEightAdjoint} against DJL's autograd through {@link AnalyticEqEight} and against finite differences. */
class EqEightAdjointTest {
    private static final int RATE = 44_100;

    /** Every band on, band n of type n−1 (all eight types), resonant and strongly boosted. */
    private static DeviceSettings everyType(double scale, boolean adaptive) {
        double[] hz = {40, 120, 250, 900, 2500, 5000, 9000, 16000};
        double[] gain = {0, 0, 9, -12, 0, 6, 0, 0};
        double[] q = {1.4, 0.71, 0.71, 4.0, 8.0, 0.9, 2.0, 0.71};
        int[] types = {0, 1, 2, 3, 4, 5, 6, 7};
        return settings(types, new boolean[] {true, true, true, true, true, true, true, true}, hz, gain, q, scale, adaptive);
    }

    /**
     * Three bands off; a bell at 0 dB with Adaptive Q (|gain|'s kink), a band at the top of the
     * Frequency range (θ = 1, clipped to 0.4999·fs at 32 kHz), the 48 dB cuts again, Scale 150 %.
     */
    private static DeviceSettings someOff() {
        double[] hz = {180, 22_000, 700, 3000, 60, 12_000, 400, 7000};
        double[] gain = {0, 3, 0, -7, 5, 4, 0, 0};
        double[] q = {0.71, 3.0, 2.5, 1.2, 0.5, 0.71, 1.0, 6.0};
        int[] types = {7, 3, 3, 5, 2, 3, 4, 0};
        boolean[] on = {true, true, true, false, true, false, true, false};
        return settings(types, on, hz, gain, q, 150, true);
    }

    private static DeviceSettings settings(int[] types, boolean[] on, double[] hz, double[] gain, double[] q, double scale, boolean adaptive) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int n = 1; n <= 8; n++) {
            v.put(n + " Filter On A", on[n - 1] ? "On" : "Off");
            v.put(n + " Filter Type A", EqEightFilterType.ofIndex(types[n - 1]).ordinal());
            v.put(n + " Frequency A", hz[n - 1]);
            v.put(n + " Gain A", gain[n - 1]);
            v.put(n + " Resonance A", q[n - 1]);
        }
        v.put("Output Gain", -3.5);
        v.put("Scale", scale);
        v.put("Adaptive Q", adaptive ? "On" : "Off");
        return Catalog.standard().device("EQ Eight").defaults().with(v);
    }

    /** A detuned sawtooth per channel plus noise: synth-like, broadband. */
    private static double[][] synth(int channels, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[channels][samples];
        for (int ch = 0; ch < channels; ch++) {
            double f = (110 + 1.5 * ch) / RATE;
            for (int i = 0; i < samples; i++) {
                double phase = (f * i) % 1.0;
                x[ch][i] = 0.6 * (2 * phase - 1) + 0.2 * (r.nextDouble() * 2 - 1);
            }
        }
        return x;
    }

    private static double[][] gaussian(int channels, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] u = new double[channels][samples];
        for (double[] c : u) {
            for (int i = 0; i < samples; i++) {
                // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
                c[i] = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            }
        }
        return u;
    }

    private static double[] theta(AnalyticEqEight eq, DeviceSettings s) {
        float[] t32 = eq.theta(s);
        double[] t = new double[t32.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = t32[i];
        }
        return t;
    }

    /** ∂L/∂x and ∂L/∂θ of L = Σ u·apply(x, θ) by DJL's autograd, the reference. */
    private record Vjp(double[][] dx, double[] dTheta) {
    }

    private static Vjp djl(AnalyticEqEight eq, double[][] x, double[] theta, double rate, double[][] u) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x);
            NDArray t = m.create(theta);
            // A clone in PyTorch's memory: the graph keeps u for the backward (see org.unmixer.model.Scalars).
            NDArray upstream = m.create(u).duplicate();
            audio.setRequiresGradient(true);
            t.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray surrogate = eq.apply(audio, t, rate, DiffDevices.GRADIENT_TAIL).mul(upstream).sum();
                gc.backward(surrogate);
                double[] flat = audio.getGradient().toDoubleArray();
                double[][] dx = new double[x.length][];
                for (int ch = 0; ch < x.length; ch++) {
                    dx[ch] = java.util.Arrays.copyOfRange(flat, ch * x[0].length, (ch + 1) * x[0].length);
                }
                return new Vjp(dx, t.getGradient().toDoubleArray());
            }
        }
    }

    private static double surrogate(AnalyticEqEight eq, double[][] x, double[] theta, double rate, double[][] u) {
        try (NDManager m = NDManager.newBaseManager()) {
            return eq.apply(m.create(x), m.create(theta), rate, DiffDevices.GRADIENT_TAIL).mul(m.create(u)).sum().getDouble();
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** max |a − b| / max |b|: the error relative to the largest component. */
    private static double relativeToLargest(double[] a, double[] b) {
        double err = 0;
        for (int i = 0; i < a.length; i++) {
            err = Math.max(err, Math.abs(a[i] - b[i]));
        }
        return err / maxAbs(b);
    }

    private static double[] flat(double[][] a) {
        return java.util.Arrays.stream(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void theParametersAreTheNdArrayVersions() {
        DeviceSettings s = everyType(100, true);
        assertThat(new EqEightAdjoint(s).parameters()).isEqualTo(new AnalyticEqEight(s).parameters());
    }

    @Test
    void bothGradientsEqualDjlAutogradForEveryFilterType() {
        record Case(String name, DeviceSettings settings, double rate) {
        }
        Case[] cases = {
            new Case("every type, adaptive Q, scale 100", everyType(100, true), RATE),
            new Case("every type, scale -60", everyType(-60, false), RATE),
            new Case("bands off, 0 dB adaptive bell, top frequency (θ = 1)", someOff(), RATE),
            new Case("bands off, 0 dB adaptive bell, top frequency clipped at 32 kHz", someOff(), 32_000),
        };
        for (Case c : cases) {
            double[] theta = theta(new AnalyticEqEight(c.settings), c.settings);
            if (c == cases[2]) {
                assertThat(theta[1 + 3]).as("2 Frequency A on its range end, where the clip still passes the gradient").isEqualTo(1.0);
            }
            assertMatchesDjl(c.name, c.settings, c.rate, theta);
        }
    }

    @Test
    void thetaOutsideTheUnitRangeMatchesDjlToo() {
        // Adam may step past a range end: the taper's clip then stops that entry's gradient.
        DeviceSettings s = everyType(100, true);
        double[] theta = theta(new AnalyticEqEight(s), s);
        theta[1 + 9] = 1.02; // 4 Frequency A (bell)
        theta[1 + 6 + 1] = -0.05; // 3 Gain A (low shelf)
        theta[0] = 1.3; // Output Gain
        double[] dTheta = assertMatchesDjl("θ outside [0, 1]", s, RATE, theta);
        assertThat(new double[] {dTheta[1 + 9], dTheta[1 + 6 + 1], dTheta[0]}).containsOnly(0.0);
        assertThat(dTheta[1 + 9 + 1]).as("4 Gain A").isNotZero();
    }

    /**
     * ∂L/∂x and ∂L/∂θ of stereo synth-like audio and a random upstream within 1e-6 of DJL's largest
     * component; returns ∂L/∂θ.
     */
    private static double[] assertMatchesDjl(String name, DeviceSettings s, double rate, double[] theta) {
        double[][] x = synth(2, 3_000, 11);
        double[][] u = gaussian(2, 3_000, 12);
        Vjp expected = djl(new AnalyticEqEight(s), x, theta, rate, u);
        double[] dTheta = new double[theta.length];
        double[][] dx = new EqEightAdjoint(s).pullBack(x, theta, rate, u, dTheta);
        assertThat(maxAbs(expected.dTheta)).as(name).isPositive();
        assertThat(relativeToLargest(flat(dx), flat(expected.dx))).as(name + ": ∂L/∂x").isLessThan(1e-6);
        assertThat(relativeToLargest(dTheta, expected.dTheta)).as(name + ": ∂L/∂θ").isLessThan(1e-6);
        return dTheta;
    }

    @Test
    void disabledBandsAndClippedFrequenciesGetNoGradient() {
        DeviceSettings s = someOff();
        EqEightAdjoint adjoint = new EqEightAdjoint(s);
        double[] theta = theta(new AnalyticEqEight(s), s);
        double[] dTheta = new double[theta.length];
        adjoint.pullBack(synth(2, 1_000, 3), theta, 32_000, gaussian(2, 1_000, 4), dTheta);
        for (int band : new int[] {4, 6, 8}) {
            for (int j = 0; j < 3; j++) {
                assertThat(dTheta[1 + (band - 1) * 3 + j]).as("band %d entry %d", band, j).isZero();
            }
        }
        assertThat(dTheta[1 + 3]).as("2 Frequency A, above 0.4999·fs").isZero();
        assertThat(dTheta[1 + 3 + 2]).as("2 Resonance A").isNotZero();
        assertThat(dTheta[1]).as("1 Frequency A").isNotZero();
    }

    @Test
    void thetaGradientMatchesCentralDifferencesOnATinyProblem() {
        DeviceSettings s = everyType(100, true);
        AnalyticEqEight reference = new AnalyticEqEight(s);
        EqEightAdjoint adjoint = new EqEightAdjoint(s);
        double[][] x = synth(1, 256, 21);
        double[][] u = gaussian(1, 256, 22);
        double[] theta = theta(reference, s);
        double[] dTheta = new double[theta.length];
        adjoint.pullBack(x, theta, RATE, u, dTheta);
        double largest = maxAbs(dTheta);
        // Output Gain; band 1 (48 dB high-pass) Resonance; band 3 (low shelf) Frequency; band 4 (adaptive bell) Gain.
        for (int i : new int[] {0, 1 + 2, 1 + 6, 1 + 9 + 1}) {
            double h = 1e-6;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (surrogate(reference, x, up, RATE, u) - surrogate(reference, x, down, RATE, u)) / (2 * h);
            assertThat(dTheta[i]).as(adjoint.parameters().get(i).name()).isCloseTo(fd, within(1e-6 * largest));
        }
    }

    @Test
    void inputGradientMatchesADirectionalDifference() {
        DeviceSettings s = everyType(-60, false);
        AnalyticEqEight reference = new AnalyticEqEight(s);
        double[][] x = synth(2, 512, 31);
        double[][] u = gaussian(2, 512, 32);
        double[][] d = gaussian(2, 512, 33);
        double[] theta = theta(reference, s);
        double[][] dx = new EqEightAdjoint(s).pullBack(x, theta, RATE, u, null);
        double h = 1e-3;
        double[][] up = new double[2][512];
        double[][] down = new double[2][512];
        double predicted = 0;
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < 512; i++) {
                up[ch][i] = x[ch][i] + h * d[ch][i];
                down[ch][i] = x[ch][i] - h * d[ch][i];
                predicted += dx[ch][i] * d[ch][i];
            }
        }
        double fd = (surrogate(reference, up, theta, RATE, u) - surrogate(reference, down, theta, RATE, u)) / (2 * h);
        assertThat(predicted).isCloseTo(fd, within(1e-8 * Math.abs(fd)));
    }

    @Test
    void nullThetaMeansTheSettingsAndRepeatedCallsAgreeExactly() {
        DeviceSettings s = everyType(100, true);
        EqEightAdjoint adjoint = new EqEightAdjoint(s);
        double[] theta = theta(new AnalyticEqEight(s), s);
        double[][] x = synth(2, 2_000, 41);
        double[][] u = gaussian(2, 2_000, 42);
        double[] first = new double[theta.length];
        double[][] dx = adjoint.pullBack(x, theta, RATE, u, first);
        double[] second = new double[theta.length];
        double[][] fromSettings = adjoint.pullBack(x, null, RATE, u, second);
        assertThat(second).containsExactly(first);
        assertThat(fromSettings).isDeepEqualTo(dx);
        assertThat(adjoint.pullBack(x, theta, RATE, u, null)).isDeepEqualTo(dx);
    }
}
