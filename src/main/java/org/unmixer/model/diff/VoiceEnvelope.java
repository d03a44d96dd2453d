package org.unmixer.model.diff;

import org.unmixer.dsp.source.AmpEnvelope;
import org.unmixer.dsp.source.WavetableVoice;

/**
 * The voice's amp envelope in plain Java, as {@link DiffWavetableVoice} computes it, with its
 * derivatives: {@link AmpEnvelope#level}'s closed form at every control block's start (attack,
 * decay, sustain, release from the level held at the gate, silence), ramped linearly to the next
 * block's. Which segment a block is in is decided from the current values, a branch that is not
 * differentiated; within a segment the level's partial derivatives in attack, decay and release
 * (seconds) and sustain (linear) are exact.
 */
final class VoiceEnvelope {
    private final int frames;
    private final int blocks;
    private final double[] times;
    /** i/block for the samples of a block: the weight of the next block's level. */
    private final double[] ramp;
    private final double gate;
    private final double cA;
    private final double cD;
    private final double cR;

    VoiceEnvelope(AmpEnvelope slopes, double gateSeconds, int sampleRate, int frames) {
        int block = WavetableVoice.CONTROL_BLOCK;
        this.frames = frames;
        this.blocks = (frames + block - 1) / block;
        this.times = new double[blocks + 1];
        for (int b = 0; b <= blocks; b++) {
            times[b] = (double) b * block / sampleRate;
        }
        this.ramp = new double[block];
        for (int i = 0; i < block; i++) {
            ramp[i] = (double) i / block;
        }
        this.gate = gateSeconds;
        this.cA = AmpEnvelope.SLOPE_CURVATURE * slopes.attackSlope();
        this.cD = AmpEnvelope.SLOPE_CURVATURE * slopes.decaySlope();
        this.cR = AmpEnvelope.SLOPE_CURVATURE * slopes.releaseSlope();
    }

    /**
     * The level at each block start (blocks + 1 of them) and its partial derivatives.
     *
     * @param perParam [attack, decay, sustain, release][block]
     */
    record Levels(double[] value, double[][] perParam) {
    }

    Levels levels(double attack, double decay, double sustain, double release) {
        double[] value = new double[blocks + 1];
        double[][] per = new double[4][blocks + 1];
        // The level held at the gate, where the release starts, and its partials (a, d, s).
        double held;
        double[] heldPer = new double[3];
        if (gate < 0) {
            held = 0;
        } else if (gate < attack) {
            held = shape(gate / attack, cA);
            heldPer[0] = slope(gate / attack, cA) * -gate / (attack * attack);
        } else if (gate - attack < decay) {
            double u = (gate - attack) / decay;
            held = (sustain - 1) * shape(u, cD) + 1;
            heldPer[0] = (sustain - 1) * slope(u, cD) * (-1 / decay);
            heldPer[1] = (sustain - 1) * slope(u, cD) * (-u / decay);
            heldPer[2] = shape(u, cD);
        } else {
            held = sustain;
            heldPer[2] = 1;
        }
        for (int b = 0; b <= blocks; b++) {
            double t = times[b];
            if (t < gate) {
                if (t < attack) {
                    value[b] = shape(t / attack, cA);
                    per[0][b] = slope(t / attack, cA) * -t / (attack * attack);
                } else if (t - attack < decay) {
                    double u = (t - attack) / decay;
                    value[b] = (sustain - 1) * shape(u, cD) + 1;
                    per[0][b] = (sustain - 1) * slope(u, cD) * (-1 / decay);
                    per[1][b] = (sustain - 1) * slope(u, cD) * (-u / decay);
                    per[2][b] = shape(u, cD);
                } else {
                    value[b] = sustain;
                    per[2][b] = 1;
                }
            } else if ((t - gate) / release < 1) {
                double u = (t - gate) / release;
                double left = 1 - shape(u, cR);
                value[b] = held * left;
                for (int p = 0; p < 3; p++) {
                    per[p][b] = heldPer[p] * left;
                }
                per[3][b] = held * slope(u, cR) * u / release;
            }
        }
        return new Levels(value, per);
    }

    /** The envelope at every sample: each block's level ramped linearly to the next's. */
    double[] perSample(double[] levels) {
        double[] e = new double[frames];
        for (int b = 0, start = 0; start < frames; b++, start += ramp.length) {
            int end = Math.min(frames, start + ramp.length);
            double level = levels[b];
            double step = levels[b + 1] - level;
            for (int n = start; n < end; n++) {
                e[n] = level + step * ramp[n - start];
            }
        }
        return e;
    }

    /** The adjoint of {@link #perSample}: ∂L/∂level from ∂L/∂e. */
    double[] levelGradient(double[] perSample) {
        double[] g = new double[blocks + 1];
        for (int b = 0, start = 0; start < frames; b++, start += ramp.length) {
            int end = Math.min(frames, start + ramp.length);
            double toThis = 0;
            double toNext = 0;
            for (int n = start; n < end; n++) {
                double r = ramp[n - start];
                toThis += perSample[n] * (1 - r);
                toNext += perSample[n] * r;
            }
            g[b] += toThis;
            g[b + 1] += toNext;
        }
        return g;
    }

    /** AmpEnvelope.shape: (1 − e^(−c·u))/(1 − e^(−c)), or u. */
    private static double shape(double u, double c) {
        if (Math.abs(c) < 1e-9) {
            return u;
        }
        return Math.expm1(-c * u) / Math.expm1(-c);
    }

    /** d shape/du. */
    private static double slope(double u, double c) {
        if (Math.abs(c) < 1e-9) {
            return 1;
        }
        return -c * Math.exp(-c * u) / Math.expm1(-c);
    }
}
