package org.unmixer.dsp.effects;

import java.util.List;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.dsp.filter.BiquadCascade;
import org.unmixer.dsp.shaper.HalfbandOversampler;
import org.unmixer.dsp.shaper.SaturatorCurve;
import org.unmixer.dsp.shaper.SaturatorCurves;
import org.unmixer.dsp.shaper.WaveshaperShape;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Saturator (manual §26.34; dsp-reference.md §2). Signal flow per §2.3 [INF from DOC]:
 *
 * <pre>
 * in ─┬─ Pre-DC high-pass? ─ ×Drive ─ Color EQ ─ ↑N ─ curve ─ ↓N ─ Color EQ⁻¹ ─ Post Clip ─ ×Output ─┐
 *     └──────────────────────────────── dry ─────────────────────────────────────────────── Dry/Wet ─ out
 * </pre>
 *
 * The curve runs at {@value #DEFAULT_OVERSAMPLING}× the rate (1×, 2× or 4× selectable) through
 * zero-phase half-band filters ({@link HalfbandOversampler}), so the wet path has no latency and
 * Dry/Wet mixes stay phase aligned. The band-limited result of a hard curve overshoots the curve's
 * ±1 by Gibbs' ≈ 9 % (as any oversampled clipper does); Post Clip bounds it exactly, and Digital
 * Clip is clamped again after down-sampling so it keeps its 0 dBFS bound ({@link #wetClip}). The
 * Color EQ is a low shelf (Amt Low) and a bell (Amt Hi, Freq, Width); its exact
 * inverse after the curve leaves a linear signal untouched, so only the amount of saturation
 * depends on frequency (manual). Post Clip bounds the output by the Output level: Soft applies the
 * Analog Clip curve, Hard a clamp, both before ×Output.
 */
public final class Saturator implements Effect {
    /**
     * Oversampling of the curve (Live's Hi-Quality factor is UNV). 2× lowers aliasing of a hard
     * clipped 5 kHz sine by ~14 dB against 1× (SaturatorTest); its two 7-pair half-band FIRs are
     * most of the device's cost (≈ 2 ns each per channel-sample, scalar: C2 in JDK 17 does not
     * vectorise a stencil). Use {@link #controls(DeviceSettings, double, int)} to choose.
     */
    public static final int DEFAULT_OVERSAMPLING = 2;

    /** Corner of the Pre-DC high-pass [INF; Live's corner is UNV]. */
    public static final double DC_FILTER_HZ = 5.0;

    /** Corner of the Color Amt Low shelf [INF; UNV]. */
    public static final double COLOR_LOW_SHELF_HZ = 200.0;

    /** Color Width 0..1 maps linearly to this many octaves of bell bandwidth, plus {@link #COLOR_MIN_OCTAVES}. */
    public static final double COLOR_OCTAVES_PER_WIDTH = 3.9;

    /** Narrowest Color bell, at Width 0 %. */
    public static final double COLOR_MIN_OCTAVES = 0.1;

    @Override
    public String deviceName() {
        return "Saturator";
    }

    @Override
    public AudioBuffer render(AudioBuffer input, DeviceSettings settings) {
        return render(input, controls(settings, input.sampleRate()));
    }

    /** Controls from a Saturator setting (display units, as the catalog defines them), at 2×. */
    public static SaturatorControls controls(DeviceSettings s, double sampleRate) {
        return controls(s, sampleRate, DEFAULT_OVERSAMPLING);
    }

    /**
     * Controls from a Saturator setting with an explicit oversampling factor (1, 2 or 4): 1 for
     * the fastest renders, 4 for the least aliasing.
     */
    public static SaturatorControls controls(DeviceSettings s, double sampleRate, int oversampling) {
        Biquad dc = s.isOn("Pre Dc Filter") ? Biquads.onePoleHighPass(DC_FILTER_HZ, sampleRate) : null;
        List<Biquad> pre = List.of();
        List<Biquad> post = List.of();
        if (s.isOn("Color On")) {
            Biquad low = Biquads.lowShelf(s.get("Color Amt Low"), COLOR_LOW_SHELF_HZ, Biquads.BUTTERWORTH_Q, sampleRate);
            double octaves = COLOR_MIN_OCTAVES + COLOR_OCTAVES_PER_WIDTH * s.get("Color Width") / 100;
            Biquad bell = Biquads.peak(s.get("Color Amt Hi"), s.get("Color Freq"), qForOctaves(octaves), sampleRate);
            pre = List.of(low, bell);
            post = List.of(BiquadCascade.inverse(bell), BiquadCascade.inverse(low));
        }
        WaveshaperShape ws = new WaveshaperShape(s.get("WS Drive") / 100, s.get("WS Linearity") / 100,
                s.get("WS Curve") / 100, s.get("WS Damp") / 100, s.get("WS Period") / 100, s.get("WS Depth") / 100);
        return new SaturatorControls(dc, dbToGain(s.get("Drive")), SaturatorCurve.ofIndex(s.index("Type")),
                dbToGain(s.get("Threshold")), ws, pre, post, s.index("Post Clip Mode"), dbToGain(s.get("Output")),
                s.get("Dry/Wet") / 100, oversampling);
    }

    /** Renders {@code input} with the given controls into a new buffer; {@code input} is untouched. */
    public static AudioBuffer render(AudioBuffer input, SaturatorControls c) {
        int n = input.frames();
        int channels = input.channelCount();
        float[][] out = new float[channels][];
        if (c.dryWet() == 0) {
            for (int ch = 0; ch < channels; ch++) {
                out[ch] = input.channel(ch).clone();
            }
            return new AudioBuffer(out, input.sampleRate());
        }
        SaturatorCurve curve = c.curve();
        double threshold = c.bassThreshold();
        WaveshaperShape ws = c.waveshaper();
        HalfbandOversampler.ArrayShaper shaper =
                (buf, from, to) -> SaturatorCurves.shapeInPlace(buf, from, to, curve, threshold, ws);
        double drive = c.driveGain();
        if (c.dcFilter() == null && c.colorPre().isEmpty() && c.oversampling() == 2) {
            // no linear stage around the curve: ×Drive and the mix ride on the oversampler's blocks;
            // the channels are independent, so they run in parallel
            java.util.stream.IntStream.range(0, channels).parallel().forEach(ch -> {
                float[] dry = input.channel(ch);
                float[] o = new float[n];
                HalfbandOversampler.shape2((from, dst, at, count) -> {
                    for (int i = 0; i < count; i++) {
                        dst[at + i] = drive * dry[from + i];
                    }
                }, n, shaper, (from, wet, count) -> mix(dry, wet, o, from, count, c));
                out[ch] = o;
            });
            return new AudioBuffer(out, input.sampleRate());
        }
        // Linear stages run on all channels together (BiquadCascade overlaps two channels).
        double[][] x = new double[channels][n];
        for (int ch = 0; ch < channels; ch++) {
            float[] dry = input.channel(ch);
            double[] xc = x[ch];
            for (int i = 0; i < n; i++) {
                xc[i] = drive * dry[i];
            }
        }
        if (c.dcFilter() != null) { // linear: commutes with ×Drive
            BiquadCascade.filterInPlace(x, n, List.of(c.dcFilter()));
        }
        BiquadCascade.filterInPlace(x, n, c.colorPre());
        java.util.stream.IntStream.range(0, channels).parallel().forEach(ch -> HalfbandOversampler.shapeInPlace(x[ch], n, c.oversampling(), shaper));
        BiquadCascade.filterInPlace(x, n, c.colorPost());
        for (int ch = 0; ch < channels; ch++) {
            float[] o = new float[n];
            mix(input.channel(ch), x[ch], o, 0, n, c);
            out[ch] = o;
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /**
     * Post Clip, ×Output and the linear Dry/Wet crossfade, fused into one pass over
     * o[from, from + count), with wet[i] the wet sample at frame from + i.
     */
    private static void mix(float[] dry, double[] wet, float[] o, int from, int count, SaturatorControls c) {
        double w = c.dryWet() * c.outputGain();
        double d = 1 - c.dryWet();
        switch (wetClip(c)) {
            case SaturatorControls.POST_CLIP_SOFT -> {
                for (int i = 0; i < count; i++) {
                    o[from + i] = (float) (d * dry[from + i] + w * SaturatorCurves.analogClip(wet[i]));
                }
            }
            case SaturatorControls.POST_CLIP_HARD -> {
                for (int i = 0; i < count; i++) {
                    o[from + i] = (float) (d * dry[from + i] + w * SaturatorCurves.digitalClip(wet[i]));
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    o[from + i] = (float) (d * dry[from + i] + w * wet[i]);
                }
            }
        }
    }

    /**
     * The clip applied to the wet signal after down-sampling: the chosen Post Clip, except that
     * Digital Clip without Post Clip is clamped again. Digital Clip is an immediate hard clip at
     * 0 dBFS (manual), but the band-limited result of the oversampled clamp overshoots ±1 by
     * Gibbs' ≈ 9 %; the second clamp restores the documented bound at the cost of a little
     * aliasing, which stays well below 1× rendering (SaturatorTest).
     */
    static int wetClip(SaturatorControls c) {
        if (c.postClip() == SaturatorControls.POST_CLIP_NONE && c.curve() == SaturatorCurve.DIGITAL_CLIP
                && c.oversampling() > 1) {
            return SaturatorControls.POST_CLIP_HARD;
        }
        return c.postClip();
    }

    /** RBJ bandwidth-to-Q for a bell: Q = 1 / (2·sinh(ln 2 / 2 · octaves)). */
    public static double qForOctaves(double octaves) {
        return 1 / (2 * Math.sinh(Math.log(2) / 2 * octaves));
    }

    /** 10^(dB/20). */
    public static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }
}
