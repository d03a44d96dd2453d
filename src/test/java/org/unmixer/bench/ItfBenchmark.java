package org.unmixer.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.params.Catalog;

/**
 * Issue 5's speed bar: 100 ITF steps on a 2 s clip (≤ 3 s on 2 cores). The pluck example's synth
 * through Saturator → Reverb → EQ Eight, started from a detuned copy; each step renders the patch
 * with the reference renderer (straight-through), pulls the CPU MR-STFT gradient back through the
 * differentiable voice and the analytic devices in plain Java, and takes an Adam step. {@code secants}
 * adds the reverb's secant gradients (one more reverb render a step), as {@code estimate} runs it;
 * {@code -p moves=true} the discrete moves too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@Threads(1)
public class ItfBenchmark {
    Patch start;
    AudioBuffer target;
    EffectItf itf;

    @Param({"false", "true"})
    boolean secants;

    /** Discrete moves every 25 steps, as {@code estimate} runs ITF (their neighbours' renders on top of the 100 steps). */
    @Param({"false"})
    boolean moves;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Patch pluck = PatchJson.standard().parse(java.nio.file.Files.readString(Path.of("assets", "examples", "pluck.json")));
        SourceSpec twoSeconds = new SourceSpec(pluck.source().kind(), pluck.source().note(), pluck.source().velocity(), 1.5, 0.5, 0);
        Catalog c = Catalog.standard();
        Patch truth = pluck.withSource(twoSeconds).withChain(List.of(
                c.device("Saturator").defaults().with(Map.of("Drive", 12.0)),
                c.device("Reverb").defaults().with(Map.of("Dry/Wet", 25.0)),
                c.device("EQ Eight").defaults().with(Map.of("3 Gain A", 6.0))));
        target = Renderer.render(truth, Renderer.DEFAULT_RATE);
        start = truth.withChain(List.of(
                c.device("Saturator").defaults().with(Map.of("Drive", 4.0)),
                c.device("Reverb").defaults().with(Map.of("Dry/Wet", 25.0)),
                c.device("EQ Eight").defaults().with(Map.of("3 Gain A", -2.0))));
        org.unmixer.model.diff.DiffDevices diff = org.unmixer.model.diff.DiffDevices.analyticOnly();
        EffectItf.Settings settings = new EffectItf.Settings(100, org.unmixer.session.EstimationOptions.ITF_LEARNING_RATE, 0);
        itf = new EffectItf(moves ? settings.withMovesEvery(org.unmixer.session.EstimationOptions.ITF_MOVES_EVERY) : settings,
                secants ? diff.withSecants() : diff);
    }

    @Benchmark
    public EffectItf.Trajectory hundredStepsOnTwoSeconds() {
        return itf.refine(start, target).orElseThrow();
    }
}
