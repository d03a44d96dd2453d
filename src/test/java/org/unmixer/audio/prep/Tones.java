package org.unmixer.audio.prep;

/** Synthetic notes for the preparation tests: band-limited saws shaped by an ADSR envelope. */
final class Tones {
    static final int RATE = 44_100;

    private Tones() {}

    /**
     * A sawtooth of {@code frames} samples: harmonics up to 8 kHz at amplitude 1/k, scaled so its peak
     * is about {@code peak}. Phase 0 at sample 0.
     */
    static float[] saw(double hz, double peak, int frames, int rate) {
        double[] acc = new double[frames];
        int harmonics = Math.max(1, (int) (Math.min(8_000, 0.45 * rate) / hz));
        for (int k = 1; k <= harmonics; k++) {
            double w = 2 * Math.PI * k * hz / rate;
            for (int i = 0; i < frames; i++) {
                acc[i] += Math.sin(w * i) / k;
            }
        }
        double max = 0;
        for (double v : acc) {
            max = Math.max(max, Math.abs(v));
        }
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (peak * acc[i] / max);
        }
        return x;
    }

    /**
     * An ADSR note of {@code frames} samples: 5 ms linear attack, 100 ms decay to {@code sustain},
     * held to {@code gateSeconds}, then a release of {@code releaseSeconds} to silence, linear in
     * amplitude ({@code exponential} false) or falling 60 dB along a straight line in dB.
     */
    static float[] adsrSaw(double hz, double peak, double sustain, double gateSeconds, double releaseSeconds,
            boolean exponential, int frames, int rate) {
        float[] x = saw(hz, peak, frames, rate);
        for (int i = 0; i < frames; i++) {
            x[i] *= (float) adsr(i / (double) rate, sustain, gateSeconds, releaseSeconds, exponential);
        }
        return x;
    }

    static double adsr(double t, double sustain, double gate, double release, boolean exponential) {
        double attack = 0.005;
        double decay = 0.1;
        double held;
        if (t < attack) {
            held = t / attack;
        } else if (t < attack + decay) {
            held = 1 + (sustain - 1) * (t - attack) / decay;
        } else {
            held = sustain;
        }
        if (t < gate) {
            return held;
        }
        double u = (t - gate) / release;
        double atGate = adsr(gate - 1e-12, sustain, gate, release, exponential);
        if (u >= 1) {
            return 0;
        }
        return exponential ? atGate * Math.pow(10, -3 * u) : atGate * (1 - u);
    }

    /** {@code note × gain} added into {@code into} from sample {@code at} on (cut at its end). */
    static void mixInto(float[] into, float[] note, int at, double gain) {
        for (int i = 0; i < note.length && at + i < into.length; i++) {
            into[at + i] += (float) (note[i] * gain);
        }
    }

    static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }
}
