package org.unmixer.infer.metrics;

import java.util.Arrays;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.params.BadInputException;

/**
 * Estimate and target as two mono signals of one length, ready for any audio metric.
 *
 * <p>Length policy: the shorter signal is <em>zero-padded</em> to the longer one's length (not the
 * longer one cut). An estimate that stops early, or rings on too long, is thereby penalised for the
 * missing or extra sound, which comparing over the shorter length would hide. Channels are averaged
 * ({@link AudioBuffer#mixToMono()}); rates must be equal (metrics never resample silently).
 *
 * @param estimate mono estimate, length {@code max(frames)}
 * @param target mono target, same length
 * @param sampleRate the common rate, Hz
 */
public record AlignedMono(float[] estimate, float[] target, int sampleRate) {

    /** Mixes both to mono and zero-pads the shorter; rates must match. */
    public static AlignedMono of(AudioBuffer estimate, AudioBuffer target) {
        if (estimate.sampleRate() != target.sampleRate()) {
            throw new BadInputException("cannot compare audio at different rates: estimate " + estimate.sampleRate()
                    + " Hz, target " + target.sampleRate() + " Hz; resample first");
        }
        int frames = Math.max(estimate.frames(), target.frames());
        return new AlignedMono(Arrays.copyOf(estimate.mixToMono(), frames),
                Arrays.copyOf(target.mixToMono(), frames), target.sampleRate());
    }

    public int frames() {
        return target.length;
    }

    public AudioBuffer estimateBuffer() {
        return AudioBuffer.mono(estimate, sampleRate);
    }

    public AudioBuffer targetBuffer() {
        return AudioBuffer.mono(target, sampleRate);
    }
}
