package org.unmixer.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/**
 * Speed of the reference renderer on one core: a 2-second synth note (plus 1 s tail) through all
 * five core effects, stereo at 44.1 kHz, and the voice alone ({@link EffectBenchmark} times each effect).
 * Real-time factor = 3 s / (ms per op / 1000).
 *
 * <p>Run: {@code ./mvnw -B -Pjmh test-compile exec:exec} (results in docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RendererBenchmark {
    static final int RATE = 44_100;

    /**
     * "centred": the voice is mono in stereo until the reverb (devices may share work between
     * identical channels); "wide": oscillators panned ±30 %, so every device sees two different
     * channels.
     */
    @Param({"centred", "wide"})
    public String image;

    Patch fullPatch;

    /** The typical chain: every core device engaged with settings a producer would use. */
    public static Patch typicalPatch() {
        return typicalPatch(false);
    }

    /** As {@link #typicalPatch()}, with the two oscillators panned apart when {@code wide}. */
    public static Patch typicalPatch(boolean wide) {
        Catalog c = Catalog.standard();
        DeviceSettings synth = c.device("Wavetable").settings(Map.of(
                "Osc 1 Pos", 40.0, "Osc 2 On", "On", "Osc 2 Pos", 70.0, "Sub On", "On", "Filter 1 Slope", "24",
                "Filter 1 Freq", 2000.0, "Osc 1 Pan", wide ? -30.0 : 0.0, "Osc 2 Pan", wide ? 30.0 : 0.0));
        List<DeviceSettings> chain = List.of(
                c.device("Saturator").settings(Map.of("Drive", 12.0, "Type", "Soft Sine")),
                c.device("EQ Eight").settings(Map.of("1 Filter On A", "On", "2 Filter On A", "On", "3 Filter On A", "On",
                        "4 Filter On A", "On", "5 Filter On A", "On", "6 Filter On A", "On", "7 Filter On A", "On",
                        "8 Filter On A", "On")),
                c.device("Multiband Dynamics").preset("OTT"),
                c.device("Phaser-Flanger").settings(Map.of("Notches", 8.0)),
                c.device("Reverb").settings(Map.of("Decay Time", 2500.0, "Dry/Wet", 30.0)));
        return new Patch(SourceSpec.synth(48, 100, 2.0),
                Optional.of(new SynthSpec(synth, WavetableRef.DEFAULT, WavetableRef.DEFAULT)), chain);
    }

    @Setup
    public void setUp() {
        fullPatch = typicalPatch(image.equals("wide"));
    }

    /** Synth voice + all five effects (the 200× real-time bar). */
    @Benchmark
    public AudioBuffer fullPatch() {
        return Renderer.render(fullPatch, RATE);
    }

    /** The synth voice alone. */
    @Benchmark
    public AudioBuffer synthVoice() {
        return Renderer.renderSource(fullPatch.source(), fullPatch.synth(), RATE, fullPatch.source().totalSeconds());
    }
}
