package org.unmixer.audio.prep;

import java.util.Arrays;

/**
 * When the key was released in a single note that starts at the beginning of its window: the time
 * the envelope leaves its sustain level for the final release.
 *
 * <p>The heuristic, on the {@link EnergyEnvelope} averaged over {@value #SMOOTHING_FRAMES} frames
 * (power) and then median-filtered over {@value #MEDIAN_FRAMES}: the median removes the ripple that
 * 10 ms frames show on low notes without moving the knee, which a longer average would pull
 * early by half its length.
 * <ol>
 *   <li>Only frames from the loudest one onwards and within {@value #RANGE_DB} dB of it count: the
 *       attack is over, the noise floor and a reverb's far tail are ignored.
 *   <li>The sustain level S is where the envelope dwells longest: the level with the most of those
 *       frames within ±{@value #DWELL_DB} dB, refined to their median. A held note sits there; a
 *       release passes quickly, and the median keeps the release's frames just below S from
 *       pulling the estimate down.
 *   <li>t₁ and t₂ are the last times the envelope is at or above S − {@value #NEAR_DB} dB and S −
 *       {@value #FAR_DB} dB (linear interpolation between frame centres).
 *   <li>The gate is the line through those two crossings extended back to S: t₁ − (t₂ − t₁)·1/2.
 *       This is exact for an exponential release (a straight line in dB) and about 2 % of the release
 *       time late for a release linear in amplitude. It is kept between the loudest frame and t₁,
 *       then clamped to [{@value #MIN_GATE_SECONDS} s, window length].
 * </ol>
 * A note held past the window's end gives t₁ ≈ t₂ ≈ the end: the gate is the window length.
 * On synthetic ADSR notes from MIDI 36 (65 Hz) up, releases 0.05–1 s, exponential or linear, the
 * error stays within 40 ms (the largest for slow linear releases); below about 60 Hz the frames'
 * ripple costs up to 70 ms.
 *
 * <p>Limits, inherent to looking at the level only: without a sustain plateau of about 100 ms (a
 * pluck that has decayed before the key is released, or an attack longer than the gate) S is a guess
 * and so is the gate; a release that stays flat before falling (a negative release slope) is found
 * where it becomes audible, late; strong tremolo blurs S.
 */
public final class GateEstimator {
    /** Earliest gate reported, s: shorter notes are clicks, and the training gates start at 0.5 s. */
    public static final double MIN_GATE_SECONDS = 0.05;
    static final int SMOOTHING_FRAMES = 3;
    static final int MEDIAN_FRAMES = 5;
    static final double RANGE_DB = 40;
    static final double DWELL_DB = 0.75;
    static final double NEAR_DB = 1;
    static final double FAR_DB = 3;

    private GateEstimator() {}

    /**
     * Estimated gate of the note in {@code mono}, seconds from its first sample, in [{@value
     * #MIN_GATE_SECONDS}, length].
     */
    public static double estimate(float[] mono, int sampleRate) {
        double lengthSeconds = mono.length / (double) sampleRate;
        int frameLength = EnergyEnvelope.frameLength(sampleRate);
        double[] db = EnergyEnvelope.median(
                EnergyEnvelope.smooth(EnergyEnvelope.rmsDb(mono, frameLength), SMOOTHING_FRAMES), MEDIAN_FRAMES);
        double frameSeconds = frameLength / (double) sampleRate;
        if (db.length == 0) {
            return clamp(lengthSeconds, lengthSeconds);
        }
        int loudest = 0;
        for (int k = 1; k < db.length; k++) {
            if (db[k] > db[loudest]) {
                loudest = k;
            }
        }
        double sustainDb = sustainDb(db, loudest);
        double near = lastTimeAtOrAbove(db, loudest, sustainDb - NEAR_DB, frameSeconds);
        double far = lastTimeAtOrAbove(db, loudest, sustainDb - FAR_DB, frameSeconds);
        double gate = near - (far - near) * NEAR_DB / (FAR_DB - NEAR_DB);
        gate = Math.max(gate, (loudest + 0.5) * frameSeconds);
        return clamp(gate, lengthSeconds);
    }

    /**
     * Sustain level, dB (step 2): among the frames from {@code loudest} on and within {@value
     * #RANGE_DB} dB of it, the level with the most frames within ±{@value #DWELL_DB} dB (the louder
     * on a tie), refined to the mean of those frames.
     */
    static double sustainDb(double[] db, int loudest) {
        double top = db[loudest];
        int bestCount = 0;
        double best = top;
        for (int j = loudest; j < db.length; j++) {
            if (db[j] < top - RANGE_DB) {
                continue;
            }
            int count = 0;
            for (int k = loudest; k < db.length; k++) {
                if (Math.abs(db[k] - db[j]) <= DWELL_DB) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && db[j] > best)) {
                bestCount = count;
                best = db[j];
            }
        }
        double[] near = new double[bestCount];
        int n = 0;
        for (int k = loudest; k < db.length; k++) {
            if (Math.abs(db[k] - best) <= DWELL_DB) {
                near[n++] = db[k];
            }
        }
        Arrays.sort(near);
        return n % 2 == 1 ? near[n / 2] : 0.5 * (near[n / 2 - 1] + near[n / 2]);
    }

    /**
     * Last time, s, from frame {@code from} on, the envelope is at or above {@code levelDb}: the
     * crossing interpolated between that frame's centre and the next, or the last frame's centre.
     */
    static double lastTimeAtOrAbove(double[] db, int from, double levelDb, double frameSeconds) {
        int k = db.length - 1;
        while (k > from && db[k] < levelDb) {
            k--;
        }
        double fraction = 0;
        if (k + 1 < db.length && db[k] >= levelDb) {
            fraction = (db[k] - levelDb) / (db[k] - db[k + 1]);
        }
        return (k + 0.5 + fraction) * frameSeconds;
    }

    private static double clamp(double gateSeconds, double lengthSeconds) {
        return Math.max(MIN_GATE_SECONDS, Math.min(lengthSeconds, gateSeconds));
    }
}
