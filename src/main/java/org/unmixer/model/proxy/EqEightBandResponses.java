package org.unmixer.model.proxy;

import java.util.List;
import java.util.SplittableRandom;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.data.PatchSampler;
import org.unmixer.dsp.effects.EqEight;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;

/**
 * Pre-training pairs for the networks of an EQ Eight proxy. For the band network
 * ({@link SpectralMaskProxy}'s shared section MLP): one band's values as the proxy's conditioning vector holds them, and that band's
 * log-magnitude response at the proxy's mask points, measured from the reference device — an
 * impulse rendered through EQ Eight with every other band off and Output Gain 0 dB, its spectrum
 * read at each point by a direct DFT. EQ Eight's bands are LTI sections in series, so their
 * log-responses add up, which is how the proxy combines them. A quarter of the pairs have the band
 * off (response 0): six of the eight bands are off in a typical setting, and each adds its error.
 *
 * <p>Why: trained through audio alone, the band network learned the settings-to-response mapping
 * from a few thousand settings only (fidelity 0.631, docs/BENCHMARKS.md), while the same frame
 * processing with the exact response reached 0.053. A response is one impulse render, so hundreds of
 * thousands of settings cost minutes, not hours of audio pairs.
 */
public final class EqEightBandResponses {
    /** Impulse-response length: a 20 Hz resonant cut rings for a few thousand samples; 16 384 holds it. */
    static final int IMPULSE_SAMPLES = 16_384;
    /** Floor of the measured log-magnitude (−100 dB): the distance's own floor, below which nothing is heard. */
    static final double LOG_FLOOR = Math.log(1e-5);

    /** One band's conditioning values and its log-magnitude at the mask points. */
    public record Pair(float[] values, float[] logGain) {
    }

    private final PatchSampler sampler;
    private final ProxyConditioning conditioning;
    private final List<List<Integer>> sections;
    private final double[] frequencies;
    private final int sampleRate;
    private final long seed;
    private final EqEight eq = new EqEight();

    public EqEightBandResponses(PatchSampler sampler, ProxyConditioning conditioning, double[] frequencies, int sampleRate, long seed) {
        if (!conditioning.device().name().equals("EQ Eight")) {
            throw new IllegalArgumentException("band responses are EQ Eight's, not " + conditioning.device().name() + "'s");
        }
        this.sampler = sampler;
        this.conditioning = conditioning;
        this.sections = conditioning.sections();
        this.frequencies = frequencies.clone();
        this.sampleRate = sampleRate;
        this.seed = seed;
    }

    /** The pair of one index (deterministic). */
    public Pair pair(long index) {
        SplittableRandom rng = PatchSampler.streamFor(seed, index);
        DeviceSpec spec = conditioning.device();
        int band = rng.nextInt(EqEight.BANDS) + 1;
        DeviceSettings s = drawWithRareTypes(spec, band, rng).with("Output Gain", 0.0);
        boolean on = rng.nextInt(4) != 0;
        for (int b = 1; b <= EqEight.BANDS; b++) {
            s = s.with(b + " Filter On A", b == band && on ? "On" : "Off");
        }
        float[] condition = conditioning.encode(s);
        List<Integer> positions = sections.get(band - 1);
        float[] values = new float[positions.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = condition[positions.get(j)];
        }
        return new Pair(values, logMagnitudes(impulseResponse(s), frequencies, sampleRate));
    }

    /**
     * Settings as the producer ranges draw them for half the pairs; for the other half, drawn until
     * the band has a type chosen uniformly — the 48 dB cuts and the notch are drawn 1 time in 23
     * by the ranges, and their steep or deep responses are what a band network gets most wrong.
     */
    private DeviceSettings drawWithRareTypes(DeviceSpec spec, int band, SplittableRandom rng) {
        DeviceSettings s = sampler.drawSettings(spec, rng);
        if (rng.nextBoolean()) {
            return s;
        }
        String typeParam = band + " Filter Type A";
        java.util.List<String> types = spec.param(typeParam).items();
        String wanted = types.get(rng.nextInt(types.size()));
        for (int tries = 0; tries < 1000 && !s.item(typeParam).equals(wanted); tries++) {
            s = sampler.drawSettings(spec, rng);
        }
        return s;
    }

    /**
     * A pair for the static network: the whole conditioning vector of drawn settings, and the
     * response of the device with every band off — what is not a band (Output Gain). EQ Eight's
     * bands are in series before its Output Gain, so that part does not depend on the bands.
     */
    public Pair globalPair(long index) {
        SplittableRandom rng = PatchSampler.streamFor(seed ^ 0x5DEECE66DL, index);
        DeviceSettings s = sampler.drawSettings(conditioning.device(), rng);
        float[] condition = conditioning.encode(s);
        for (int b = 1; b <= EqEight.BANDS; b++) {
            s = s.with(b + " Filter On A", "Off");
        }
        return new Pair(condition, logMagnitudes(impulseResponse(s), frequencies, sampleRate));
    }

    private float[] impulseResponse(DeviceSettings s) {
        float[] impulse = new float[IMPULSE_SAMPLES];
        impulse[0] = 1;
        return eq.render(AudioBuffer.mono(impulse, sampleRate), s).channel(0);
    }

    /** ln |H(f)| of an impulse response at each frequency (a direct DFT), floored at {@link #LOG_FLOOR}. */
    static float[] logMagnitudes(float[] h, double[] frequencies, int sampleRate) {
        float[] out = new float[frequencies.length];
        for (int j = 0; j < frequencies.length; j++) {
            double w = 2 * Math.PI * frequencies[j] / sampleRate;
            // Rotate a unit phasor instead of calling cos/sin per sample; renormalise to stop drift.
            double c = Math.cos(w);
            double sn = Math.sin(w);
            double pr = 1;
            double pi = 0;
            double re = 0;
            double im = 0;
            for (int i = 0; i < h.length; i++) {
                re += h[i] * pr;
                im -= h[i] * pi;
                double nr = pr * c - pi * sn;
                pi = pr * sn + pi * c;
                pr = nr;
                if ((i & 1023) == 1023) {
                    double norm = Math.hypot(pr, pi);
                    pr /= norm;
                    pi /= norm;
                }
            }
            out[j] = (float) Math.max(LOG_FLOOR, 0.5 * Math.log(re * re + im * im));
        }
        return out;
    }
}
