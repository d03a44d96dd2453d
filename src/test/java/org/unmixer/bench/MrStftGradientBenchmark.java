package org.unmixer.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.unmixer.audio.spectral.MrStftGradient;
import org.unmixer.dsp.Renderer;

/**
 * The exact MR-STFT distance and its gradient, what every ITF step spends most on: a 2 s clip plus
 * the 4 096-sample tail ITF renders, at the model's rate, against a fixed target.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class MrStftGradientBenchmark {
    MrStftGradient distance;
    float[] estimate;

    @Setup
    public void setUp() {
        int length = 2 * Renderer.DEFAULT_RATE + 4096;
        Random random = new Random(5);
        float[] target = new float[length];
        estimate = new float[length];
        for (int i = 0; i < length; i++) {
            double envelope = Math.exp(-3.0 * i / length);
            target[i] = (float) (envelope * Math.sin(2 * Math.PI * 220 * i / Renderer.DEFAULT_RATE) + 0.01 * random.nextGaussian());
            estimate[i] = (float) (0.8 * envelope * Math.sin(2 * Math.PI * 221 * i / Renderer.DEFAULT_RATE) + 0.01 * random.nextGaussian());
        }
        distance = new MrStftGradient(target);
    }

    @Benchmark
    public MrStftGradient.ValueAndGradient valueAndGradient() {
        return distance.evaluate(estimate);
    }

    @Benchmark
    public double valueOnly() {
        return distance.value(estimate);
    }
}
