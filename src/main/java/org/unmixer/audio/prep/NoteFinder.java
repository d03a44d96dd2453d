package org.unmixer.audio.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unmixer.audio.SilentInputException;

/**
 * Where the note to analyse starts in a mono signal.
 *
 * <p>A frame <em>sounds</em> when its {@link EnergyEnvelope} level is at least the file's peak
 * sample plus {@link PrepSettings#onsetThresholdDb()} and above {@link
 * PrepSettings#silenceFloorDbfs()}. A file no longer than the window has one note: it starts at the
 * first sounding frame. In a longer file (a loop, a phrase) every onset is a candidate: the first
 * sounding frame whatever its rise (the file may start mid-note or fade in), then every sounding
 * frame whose level rises {@link PrepSettings#onsetRiseDb()} above the lowest level of the previous
 * {@value #FLOOR_SECONDS} s and that comes at least that long after the previous onset (closer ones
 * belong to the same attack). The chosen note is the candidate whose window (pre-roll included)
 * holds the most energy: the loudest note, heard whole.
 *
 * <p>The onset frame is then refined to 1 ms or better ({@link #refine}) against the sounding level
 * and half the rise above the local floor (so the previous note's tail cannot trigger it), because
 * 10 ms frames alone would place it up to 10 ms off.
 *
 * <p>Limits: a note whose attack is slower than about 100 ms per 10 dB while an earlier note still
 * sounds is not seen as a new onset; notes that overlap are measured together.
 */
public final class NoteFinder {
    /** How far back the local floor of an onset is looked for, s; also the shortest gap between onsets. */
    public static final double FLOOR_SECONDS = 0.1;

    /**
     * The start of the chosen note.
     *
     * @param sample index of the onset sample
     * @param onsetCount how many onsets were candidates (1 for a file no longer than the window)
     */
    public record NoteStart(int sample, int onsetCount) {}

    private NoteFinder() {}

    /**
     * The onset of the loudest note of {@code mono}, a signal at {@code settings.sampleRate()}.
     *
     * @throws SilentInputException when no frame sounds (e.g. a lone click above the floor)
     */
    public static NoteStart find(float[] mono, PrepSettings settings) {
        int frameLength = EnergyEnvelope.frameLength(settings.sampleRate());
        double[] db = EnergyEnvelope.rmsDb(mono, frameLength);
        double soundingDb = soundingDb(mono, settings);
        int first = firstSounding(db, soundingDb);
        if (first < 0) {
            throw new SilentInputException(String.format(Locale.ROOT,
                    "input is silent: no 10 ms stretch is louder than %.1f dBFS RMS", soundingDb));
        }
        int windowFrames = settings.windowFrames();
        if (mono.length <= windowFrames) {
            return new NoteStart(refine(mono, first, frameLength, soundingDb), 1);
        }
        int floorFrames = Math.max(1, (int) Math.round(FLOOR_SECONDS / EnergyEnvelope.FRAME_SECONDS));
        List<Integer> onsets = onsetFrames(db, soundingDb, settings.onsetRiseDb(), floorFrames);
        List<Integer> samples = new ArrayList<>();
        for (int k : onsets) {
            double levelDb = Math.max(soundingDb, localFloorDb(db, k, floorFrames) + settings.onsetRiseDb() / 2);
            samples.add(refine(mono, k, frameLength, levelDb));
        }
        return new NoteStart(loudestWindow(mono, samples, settings.preRollFrames(), windowFrames), samples.size());
    }

    /** Level a frame must reach to sound, dBFS: the peak sample plus the onset threshold, at least the floor. */
    static double soundingDb(float[] mono, PrepSettings settings) {
        float peak = 0;
        for (float v : mono) {
            peak = Math.max(peak, Math.abs(v));
        }
        return Math.max(20 * Math.log10(peak) + settings.onsetThresholdDb(), settings.silenceFloorDbfs());
    }

    /** Index of the first frame at or above {@code soundingDb}, or −1. */
    static int firstSounding(double[] db, double soundingDb) {
        for (int k = 0; k < db.length; k++) {
            if (db[k] >= soundingDb) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Frames where a note starts: the first sounding frame, then every sounding frame at least {@code
     * riseDb} above the lowest of the previous {@code floorFrames} frames and at least {@code
     * floorFrames} after the previous onset.
     */
    static List<Integer> onsetFrames(double[] db, double soundingDb, double riseDb, int floorFrames) {
        List<Integer> onsets = new ArrayList<>();
        int last = 0;
        for (int k = 0; k < db.length; k++) {
            if (db[k] < soundingDb) {
                continue;
            }
            if (onsets.isEmpty() || (k - last >= floorFrames && db[k] - localFloorDb(db, k, floorFrames) >= riseDb)) {
                onsets.add(k);
                last = k;
            }
        }
        return onsets;
    }

    /** Lowest level of the up to {@code floorFrames} frames before {@code k}; silence before frame 0. */
    static double localFloorDb(double[] db, int k, int floorFrames) {
        double floor = EnergyEnvelope.SILENCE_DB;
        if (k > 0) {
            floor = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, k - floorFrames); j < k; j++) {
                floor = Math.min(floor, db[j]);
            }
        }
        return floor;
    }

    /**
     * The onset inside frames {@code k − 1} and {@code k}: the first sub-frame of a tenth of a frame
     * (1 ms) whose RMS reaches {@code levelDb}, then its first sample whose magnitude does. Sub-frames
     * first, because single samples of a noise floor exceed an RMS level often; frame k's start if
     * none reaches it.
     */
    static int refine(float[] mono, int k, int frameLength, double levelDb) {
        double level = Math.pow(10, levelDb / 20);
        int sub = Math.max(1, frameLength / 10);
        int to = Math.min(mono.length, (k + 1) * frameLength);
        for (int start = Math.max(0, (k - 1) * frameLength); start < to; start += sub) {
            int end = Math.min(to, start + sub);
            double sum = 0;
            for (int i = start; i < end; i++) {
                sum += (double) mono[i] * mono[i];
            }
            if (Math.sqrt(sum / (end - start)) >= level) {
                int i = start;
                while (i < end - 1 && Math.abs(mono[i]) < level) {
                    i++; // stops inside the sub-frame: its largest sample is at least its RMS
                }
                return i;
            }
        }
        return k * frameLength;
    }

    /**
     * The onset among {@code onsets} whose window of {@code windowFrames} samples, starting {@code
     * preRoll} samples before it, holds the most energy (the earliest on a tie).
     */
    static int loudestWindow(float[] mono, List<Integer> onsets, int preRoll, int windowFrames) {
        double[] cumulative = new double[mono.length + 1];
        for (int i = 0; i < mono.length; i++) {
            cumulative[i + 1] = cumulative[i] + (double) mono[i] * mono[i];
        }
        int best = onsets.get(0);
        double bestEnergy = -1;
        for (int onset : onsets) {
            int start = Math.max(0, onset - preRoll);
            int end = Math.min(mono.length, start + windowFrames);
            double energy = cumulative[end] - cumulative[start];
            if (energy > bestEnergy) {
                best = onset;
                bestEnergy = energy;
            }
        }
        return best;
    }
}
