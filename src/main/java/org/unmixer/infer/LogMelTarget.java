package org.unmixer.infer;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.FrameDistances;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.params.BadInputException;

/**
 * {@link LevelMatchedEstimator#logMelDistance} of many renders to one target, with the target's
 * mono mix and log-mel computed once (per padded length) instead of once per render: an estimate
 * compares a dozen renders with the same input. Same numbers as the static method; safe to share
 * between threads.
 */
public final class LogMelTarget {
    private final float[] targetMono;
    private final int sampleRate;
    private final LogMel logMel;
    private final Map<Integer, float[][]> targetByLength = new ConcurrentHashMap<>();

    public LogMelTarget(AudioBuffer target) {
        this.targetMono = target.mixToMono();
        this.sampleRate = target.sampleRate();
        this.logMel = new LogMel(LevelMatchedEstimator.logMelConfig(sampleRate));
    }

    /** Log-mel L1 between the estimate's and the target's mono mixes, the shorter zero-padded. */
    public double distance(AudioBuffer estimate) {
        if (estimate.sampleRate() != sampleRate) {
            throw new BadInputException("cannot compare audio at different rates: estimate " + estimate.sampleRate()
                    + " Hz, target " + sampleRate + " Hz; resample first");
        }
        int frames = Math.max(estimate.frames(), targetMono.length);
        float[][] target = targetByLength.computeIfAbsent(frames, n -> logMel.compute(Arrays.copyOf(targetMono, n)));
        return FrameDistances.meanAbsolute(logMel.compute(Arrays.copyOf(estimate.mixToMono(), frames)), target);
    }
}
