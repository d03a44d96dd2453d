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
 * With {@code minEachEffectDistance} &gt; 0, {@link #checkEachEffect} also requires every single
 * effect to be audible in its chain: the output without it must differ by more than that. Without
 * this check about one effect in ten in the full-chain data barely changed the sound (removing it
 * moved the distance by less than 0.2 for 15 % of Saturators and 8 % of EQ Eights), so its presence
 * label could not be learnt from the audio.
 */
public record RenderCheck(double silenceFloorDb, double clipLimitDb, double minEffectDistance, double minEachEffectDistance) {
    /** Why a render was rejected; the names are the manifest's counter keys. */
    public enum Reason {
        NOT_FINITE("notFinite"), SILENT("silent"), CLIPPED("clipped"), NO_AUDIBLE_EFFECT("noAudibleEffect"),
        INAUDIBLE_EFFECT("inaudibleEffect");

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
        return new RenderCheck(config.silenceFloorDb(), config.clipLimitDb(), config.minEffectDistance(),
                config.minEachEffectDistance());
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

    /** Whether {@link #checkEachEffect} does anything. */
    public boolean checksEachEffect() {
        return minEachEffectDistance > 0;
    }

    /**
     * Empty when every effect of {@code chain} is audible: for each k, the chain without effect k,
     * run on the same {@code dry} source, differs from {@code wet} by more than
     * {@code minEachEffectDistance}. Always empty when that is 0 or the chain has fewer than one effect.
     */
    public Optional<Reason> checkEachEffect(java.util.List<org.unmixer.params.DeviceSettings> chain, AudioBuffer wet, AudioBuffer dry) {
        if (!checksEachEffect()) {
            return Optional.empty();
        }
        for (int k = 0; k < chain.size(); k++) {
            java.util.List<org.unmixer.params.DeviceSettings> without = new java.util.ArrayList<>(chain);
            without.remove(k);
            AudioBuffer other = new org.unmixer.dsp.Chain(without).render(dry);
            if (!(DISTANCE.distancePerChannel(wet, other) > minEachEffectDistance)) {
                return Optional.of(Reason.INAUDIBLE_EFFECT);
            }
        }
        return Optional.empty();
    }
}
