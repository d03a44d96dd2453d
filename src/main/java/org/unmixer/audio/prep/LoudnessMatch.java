package org.unmixer.audio.prep;

import java.util.Locale;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.audio.SilentInputException;

/**
 * One gain that brings audio to a target integrated loudness (BS.1770-4, {@link Loudness}), lowered
 * when the result would peak above a ceiling. Lowering the gain rather than limiting keeps the
 * waveform, which is what the inverse model reads; the loudness then falls short of the target and
 * the result says so.
 */
public final class LoudnessMatch {

    /**
     * @param audio the scaled audio
     * @param gainDb the gain applied, dB
     * @param peakLimited true when the gain was lowered to keep the peak at the ceiling
     */
    public record Matched(AudioBuffer audio, double gainDb, boolean peakLimited) {}

    private LoudnessMatch() {}

    /**
     * {@code audio} scaled to {@code targetLufs}, or to a peak of {@code ceilingDbfs} if that is lower.
     *
     * @throws SilentInputException when the audio has no loudness (every block below −70 LUFS)
     */
    public static Matched match(AudioBuffer audio, double targetLufs, double ceilingDbfs) {
        double lufs = Loudness.integratedLufs(audio);
        if (Double.isInfinite(lufs)) {
            throw new SilentInputException(String.format(Locale.ROOT,
                    "input is too quiet: its loudness is below the %.0f LUFS gate", Loudness.ABSOLUTE_GATE_LUFS));
        }
        double gainDb = targetLufs - lufs;
        double peakDb = Loudness.peakDb(audio);
        boolean limited = peakDb + gainDb > ceilingDbfs;
        if (limited) {
            gainDb = ceilingDbfs - peakDb;
        }
        return new Matched(audio.withGainDb(gainDb), gainDb, limited);
    }
}
