package org.unmixer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;
import org.unmixer.audio.io.AudioFiles;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.audio.io.WavWriter;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;

/**
 * The signal layer's costs that ITF and data generation pay per step: the multi-resolution STFT
 * distance and log-mel of 2 s, reading a 10 s stereo 24-bit WAV, resampling 10 s 48k → 44.1k.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AudioBenchmark {
    float[] a;
    float[] b;
    AudioBuffer tenSeconds48k;
    Path wav;
    MultiResolutionStftDistance distance;
    LogMel logMel;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Random r = new Random(1);
        a = new float[2 * 44_100];
        b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 44_100.0) + 0.05 * r.nextGaussian());
            b[i] = (float) (0.3 * Math.sin(2 * Math.PI * 221 * i / 44_100.0) + 0.05 * r.nextGaussian());
        }
        float[][] ch = new float[2][10 * 48_000];
        for (int i = 0; i < ch[0].length; i++) {
            ch[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            ch[1][i] = ch[0][i];
        }
        tenSeconds48k = new AudioBuffer(ch, 48_000);
        wav = Files.createTempFile("unmixer-bench", ".wav");
        WavWriter.write(wav, tenSeconds48k, SampleFormat.PCM_24);
        distance = MultiResolutionStftDistance.standard();
        logMel = new LogMel(LogMel.Config.DEFAULT);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(wav);
    }

    @Benchmark
    public double mrStftDistance2s() {
        return distance.distance(a, b);
    }

    @Benchmark
    public float[][] logMel2s() {
        return logMel.compute(a);
    }

    @Benchmark
    public AudioBuffer readWav10sStereo24bit() {
        return AudioFiles.read(wav).audio();
    }

    @Benchmark
    public AudioBuffer resample10s48kTo44k() {
        return Resampler.resample(tenSeconds48k, 44_100);
    }
}
