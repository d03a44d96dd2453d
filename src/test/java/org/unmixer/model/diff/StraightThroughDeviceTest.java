package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effects;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyNetwork;
import org.unmixer.model.proxy.ProxySideChannels;
import org.unmixer.model.proxy.ProxyTcn;
import org.unmixer.model.proxy.SpectralMaskProxy;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class StraightThroughDeviceTest {
    private static final int RATE = 44_100;
    private static final int N = 4_096;

    private static double[][] input(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[2][N];
        for (int i = 0; i < N; i++) {
            double s = 0.4 * Math.sin(2 * Math.PI * 330 * i / RATE) * Math.exp(-i / 3000.0);
            x[0][i] = s + 0.05 * (r.nextDouble() - 0.5);
            x[1][i] = 0.8 * s + 0.05 * (r.nextDouble() - 0.5);
        }
        return x;
    }

    private static float[][] asFloat(double[][] x) {
        float[][] f = new float[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                f[c][i] = (float) x[c][i];
            }
        }
        return f;
    }

    private static DeviceSettings device(String name, Map<String, Object> values) {
        return Catalog.standard().device(name).defaults().with(values);
    }

    private static DeviceSettings phaser() {
        return device("Phaser-Flanger", Map.of("Feedback", 40.0, "Mod Freq", 3.0, "Dry/Wet", 60.0));
    }

    /** A small untrained proxy whose output layer is random (a fresh one is the identity, with no θ gradient). */
    private static ProxyNetwork randomProxy(NDManager m, ProxyConditioning conditioning, boolean frameDomain) {
        Engine.getInstance().setRandomSeed(11);
        int channels = 1 + ProxySideChannels.count(conditioning.device().name());
        ProxyNetwork net = frameDomain
                ? new SpectralMaskProxy(new SpectralMaskProxy.Config(channels, conditioning.size(), RATE, 256, 8, 12, 4, 3, List.of(1, 2), 8))
                : new ProxyTcn(new ProxyTcn.Config(channels, conditioning.size(), 4, 3, List.of(1, 2), 8));
        net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        net.initialize(m, DataType.FLOAT32, new Shape(2, channels, N), new Shape(2, conditioning.size()));
        for (var p : net.getParameters()) {
            if (p.getKey().contains("output")) {
                NDArray a = p.getValue().getArray();
                a.set(new NDIndex("..."), m.randomNormal(0, 0.3f, a.getShape(), DataType.FLOAT32));
            }
        }
        return ProxyGradient.prepare(net, m);
    }

    private static double relativeError(float[][] reference, double[] actual) {
        double num = 0;
        double den = 0;
        int n = reference[0].length;
        for (int c = 0; c < reference.length; c++) {
            for (int i = 0; i < n; i++) {
                double d = reference[c][i] - actual[c * n + i];
                num += d * d;
                den += (double) reference[c][i] * reference[c][i];
            }
        }
        return Math.sqrt(num / den);
    }

    @Test
    void aFrozenDeviceSoundsLikeTheReferenceAndPassesGradientsUnchanged() {
        DeviceSettings reverb = device("Reverb", Map.of());
        double[][] x = input(1);
        float[][] expected = Effects.forDevice("Reverb").render(new AudioBuffer(asFloat(x), RATE), reverb).channels();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x[0]).stack(m.create(x[1]), 0);
            audio.setRequiresGradient(true);
            StraightThroughDevice frozen = StraightThroughDevice.frozen(reverb);
            assertThat(frozen.parameters()).isEmpty();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = frozen.apply(audio, null, RATE);
                assertThat(relativeError(expected, y.toDoubleArray())).isLessThan(1e-6);
                gc.backward(y.mul(m.create(3.0)).sum());
            }
            double[] g = audio.getGradient().toDoubleArray();
            assertThat(g).containsOnly(3.0);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aProxiedDeviceSoundsLikeTheReferenceButCarriesTheProxysGradient(boolean frameDomain) {
        DeviceSettings phaser = phaser();
        ProxyConditioning conditioning = new ProxyConditioning(phaser.device());
        double[][] x = input(2);
        float[][] expected = Effects.forDevice("Phaser-Flanger").render(new AudioBuffer(asFloat(x), RATE), phaser).channels();
        try (NDManager m = NDManager.newBaseManager()) {
            ProxyNetwork net = randomProxy(m, conditioning, frameDomain);
            ProxyGradient path = new ProxyGradient(net, conditioning, phaser);
            StraightThroughDevice device = StraightThroughDevice.withGradient(phaser, conditioning.continuous(), path);
            NDArray audio = m.create(x[0]).stack(m.create(x[1]), 0);
            double[] gradThrough;
            double[] gradProxy;
            NDArray theta = m.create(device.theta(phaser)).toType(DataType.FLOAT64, false);
            theta.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = device.apply(audio, theta, RATE);
                assertThat(relativeError(expected, y.toDoubleArray())).isLessThan(1e-6);
                gc.backward(y.sum());
            }
            gradThrough = theta.getGradient().toDoubleArray();
            NDArray theta2 = m.create(device.theta(phaser)).toType(DataType.FLOAT64, false);
            theta2.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(path.apply(audio, theta2, RATE).sum());
            }
            gradProxy = theta2.getGradient().toDoubleArray();
            assertThat(gradThrough).hasSize(conditioning.continuous().size());
            for (int i = 0; i < gradThrough.length; i++) {
                assertThat(gradThrough[i]).as("θ %d", i).isNotZero().isCloseTo(gradProxy[i], org.assertj.core.data.Offset.offset(1e-9 * Math.abs(gradProxy[i]) + 1e-12));
            }
        }
    }

    @Test
    void aLinearlyMixingDevicesDryWetGradientIsExact() {
        DeviceSettings reverb = device("Reverb", Map.of("Dry/Wet", 40.0, "Decay Time", 900.0));
        double[][] x = input(5);
        DryWetGradient mix = new DryWetGradient(reverb);
        StraightThroughDevice device = StraightThroughDevice.withGradient(reverb, List.of(mix.parameter()), mix);
        SplittableRandom r = new SplittableRandom(9);
        double[] w = new double[2 * N];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() - 0.5;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray weights = m.create(w).reshape(2, N);
            NDArray audio = m.create(x[0]).stack(m.create(x[1]), 0);
            double theta0 = device.theta(reverb)[0];
            NDArray theta = m.create(new double[] {theta0});
            theta.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(device.apply(audio, theta, RATE).mul(weights).sum());
            }
            double g = theta.getGradient().toDoubleArray()[0];
            double h = 1e-3;
            double plus = device.apply(audio, m.create(new double[] {theta0 + h}), RATE).mul(weights).sum().getDouble();
            double minus = device.apply(audio, m.create(new double[] {theta0 - h}), RATE).mul(weights).sum().getDouble();
            double fd = (plus - minus) / (2 * h); // of the reference renders themselves (the value is the reference's)
            assertThat(g).isNotZero().isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-4 * Math.abs(fd) + 1e-6));
        }
    }

    @Test
    void multibandDynamicsMasterOutputGradientIsExact() {
        DeviceSettings ott = device("Multiband Dynamics", Map.of("Master Output", -3.0));
        double[][] x = input(6);
        OutputGainGradient level = new OutputGainGradient(ott);
        StraightThroughDevice device = StraightThroughDevice.withGradient(ott, List.of(level.parameter()), level);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x[0]).stack(m.create(x[1]), 0);
            double theta0 = device.theta(ott)[0];
            NDArray theta = m.create(new double[] {theta0});
            theta.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(device.apply(audio, theta, RATE).sum());
            }
            double g = theta.getGradient().toDoubleArray()[0];
            double h = 1e-3;
            double fd = (device.apply(audio, m.create(new double[] {theta0 + h}), RATE).sum().getDouble()
                    - device.apply(audio, m.create(new double[] {theta0 - h}), RATE).sum().getDouble()) / (2 * h);
            assertThat(g).isNotZero().isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-4 * Math.abs(fd) + 1e-6));
        }
    }

    @Test
    void anExactVersionWinsOverAProxyUnlessProxiesArePreferred() {
        DeviceSettings eq = device("EQ Eight", Map.of("1 Filter On A", "On", "1 Gain A", 6.0));
        try (NDManager m = NDManager.newBaseManager()) {
            ProxyConditioning conditioning = new ProxyConditioning(eq.device());
            DiffDevices diff = DiffDevices.withProxies(Map.of("EQ Eight", randomProxy(m, conditioning, true)));
            assertThat(diff.kind(eq)).isEqualTo(DiffDevices.Kind.ANALYTIC);
            DiffDevices preferring = diff.preferringProxies();
            assertThat(preferring.kind(eq)).isEqualTo(DiffDevices.Kind.PROXY);
            assertThat(preferring.withSecants().kind(eq)).isEqualTo(DiffDevices.Kind.PROXY);
            assertThat(DiffDevices.analyticOnly().preferringProxies().kind(eq)).isEqualTo(DiffDevices.Kind.ANALYTIC);
            double[] exact = gradientOfSum(m, diff.forSettings(eq), eq);
            double[] proxy = gradientOfSum(m, preferring.forSettings(eq), eq);
            assertThat(exact).hasSameSizeAs(proxy);
            assertThat(java.util.Arrays.equals(exact, proxy)).as("the proxy's gradient is not the exact one").isFalse();
        }
    }

    private static double[] gradientOfSum(NDManager m, DiffDevice device, DeviceSettings settings) {
        double[][] x = input(3);
        NDArray t = m.create(device.theta(settings)).toType(DataType.FLOAT64, false);
        t.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray audio = m.create(x[0]).stack(m.create(x[1]), 0);
            gc.backward(device.apply(audio, t, RATE).square().sum());
        }
        return t.getGradient().toDoubleArray();
    }

    @Test
    void theChainedGraphCarriesAGradientToEveryParameterItRefines() {
        Map<String, Object> sat = new LinkedHashMap<>();
        sat.put("Type", "Medium Curve");
        sat.put("Drive", 9.0);
        sat.put("Color On", "On");
        sat.put("Color Amt Low", 4.0);
        sat.put("Color Amt Hi", -6.0);
        sat.put("Dry/Wet", 80.0);
        Map<String, Object> eq = new LinkedHashMap<>();
        for (int b = 1; b <= 8; b++) {
            eq.put(b + " Filter On A", "On");
            eq.put(b + " Filter Type A", "Bell");
            eq.put(b + " Frequency A", 60.0 * Math.pow(2, b));
            eq.put(b + " Gain A", b % 2 == 0 ? 3.0 : -3.0);
        }
        List<DeviceSettings> chain = List.of(device("Saturator", sat), phaser(), device("Reverb", Map.of()), device("EQ Eight", eq));
        double[][] x = input(3);
        double[][] target = input(4);
        try (NDManager m = NDManager.newBaseManager()) {
            ProxyNetwork net = randomProxy(m, new ProxyConditioning(chain.get(1).device()), true);
            DiffDevices diff = DiffDevices.withProxies(Map.of("Phaser-Flanger", net));
            assertThat(chain.stream().map(diff::kind).toList()).containsExactly(
                    DiffDevices.Kind.ANALYTIC, DiffDevices.Kind.PROXY, DiffDevices.Kind.DRY_WET, DiffDevices.Kind.ANALYTIC);
            List<NDArray> thetas = new ArrayList<>();
            List<DiffDevice> devices = new ArrayList<>();
            for (DeviceSettings s : chain) {
                DiffDevice d = diff.forSettings(s);
                devices.add(d);
                NDArray t = d.parameters().isEmpty() ? null : m.create(d.theta(s)).toType(DataType.FLOAT64, false);
                if (t != null) {
                    t.setRequiresGradient(true);
                }
                thetas.add(t);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray audio = m.create(x[0]).stack(m.create(x[1]), 0);
                for (int k = 0; k < devices.size(); k++) {
                    audio = devices.get(k).apply(audio, thetas.get(k), RATE);
                }
                NDArray mono = audio.mean(new int[] {0}).reshape(1, N);
                NDArray t = m.create(target[0]).reshape(1, N);
                gc.backward(SpectralDistance.standard().distance(mono, t).sum());
            }
            for (int k = 0; k < devices.size(); k++) {
                assertThat(thetas.get(k)).as("every device here has something to refine").isNotNull();
                double[] g = thetas.get(k).getGradient().toDoubleArray();
                for (int i = 0; i < g.length; i++) {
                    assertThat(g[i]).as("%s %s", chain.get(k).device().name(), devices.get(k).parameters().get(i).name())
                            .isFinite().isNotZero();
                }
            }
        }
    }
}
