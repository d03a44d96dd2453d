package org.unmixer.bench;

import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.model.CandidateRefiner;
import org.unmixer.infer.model.Estimate;
import org.unmixer.infer.model.ModelEstimator;
import org.unmixer.infer.model.SoundEstimator;

/**
 * {@code estimate} after start-up (issue 4's bar: ≤ 150 ms for a 2 s clip): input preparation
 * (48 kHz stereo → mono 44.1 kHz, onset, loudness, pitch, gate), log-mel, the network, the top-5
 * chain ranking (P(set) · P(order | set)) with the shipped model ({@code models/unmixer-default})
 * and its calibration, then the refinement renders: {@code draws} = 0 is the level match of the five
 * candidates alone, 8 adds the parameter draws for the best chain ({@code estimate}'s default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EstimateBenchmark {
    @Param({"0", "8"})
    int draws;

    ModelEstimator model;
    SoundEstimator estimator;
    AudioBuffer twoSeconds48k;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        model = ModelEstimator.load("model", Path.of("models", "unmixer-default"), 5);
        estimator = new SoundEstimator(model, new CandidateRefiner.Settings(draws, CandidateRefiner.Settings.DEFAULT.temperature()));
        String json = java.nio.file.Files.readString(Path.of("assets", "examples", "pluck.json"));
        AudioBuffer rendered = Renderer.render(PatchJson.standard().parse(json), 44_100, 2.0);
        twoSeconds48k = Resampler.resample(rendered, 48_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    @Benchmark
    public Estimate estimateTwoSeconds() {
        return estimator.estimate(twoSeconds48k, 5);
    }
}
