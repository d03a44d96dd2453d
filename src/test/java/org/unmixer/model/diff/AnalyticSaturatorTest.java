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
import org.unmixer.dsp.effects.Saturator;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class AnalyticSaturatorTest {
    private static final int RATE = 44_100;
    private static final String[] TYPES = {"Analog Clip", "Soft Sine", "Bass Shaper", "Medium Curve", "Hard Curve", "Sinoid Fold",
        "Digital Clip", "Waveshaper"};

    static DeviceSettings settings(String type, boolean color, boolean dc, String postClip, double drive, double dryWet) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Type", type);
        v.put("Drive", drive);
        v.put("Color On", color ? "On" : "Off");
        v.put("Color Amt Low", 6.0);
        v.put("Color Amt Hi", -9.0);
        v.put("Color Freq", 2400.0);
        v.put("Color Width", 40.0);
        v.put("Pre Dc Filter", dc ? "On" : "Off");
        v.put("Post Clip Mode", postClip);
        v.put("Output", -4.0);
        v.put("Dry/Wet", dryWet);
        v.put("Threshold", -12.0);
        v.put("WS Drive", 80.0);
        v.put("WS Curve", 40.0);
        v.put("WS Depth", 30.0);
        v.put("WS Period", 20.0);
        v.put("WS Damp", 10.0);
        return Catalog.standard().device("Saturator").defaults().with(v);
    }

    private static float[][] input(int samples, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[2][samples];
        for (int i = 0; i < samples; i++) {
            double s = 0.5 * Math.sin(2 * Math.PI * 220 * i / RATE) + 0.2 * Math.sin(2 * Math.PI * 3100 * i / RATE);
            x[0][i] = (float) (s * Math.exp(-i / 6000.0) + 0.05 * (r.nextDouble() - 0.5));
            x[1][i] = (float) (0.3 * (r.nextDouble() - 0.5));
        }
        return x;
    }

    @Test
    void matchesTheReferenceSaturatorForEveryCurveAndStage() {
        float[][] x = input(8_192, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x);
            int i = 0;
            for (String type : TYPES) {
                for (boolean color : new boolean[] {false, true}) {
                    String post = new String[] {"No Clip", "Soft Clip", "Hard Clip"}[i % 3];
                    DeviceSettings s = settings(type, color, i % 2 == 0, post, 6 + (i % 4) * 5, i % 3 == 0 ? 100 : 65);
                    i++;
                    float[][] reference = new Saturator().render(new AudioBuffer(x, RATE), s).channels();
                    AnalyticSaturator sat = new AnalyticSaturator(s);
                    float[] y = sat.apply(audio, m.create(sat.theta(s)), RATE, RATE).toType(DataType.FLOAT32, false).toFloatArray();
                    assertThat(RelativeError.of(reference, y)).as("%s, color %s, post %s", type, color, post).isLessThan(1e-3);
                }
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesForEveryParameter() {
        DeviceSettings s = settings("Medium Curve", true, true, "Soft Clip", 9, 70);
        AnalyticSaturator sat = new AnalyticSaturator(s);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(new float[][] {input(2_048, 4)[0]});
            float[] t32 = sat.theta(s);
            double[] theta = new double[t32.length];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = t32[i];
            }
            NDArray t = m.create(theta);
            t.setRequiresGradient(true);
            double[] grad;
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(sat.apply(audio, t, RATE, 2_048).square().mean());
                grad = t.getGradient().toDoubleArray();
            }
            for (int i = 0; i < theta.length; i++) {
                double h = 1e-6;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (sat.apply(audio, m.create(plus), RATE, 2_048).square().mean().getDouble()
                        - sat.apply(audio, m.create(minus), RATE, 2_048).square().mean().getDouble()) / (2 * h);
                assertThat(grad[i]).as(sat.parameters().get(i).name()).isCloseTo(fd, within(1e-4 * Math.max(1e-3, Math.abs(fd)) + 1e-9));
            }
        }
    }
}
