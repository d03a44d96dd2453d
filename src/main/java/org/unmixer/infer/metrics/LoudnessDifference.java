package org.unmixer.infer.metrics;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;

/**
 * {@code |LUFS(estimate) − LUFS(target)|} in LU, integrated loudness per BS.1770-4
 * ({@link Loudness#integratedLufs}) of the mono mixes after {@link AlignedMono} padding.
 *
 * <p>Silence: BS.1770 gives −∞ LUFS when every block is below the absolute gate; loudness is floored
 * at {@link #FLOOR_LUFS} (−70 LUFS, the absolute gate itself) first, so silence vs silence is 0 LU
 * and silence vs a −20 LUFS sound is 50 LU instead of ∞.
 */
public final class LoudnessDifference {
    /** Loudness given to audio quieter than the absolute gate (including silence), LUFS. */
    public static final double FLOOR_LUFS = Loudness.ABSOLUTE_GATE_LUFS;

    private LoudnessDifference() {}

    /** The difference in LU of two aligned signals. */
    public static double lu(AlignedMono aligned) {
        return Math.abs(flooredLufs(aligned.estimateBuffer()) - flooredLufs(aligned.targetBuffer()));
    }

    /** The difference in LU of two buffers (aligned first). */
    public static double lu(AudioBuffer estimate, AudioBuffer target) {
        return lu(AlignedMono.of(estimate, target));
    }

    /** Integrated loudness, never below {@link #FLOOR_LUFS}. */
    public static double flooredLufs(AudioBuffer audio) {
        return Math.max(FLOOR_LUFS, Loudness.integratedLufs(audio));
    }
}
