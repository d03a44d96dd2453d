package org.unmixer.data;

import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;

/**
 * Whether a render is worth keeping in a dataset, checked in this order: every sample finite; not
 * silent (peak at or above {@code silenceFloorDb} dBFS); not clipped beyond {@code clipLimitDb}
 * dBFS (peak, float output can exceed 0 dBFS); and, when the chain has effects, audibly different
 * from the dry source: the multi-resolution STFT distance (the project's one audio distance)
 * (mean over channels, so stereo effects count) between chain output and dry source above {@code minEffectDistance}.
 */
public record RenderCheck(double silenceFloorDb, double clipLimitDb, double minEffectDistance) {
    /** Why a render was rejected; the names are the manifest's counter keys. */
    public enum Reason {
        NOT_FINITE("notFinite"), SILENT("silent"), CLIPPED("clipped"), NO_AUDIBLE_EFFECT("noAudibleEffect");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final MultiResolutionStftDistance DISTANCE = MultiResolutionStftDistance.standard();

    public static RenderCheck of(DatasetConfig config) {
        return new RenderCheck(config.silenceFloorDb(), config.clipLimitDb(), config.minEffectDistance());
    }

    /**
     * Empty when the render passes.
     *
     * @param wet the chain's output
     * @param dry the source alone, same length (only read when {@code hasEffects})
     */
    public Optional<Reason> check(AudioBuffer wet, AudioBuffer dry, boolean hasEffects) {
        if (!wet.isFinite()) {
            return Optional.of(Reason.NOT_FINITE);
        }
        double peakDb = 20 * Math.log10(wet.peak());
        if (!(peakDb >= silenceFloorDb)) {
            return Optional.of(Reason.SILENT);
        }
        if (peakDb > clipLimitDb) {
            return Optional.of(Reason.CLIPPED);
        }
        if (hasEffects && !(DISTANCE.distancePerChannel(wet, dry) > minEffectDistance)) {
            return Optional.of(Reason.NO_AUDIBLE_EFFECT);
        }
        return Optional.empty();
    }
}
