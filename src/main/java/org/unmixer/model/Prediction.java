package org.unmixer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

    /**
     * A draw from the prediction, as a prediction whose point estimates are the drawn values: each
     * continuous target picks a component by its weight and a value from it with σ scaled by
     * {@code temperature} (clamped to [0, 1]); each discrete target a class by its probability.
     * Presence and chains are kept. Deterministic for a given {@code rng} state.
     */
    public Prediction draw(SplittableRandom rng, double temperature) {
        int n = means.length;
        float[][] w = new float[n][];
        float[][] m = new float[n][];
        for (int j = 0; j < n; j++) {
            int k = pick(weights[j], rng);
            w[j] = new float[weights[j].length];
            w[j][k] = 1;
            m[j] = means[j].clone();
            double v = means[j][k] + temperature * sigmas[j][k] * gaussian(rng);
            m[j][k] = (float) Math.max(0, Math.min(1, v));
        }
        List<float[]> classes = new ArrayList<>();
        for (float[] probs : classProbabilities) {
            float[] oneHot = new float[probs.length];
            oneHot[pick(probs, rng)] = 1;
            classes.add(oneHot);
        }
        return new Prediction(mean, mode, std, w, m, sigmas, classes, presence, chains);
    }

    private static int pick(float[] p, SplittableRandom rng) {
        double total = 0;
        for (float x : p) {
            total += x;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
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
