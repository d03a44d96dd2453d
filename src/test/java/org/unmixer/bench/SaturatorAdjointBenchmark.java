package org.unmixer.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
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
import org.unmixer.model.diff.AnalyticSaturator;
import org.unmixer.model.diff.SaturatorAdjoint;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/**
 * One Saturator gradient pull-back in ITF's hot loop on 2 s of stereo at 44.1 kHz: the plain-Java
 * {@link SaturatorAdjoint} against autograd through {@link AnalyticSaturator} (forward + backward,
 * tail 4096 as {@code DiffDevices} uses it). Settings: "default" is the device's defaults at
 * 12 dB drive (no linear stages), "dc" adds the Pre-DC filter, "color" Color on as well, "color+clip"
 * Soft Clip on top (the most transforms).
 *
 * <p>Measured 2026-11-22 with {@code -bm sample} on the shared 2-core box while other builds ran
 * (load 3–6), min / median ms: adjoint default 1.7 / 3.4, dc 4.3 / 8.1, color 8.6 / 9.9,
 * color+clip 9.4 / 11.0; autograd default 15.5 / 129, dc 17.6 / 24.2, color 31.0 / 38.2,
 * color+clip 31.1 / 42.7. The linear stages are FFT-bound: 4 transforms of 131 072 points per
 * channel with the DC filter, 7 with Color, 8 with Color and a wet clip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SaturatorAdjointBenchmark {
    private static final int RATE = 44_100;
    private static final int TAIL = 4_096; // DiffDevices.GRADIENT_TAIL

    @Param({"default", "dc", "color", "color+clip"})
    public String settings;

    double[][] x;
    double[][] u;
    double[] theta;
    SaturatorAdjoint adjoint;
    AnalyticSaturator analytic;

    @Setup
    public void setUp() {
        Map<String, Object> v = new HashMap<>();
        v.put("Drive", 12.0);
        v.put("Type", "Medium Curve");
        if (!settings.equals("default")) {
            v.put("Pre Dc Filter", "On");
        }
        if (settings.startsWith("color")) {
            v.put("Color On", "On");
            v.put("Color Amt Hi", -6.0);
        }
        if (settings.equals("color+clip")) {
            v.put("Post Clip Mode", "Soft Clip");
        }
        DeviceSettings s = Catalog.standard().device("Saturator").defaults().with(v);
        adjoint = new SaturatorAdjoint(s);
        analytic = new AnalyticSaturator(s);
        float[] t = analytic.theta(s);
        theta = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            theta[i] = t[i];
        }
        int n = 2 * RATE;
        SplittableRandom r = new SplittableRandom(1);
        x = new double[2][n];
        u = new double[2][n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                double s0 = 0;
                for (int h = 1; h <= 10; h++) {
                    s0 += Math.sin(2 * Math.PI * 110 * (1 + 0.003 * c) * h * i / RATE) / h;
                }
                x[c][i] = 0.3 * s0 * Math.exp(-i / 30_000.0) + 0.01 * (r.nextDouble() - 0.5);
                u[c][i] = 1e-3 * (r.nextDouble() - 0.5);
            }
        }
    }

    @Benchmark
    public double[][] adjoint() {
        return adjoint.pullBack(x, theta, RATE, u, new double[theta.length]);
    }

    @Benchmark
    public double[] autograd() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray audio = m.create(x);
            NDArray t = m.create(theta);
            audio.setRequiresGradient(true);
            t.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(analytic.apply(audio, t, RATE, TAIL).mul(m.create(u)).sum());
                audio.getGradient().toDoubleArray();
                return t.getGradient().toDoubleArray();
            }
        }
    }
}
