package org.unmixer.model.proxy;

import java.util.List;
import java.util.SplittableRandom;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.data.PatchSampler;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.source.TestSignals;
import org.unmixer.params.DeviceSettings;

/**
 * Training pairs for one effect's proxy: a varied mono input (a synth note, an enveloped noise
 * burst, an exponential sweep or a drum-like transient, at a random level), random settings of the
 * effect drawn from the producer ranges of the sampling table, and the reference device's output
 * (its first channel). Deterministic per index.
 */
public final class ProxyData {
    /**
     * One pair: input and target of {@code samples} each, the conditioning vector, and the input's
     * side channels ({@link ProxySideChannels}, for the first channel the target is taken from):
     * {@link #network} stacks them as the network's input channels.
     */
    public record Example(float[] input, float[] target, float[] condition, DeviceSettings settings, List<float[]> side) {
        /** Signal then side channels, [channels × samples] flattened. */
        public float[] network() {
            float[] out = new float[input.length * (1 + side.size())];
            System.arraycopy(input, 0, out, 0, input.length);
            for (int c = 0; c < side.size(); c++) {
                System.arraycopy(side.get(c), 0, out, (c + 1) * input.length, input.length);
            }
            return out;
        }
    }

    private final PatchSampler sampler;
    private final ProxyConditioning conditioning;
    private final Effect effect;
    private final int samples;
    private final int sampleRate;
    private final long seed;

    public ProxyData(PatchSampler sampler, ProxyConditioning conditioning, int samples, int sampleRate, long seed) {
        this.sampler = sampler;
        this.conditioning = conditioning;
        this.effect = Effects.forDevice(conditioning.device().name());
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.seed = seed;
    }

    public ProxyConditioning conditioning() {
        return conditioning;
    }

    public int samples() {
        return samples;
    }

    public Example example(long index) {
        SplittableRandom rng = PatchSampler.streamFor(seed, index);
        float[] input = input(rng);
        DeviceSettings settings = sampler.drawSettings(conditioning.device(), rng);
        AudioBuffer out = effect.render(AudioBuffer.mono(input, sampleRate), settings);
        return new Example(input, out.channel(0).clone(), conditioning.encode(settings), settings,
                ProxySideChannels.of(settings, samples, sampleRate, 0));
    }

    private float[] input(SplittableRandom rng) {
        double gain = Math.pow(10, (-24 + 24 * rng.nextDouble()) / 20);
        float[] x;
        switch (rng.nextInt(4)) {
            case 0 -> {
                Patch p = sampler.draw(rng);
                x = Renderer.renderSource(p.source(), p.synth(), sampleRate, (double) samples / sampleRate).mixToMono();
                x = normalisePeak(x);
            }
            case 1 -> {
                x = TestSignals.whiteNoise(samples, sampleRate, 1, rng.nextLong()).channel(0).clone();
                double decay = 0.02 + 0.5 * rng.nextDouble();
                for (int i = 0; i < samples; i++) {
                    x[i] *= (float) Math.exp(-i / (decay * sampleRate));
                }
            }
            case 2 -> {
                double start = 20 + 200 * rng.nextDouble();
                x = TestSignals.exponentialSweep(start, 16_000, (double) samples / sampleRate, 1, samples, sampleRate)
                        .channel(0).clone();
            }
            default -> {
                // Drum-like: a pitched thump falling in pitch plus a noise click, both decaying.
                x = new float[samples];
                double f0 = 40 + 160 * rng.nextDouble();
                double phase = 0;
                SplittableRandom noise = rng.split();
                for (int i = 0; i < samples; i++) {
                    double t = (double) i / sampleRate;
                    phase += 2 * Math.PI * f0 * (1 + 2 * Math.exp(-t / 0.03)) / sampleRate;
                    x[i] = (float) (Math.sin(phase) * Math.exp(-t / 0.15) + (noise.nextDouble() * 2 - 1) * Math.exp(-t / 0.01));
                }
                x = normalisePeak(x);
            }
        }
        float[] out = new float[samples];
        for (int i = 0; i < Math.min(samples, x.length); i++) {
            out[i] = (float) (gain * x[i]);
        }
        return out;
    }

    private static float[] normalisePeak(float[] x) {
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= (float) peak;
            }
        }
        return x;
    }
}
