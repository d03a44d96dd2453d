package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.effects.EqEight;
import org.unmixer.dsp.effects.EqEightFilterType;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class AnalyticEqEightTest {
    private static final int RATE = 44_100;

    /** Every band on, band n of type n−1 (all eight types), with resonant and strongly boosted settings. */
    private static DeviceSettings everyType(double scale, boolean adaptive) {
        Map<String, Object> v = new LinkedHashMap<>();
        double[] hz = {40, 120, 250, 900, 2500, 5000, 9000, 16000};
        double[] gain = {0, 0, 9, -12, 0, 6, 0, 0};
        double[] q = {1.4, 0.71, 0.71, 4.0, 8.0, 0.9, 2.0, 0.71};
        for (int n = 1; n <= 8; n++) {
            v.put(n + " Filter On A", "On");
            v.put(n + " Filter Type A", EqEightFilterType.ofIndex(n - 1).ordinal());
            v.put(n + " Frequency A", hz[n - 1]);
            v.put(n + " Gain A", gain[n - 1]);
            v.put(n + " Resonance A", q[n - 1]);
        }
        v.put("Output Gain", -3.5);
        v.put("Scale", scale);
        v.put("Adaptive Q", adaptive ? "On" : "Off");
        return Catalog.standard().device("EQ Eight").defaults().with(v);
    }

    private static float[][] noise(int channels, int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[channels][samples];
        for (float[] c : x) {
            for (int i = 0; i < samples; i++) {
                c[i] = (float) (r.nextDouble() * 2 - 1) * 0.5f;
            }
        }
        return x;
    }

    @Test
    void matchesTheReferenceEqEightWithinOnePartInAThousand() {
        for (DeviceSettings s : new DeviceSettings[] {everyType(100, true), everyType(-60, false)}) {
            float[][] x = noise(2, 22_050, 5);
            float[][] reference = new EqEight().render(new AudioBuffer(x, RATE), s).channels();
            AnalyticEqEight eq = new AnalyticEqEight(s);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray y = eq.apply(m.create(new float[][] {x[0], x[1]}), m.create(eq.theta(s)), RATE, RATE);
                assertThat(RelativeError.of(reference, y.toType(DataType.FLOAT32, false).toFloatArray())).as("scale %s", s.get("Scale")).isLessThan(1e-3);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesForEveryParameter() {
        DeviceSettings s = everyType(100, true);
        AnalyticEqEight eq = new AnalyticEqEight(s);
        float[][] x = noise(1, 4_096, 9);
        try (NDManager m = NDManager.newBaseManager()) {
            double[] theta = new double[eq.parameters().size()];
            float[] t32 = eq.theta(s);
            for (int i = 0; i < theta.length; i++) {
                theta[i] = t32[i];
            }
            NDArray audio = m.create(x);
            NDArray t = m.create(theta);
            t.setRequiresGradient(true);
            double[] grad;
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray loss = eq.apply(audio, t, RATE, 4_096).toType(DataType.FLOAT64, false).square().mean();
                gc.backward(loss);
                grad = t.getGradient().toDoubleArray();
            }
            for (int i = 0; i < theta.length; i++) {
                double h = 1e-5;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (energy(eq, audio, m.create(plus)) - energy(eq, audio, m.create(minus))) / (2 * h);
                assertThat(grad[i]).as(eq.parameters().get(i).name()).isCloseTo(fd, within(1e-4 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void float32AudioFromAnUpstreamProxyKeepsItsGradient() {
        DeviceSettings s = everyType(100, false);
        AnalyticEqEight eq = new AnalyticEqEight(s);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(noise(1, 2_048, 3)); // float32, as a proxy's output
            audio.setRequiresGradient(true);
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(eq.apply(audio.mul(2), m.create(eq.theta(s)), RATE, 2_048).square().sum());
                assertThat(audio.getGradient().abs().sum().getFloat()).isPositive();
            }
        }
    }

    private static double energy(AnalyticEqEight eq, NDArray audio, NDArray theta) {
        return eq.apply(audio, theta, RATE, 4_096).toType(DataType.FLOAT64, false).square().mean().getDouble();
    }
}
