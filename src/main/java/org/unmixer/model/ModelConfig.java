package org.unmixer.model;

import java.util.List;

/**
 * The architecture and feature settings of one inverse model; stored as {@code model.json} beside
 * the weights so that a saved model is rebuilt exactly as it was trained.
 *
 * @param hyperbolic chain decoder in the Poincaré ball (true) or Euclidean (false), same size
 * @param curvature the ball's fixed curvature c &gt; 0
 * @param mels log-mel bands (input channels)
 * @param frames log-mel frames of one input (the render length the model was trained on)
 * @param stemFilters filters of the encoder's 2-D stem over (mel, time), 0 for none ({@link Encoder})
 * @param channels encoder width (the last two layers use twice this)
 * @param embedding size of z
 * @param headHidden hidden width of the MDN and classifier heads
 * @param mdnComponents Gaussians per continuous target
 * @param decoderHidden hidden size of the chain GRU (dimension of the ball)
 * @param tokenDim dimension of the device token embeddings
 * @param featureMean mean of the training log-mel values, subtracted from the input
 * @param featureStd standard deviation of the training log-mel values, divided out
 * @param sampleRate model rate, Hz
 * @param seconds length of one input, seconds (frames is the log-mel frame count of that many samples)
 * @param targetLufs loudness the estimate command brings an input to (the training renders' median)
 * @param wavetables wavetable classes, "Category/Name"
 * @param layoutSignature {@link OutputLayout#signature()} at training time
 * @param basePresets per device, the preset its training data started from (parameters the model
 *     does not estimate keep that preset's values, e.g. Multiband Dynamics → OTT)
 */
public record ModelConfig(
        boolean hyperbolic,
        double curvature,
        int mels,
        int frames,
        int stemFilters,
        int channels,
        int embedding,
        int headHidden,
        int mdnComponents,
        int decoderHidden,
        int tokenDim,
        float featureMean,
        float featureStd,
        int sampleRate,
        double seconds,
        double targetLufs,
        List<String> wavetables,
        String layoutSignature,
        java.util.Map<String, String> basePresets) {
    public ModelConfig {
        wavetables = List.copyOf(wavetables);
        basePresets = java.util.Map.copyOf(basePresets);
        if (!(curvature > 0) || mels < 1 || frames < 8 || stemFilters < 0 || channels < 1 || embedding < 1 || headHidden < 1
                || !(seconds > 0) || mdnComponents < 1 || decoderHidden < 2 || tokenDim < 2 || !(featureStd > 0)) {
            throw new IllegalArgumentException("model config out of range: " + this);
        }
    }

    /** The same config with the feature statistics and loudness measured on the training data. */
    public ModelConfig withFeatureStats(float mean, float std, double lufs) {
        return new ModelConfig(hyperbolic, curvature, mels, frames, stemFilters, channels, embedding, headHidden, mdnComponents,
                decoderHidden, tokenDim, mean, std, sampleRate, seconds, lufs, wavetables, layoutSignature, basePresets);
    }
}
