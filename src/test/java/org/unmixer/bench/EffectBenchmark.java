package org.unmixer.bench;

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
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.DeviceSettings;

/** Each core effect alone on the 3 s synth note of {@link RendererBenchmark#typicalPatch(boolean)}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EffectBenchmark {
    @Param({"Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb"})
    public String device;

    /** See {@link RendererBenchmark#image}. */
    @Param({"centred", "wide"})
    public String image;

    AudioBuffer input;
    Effect effect;
    DeviceSettings settings;

    @Setup
    public void setUp() {
        Patch patch = RendererBenchmark.typicalPatch(image.equals("wide"));
        input = Renderer.renderSource(patch.source(), patch.synth(), RendererBenchmark.RATE, patch.source().totalSeconds());
        settings = patch.chain().stream().filter(d -> d.device().name().equals(device)).findFirst().orElseThrow();
        effect = Effects.forDevice(device);
    }

    @Benchmark
    public AudioBuffer render() {
        return effect.render(input, settings);
    }
}
