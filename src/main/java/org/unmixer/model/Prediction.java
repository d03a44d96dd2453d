package org.unmixer.model;

import java.util.List;

/**
 * What the network says about one input, in the {@link OutputLayout}'s order.
 *
 * @param mean per continuous target, the mixture's mean (normalised θ): the point estimate
 * @param mode per continuous target, the mixture's mode (normalised θ)
 * @param std per continuous target, the mixture's standard deviation (normalised θ): the uncertainty
 * @param weights per continuous target, the K mixture weights (for sampling)
 * @param means per continuous target, the K component means
 * @param sigmas per continuous target, the K component σ
 * @param classProbabilities per discrete target, the probability of each class
 * @param presence per effect (the layout's order), the probability that it is in the chain
 * @param chains the top-K chains, most probable first
 */
public record Prediction(
        float[] mean,
        float[] mode,
        float[] std,
        float[][] weights,
        float[][] means,
        float[][] sigmas,
        List<float[]> classProbabilities,
        float[] presence,
        List<ChainDecoder.Chain> chains) {
    public Prediction {
        classProbabilities = List.copyOf(classProbabilities);
        chains = List.copyOf(chains);
    }

    /**
     * The point estimate of continuous target {@code j}: the mean of its most heavily weighted
     * component. Not the mixture's mean, which blurs separate modes (an oscillator an octave up or
     * down becomes one a semitone up), nor its {@link #mode}, which picks the component of highest
     * peak density and so favours narrow outliers (a sustain or output gain at the top of its
     * range: on {@code id-full} the mode's rebuilds were 9.0 LU off in loudness on average, this
     * estimate's 6.7).
     */
    public double point(int j) {
        float[] w = weights[j];
        int best = 0;
        for (int k = 1; k < w.length; k++) {
            if (w[k] > w[best]) {
                best = k;
            }
        }
        return means[j][best];
    }

    /** The most probable class of discrete target {@code j}. */
    public int argmax(int j) {
        float[] p = classProbabilities.get(j);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
