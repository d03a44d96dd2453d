package org.unmixer.audio.prep;

/**
 * How {@link InputPreparation} turns a user's file into what the inverse model was trained on.
 *
 * @param sampleRate rate of the prepared audio, Hz. Default 44 100: the training renders' rate.
 * @param seconds length of the prepared window, s. Default 1.5: a render's length (gate 0.5–1.0 s
 *     plus release tail).
 * @param targetLufs integrated loudness (BS.1770) of the prepared window, LUFS. Default −20: a
 *     typical single note of the training set, whose peaks lie between −30 and −3 dBFS.
 * @param peakCeilingDbfs the normalising gain is lowered so no sample exceeds this, dBFS. Default
 *     −0.1: just under full scale, so a WAV export of the window cannot clip.
 * @param onsetThresholdDb a 10 ms frame sounds when its RMS is at most this far below the file's
 *     peak sample, dB (negative). Default −50: below that a note's tail is inaudible next to its
 *     attack.
 * @param silenceFloorDbfs frames quieter than this never sound, and a file whose peak is below it is
 *     refused, dBFS. Default −70: BS.1770's absolute gate.
 * @param onsetRiseDb a new note starts where the envelope rises this much above its minimum over
 *     the previous 100 ms, dB. Default 10: well above the ripple of a sustained note, well below a
 *     fresh attack.
 * @param preRollSeconds the window starts this long before the detected onset, s, so the first
 *     cycle of the attack is kept whole. Default 0.005.
 */
public record PrepSettings(int sampleRate, double seconds, double targetLufs, double peakCeilingDbfs,
        double onsetThresholdDb, double silenceFloorDbfs, double onsetRiseDb, double preRollSeconds) {

    /** The values documented on each component. */
    public static final PrepSettings DEFAULT = new PrepSettings(44_100, 1.5, -20, -0.1, -50, -70, 10, 0.005);

    public PrepSettings {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("window length must be a positive number of seconds, got " + seconds);
        }
        if (!(targetLufs < 0)) {
            throw new IllegalArgumentException("target loudness must be below 0 LUFS, got " + targetLufs);
        }
        if (!(peakCeilingDbfs <= 0)) {
            throw new IllegalArgumentException("peak ceiling must be at most 0 dBFS, got " + peakCeilingDbfs);
        }
        if (!(onsetThresholdDb < 0) || !(silenceFloorDbfs < 0)) {
            throw new IllegalArgumentException("onset threshold and silence floor must be negative dB, got "
                    + onsetThresholdDb + " and " + silenceFloorDbfs);
        }
        if (!(onsetRiseDb > 0)) {
            throw new IllegalArgumentException("onset rise must be positive dB, got " + onsetRiseDb);
        }
        if (!(preRollSeconds >= 0 && preRollSeconds < seconds)) {
            throw new IllegalArgumentException("pre-roll must be in [0, " + seconds + ") s, got " + preRollSeconds);
        }
    }

    /** These settings with another window length. */
    public PrepSettings withSeconds(double newSeconds) {
        return new PrepSettings(sampleRate, newSeconds, targetLufs, peakCeilingDbfs, onsetThresholdDb,
                silenceFloorDbfs, onsetRiseDb, preRollSeconds);
    }

    /** These settings with another loudness target. */
    public PrepSettings withTargetLufs(double newTargetLufs) {
        return new PrepSettings(sampleRate, seconds, newTargetLufs, peakCeilingDbfs, onsetThresholdDb,
                silenceFloorDbfs, onsetRiseDb, preRollSeconds);
    }

    /** The window length in samples at {@link #sampleRate}. */
    public int windowFrames() {
        return (int) Math.round(seconds * sampleRate);
    }

    /** The pre-roll in samples at {@link #sampleRate}. */
    public int preRollFrames() {
        return (int) Math.round(preRollSeconds * sampleRate);
    }
}
