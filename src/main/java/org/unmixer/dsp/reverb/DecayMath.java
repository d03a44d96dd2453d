package org.unmixer.dsp.reverb;

/**
 * Decay arithmetic of feedback reverberators (Jot &amp; Chaigne 1991; J. O. Smith, <i>Physical
 * Audio Signal Processing</i>, "FDN reverberation"; the same formula as Vital's {@code reverb.cpp}).
 *
 * <p>A signal that passes a loop of {@code d} samples with gain {@code g} once per pass falls by
 * 60 dB after {@code T60} seconds when {@code g = 10^(−3·d/(T60·fs)) = 0.001^(d/(T60·fs))}.
 */
public final class DecayMath {
    /** The amplitude ratio of −60 dB, the level RT60 is defined by. */
    public static final double MINUS_60_DB = 0.001;

    private DecayMath() {
    }

    /**
     * Per-pass gain of a loop of {@code delaySamples} so that it decays by 60 dB in
     * {@code t60Seconds}; 1 for an infinite decay time.
     */
    public static double loopGain(double delaySamples, double t60Seconds, double sampleRate) {
        if (t60Seconds == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return Math.pow(MINUS_60_DB, delaySamples / (t60Seconds * sampleRate));
    }

    /** The decay time (s) of a loop of {@code delaySamples} with per-pass gain {@code gain} &lt; 1. */
    public static double t60Seconds(double delaySamples, double gain, double sampleRate) {
        return delaySamples / sampleRate * Math.log(MINUS_60_DB) / Math.log(gain);
    }

    /**
     * Gain (linear) that a band filter in the loop must add to the broadband loop gain so that the
     * band decays in {@code ratio · T60} instead of {@code T60}: {@code (g_band / g)} with
     * {@code g_band = loopGain(d, ratio·T60)}. Equal to 1 for ratio 1, below 1 for ratio &lt; 1.
     */
    public static double bandGain(double delaySamples, double t60Seconds, double ratio, double sampleRate) {
        // 0.001^(d/(fs·ratio·T)) / 0.001^(d/(fs·T)) = 0.001^(d/(fs·T)·(1/ratio − 1))
        return Math.pow(MINUS_60_DB, delaySamples / (t60Seconds * sampleRate) * (1 / ratio - 1));
    }
}
