package org.unmixer.dsp.effects;

import java.util.List;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.shaper.HalfbandOversampler;
import org.unmixer.dsp.shaper.SaturatorCurve;
import org.unmixer.dsp.shaper.WaveshaperShape;

/**
 * Physical values and filter coefficients of one Saturator setting, derived by
 * {@link Saturator#controls}; {@link Saturator#render(org.unmixer.audio.AudioBuffer, SaturatorControls)}
 * turns them into sound.
 *
 * @param dcFilter the Pre-DC high-pass on the wet path's input, or {@code null} when off
 * @param driveGain linear input gain (Drive)
 * @param curve the shaper curve (Type)
 * @param bassThreshold Bass Shaper threshold as linear amplitude, in (0, 1]
 * @param waveshaper the six Waveshaper knobs as fractions 0..1
 * @param colorPre Color EQ sections applied before the shaper (empty when Color is off)
 * @param colorPost their exact inverses, applied after the shaper
 * @param postClip 0 no clip, 1 soft (Analog Clip curve), 2 hard (clamp), at the Output level
 * @param outputGain linear output gain (Output)
 * @param dryWet wet share 0..1 (linear crossfade)
 * @param oversampling oversampling factor of the shaper: 1, 2 or 4
 */
public record SaturatorControls(
        Biquad dcFilter,
        double driveGain,
        SaturatorCurve curve,
        double bassThreshold,
        WaveshaperShape waveshaper,
        List<Biquad> colorPre,
        List<Biquad> colorPost,
        int postClip,
        double outputGain,
        double dryWet,
        int oversampling) {

    public static final int POST_CLIP_NONE = 0;
    public static final int POST_CLIP_SOFT = 1;
    public static final int POST_CLIP_HARD = 2;

    public SaturatorControls {
        if (!(driveGain > 0) || !Double.isFinite(driveGain)) {
            throw new IllegalArgumentException("drive gain " + driveGain);
        }
        if (!(bassThreshold > 0 && bassThreshold <= 1)) {
            throw new IllegalArgumentException("bass threshold " + bassThreshold + " outside (0, 1]");
        }
        if (!(outputGain > 0 && outputGain <= 1)) {
            throw new IllegalArgumentException("output gain " + outputGain + " outside (0, 1]");
        }
        if (!(dryWet >= 0 && dryWet <= 1)) {
            throw new IllegalArgumentException("dry/wet " + dryWet + " outside 0..1");
        }
        if (postClip < POST_CLIP_NONE || postClip > POST_CLIP_HARD) {
            throw new IllegalArgumentException("post clip mode " + postClip);
        }
        if (!HalfbandOversampler.isSupportedFactor(oversampling)) {
            throw new IllegalArgumentException("oversampling " + oversampling + " (1, 2 or 4)");
        }
        if (colorPre.size() != colorPost.size()) {
            throw new IllegalArgumentException("Color pre and post sections differ in number");
        }
        colorPre = List.copyOf(colorPre);
        colorPost = List.copyOf(colorPost);
    }

    /** The same controls with another oversampling factor (tests compare 1× with the default). */
    public SaturatorControls withOversampling(int factor) {
        return new SaturatorControls(dcFilter, driveGain, curve, bassThreshold, waveshaper, colorPre, colorPost,
                postClip, outputGain, dryWet, factor);
    }
}
