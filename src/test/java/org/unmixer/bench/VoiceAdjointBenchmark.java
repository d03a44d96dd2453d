package org.unmixer.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.model.diff.DiffWavetableVoice;
import org.unmixer.model.diff.VoiceAdjoint;

/**
 * One synth-voice gradient on a 2 s note (the pluck example, 1.5 s + 0.5 s release, as
 * {@link ItfBenchmark}): the plain-Java {@link VoiceAdjoint#pullBack} against the NDArray voice's
 * forward + backward. "Same" keeps θ, so the oscillator basis is cached; "moved" alternates Osc 1
 * Pos between two values, so every call rebuilds the basis, as an ITF step does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class VoiceAdjointBenchmark {
    VoiceAdjoint adjoint;
    DiffWavetableVoice voice;
    double[] theta;
    double[] moved;
    double[][] upstream;
    NDManager manager;
    NDArray upstreamArray;
    boolean flip;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Patch pluck = PatchJson.standard().parse(Files.readString(Path.of("assets", "examples", "pluck.json")));
        SourceSpec twoSeconds = new SourceSpec(pluck.source().kind(), pluck.source().note(), pluck.source().velocity(), 1.5, 0.5, 0);
        SynthSpec synth = pluck.synth().orElseThrow();
        adjoint = new VoiceAdjoint(synth, twoSeconds, Renderer.DEFAULT_RATE);
        voice = new DiffWavetableVoice(synth, twoSeconds, Renderer.DEFAULT_RATE);
        float[] t = adjoint.theta(synth.settings());
        theta = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            theta[i] = t[i];
        }
        moved = theta.clone();
        int position = adjoint.parameters().stream().map(p -> p.name()).toList().indexOf("Osc 1 Pos");
        moved[position] += 0.01;
        int frames = (int) Math.round(twoSeconds.totalSeconds() * Renderer.DEFAULT_RATE);
        upstream = new double[2][frames];
        SplittableRandom r = new SplittableRandom(1);
        double[] flat = new double[2 * frames];
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < frames; n++) {
                upstream[c][n] = r.nextDouble() - 0.5;
                flat[c * frames + n] = upstream[c][n];
            }
        }
        manager = NDManager.newBaseManager();
        upstreamArray = manager.create(flat).reshape(2, frames);
    }

    private double[] next() {
        flip = !flip;
        return flip ? moved : theta;
    }

    @Benchmark
    public double[] pullBackSame() {
        return adjoint.pullBack(theta, upstream);
    }

    @Benchmark
    public double[] pullBackMoved() {
        return adjoint.pullBack(next(), upstream);
    }

    @Benchmark
    public double[] djlSame() {
        return djl(theta);
    }

    @Benchmark
    public double[] djlMoved() {
        return djl(next());
    }

    private double[] djl(double[] at) {
        try (NDManager m = manager.newSubManager()) {
            NDArray th = m.create(at);
            th.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(voice.apply(m, th).mul(upstreamArray).sum());
            }
            return th.getGradient().toDoubleArray();
        }
    }
}
