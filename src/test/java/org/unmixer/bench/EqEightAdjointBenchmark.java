package org.unmixer.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.unmixer.model.diff.AnalyticEqEight;
import org.unmixer.model.diff.EqEightAdjoint;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/**
 * One EQ Eight gradient pull-back in ITF's hot loop, 2 s of stereo at 44.1 kHz: the plain-Java
 * {@link EqEightAdjoint} against DJL's forward + backward through {@link AnalyticEqEight} (the same
 * 4096-sample tail, DiffDevices.GRADIENT_TAIL).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EqEightAdjointBenchmark {
    private static final int RATE = 44_100;
    private static final int TAIL = 4_096;

    /** Bands on: 4 (low cut, shelf, two bells) or all 8 (every type, the 48 dB cuts included). */
    @Param({"4", "8"})
    public int bands;

    double[][] x;
    double[][] u;
    double[] theta;
    AnalyticEqEight djl;
    EqEightAdjoint adjoint;

    @Setup
    public void setUp() {
        DeviceSettings s = settings(bands);
        djl = new AnalyticEqEight(s);
        adjoint = new EqEightAdjoint(s);
        float[] t32 = djl.theta(s);
        theta = new double[t32.length];
        for (int i = 0; i < t32.length; i++) {
            theta[i] = t32[i];
        }
        SplittableRandom r = new SplittableRandom(1);
        x = new double[2][2 * RATE];
        u = new double[2][2 * RATE];
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < 2 * RATE; i++) {
                x[ch][i] = 0.6 * (2 * ((110.0 * i / RATE) % 1.0) - 1) + 0.1 * (r.nextDouble() - 0.5);
                u[ch][i] = r.nextDouble() - 0.5;
            }
        }
    }

    static DeviceSettings settings(int bands) {
        double[] hz = {40, 120, 250, 900, 2500, 5000, 9000, 16000};
        double[] gain = {0, 0, 4, -6, 0, 3, 0, 0};
        double[] q = {0.71, 0.71, 0.71, 2.0, 4.0, 1.0, 0.71, 0.71};
        int[] fourTypes = {1, 2, 3, 3};
        Map<String, Object> v = new LinkedHashMap<>();
        for (int n = 1; n <= 8; n++) {
            v.put(n + " Filter On A", n <= bands ? "On" : "Off");
            v.put(n + " Filter Type A", bands == 8 ? n - 1 : fourTypes[Math.min(n, 4) - 1]);
            v.put(n + " Frequency A", hz[n - 1]);
            v.put(n + " Gain A", gain[n - 1]);
            v.put(n + " Resonance A", q[n - 1]);
        }
        v.put("Adaptive Q", "On");
        return Catalog.standard().device("EQ Eight").defaults().with(v);
    }

    @Benchmark
    public double[][] adjoint() {
        double[] dTheta = new double[theta.length];
        return adjoint.pullBack(x, theta, RATE, u, dTheta);
    }

    @Benchmark
    public double[] djlForwardBackward() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x);
            NDArray t = m.create(theta);
            NDArray upstream = m.create(u).duplicate();
            audio.setRequiresGradient(true);
            t.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(djl.apply(audio, t, RATE, TAIL).mul(upstream).sum());
                audio.getGradient().toDoubleArray();
                return t.getGradient().toDoubleArray();
            }
        }
    }
}
