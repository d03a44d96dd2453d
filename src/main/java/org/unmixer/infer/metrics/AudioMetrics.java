package org.unmixer.infer.metrics;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.LogMel;
import org.unmixer.audio.spectral.LogMelDistance;
import org.unmixer.audio.spectral.Mfcc;
import org.unmixer.audio.spectral.MfccDistance;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.params.BadInputException;

/**
 * Audio metrics of an estimate's render against the target: MR-STFT distance
 * ({@link MultiResolutionStftDistance#standard()}), log-mel L1, MFCC L2 and loudness difference,
 * all on the mono mixes after {@link AlignedMono} (same rate required; the shorter zero-padded).
 * The log-mel based metrics need audio at the log-mel configuration's rate (44.1 kHz for the
 * standard one).
 */
public final class AudioMetrics {
    private final MultiResolutionStftDistance mrStft;
    private final LogMelDistance logMel;
    private final MfccDistance mfcc;

    public AudioMetrics(MultiResolutionStftDistance mrStft, LogMel.Config logMelConfig, int mfccCount) {
        this.mrStft = mrStft;
        this.logMel = new LogMelDistance(logMelConfig);
        this.mfcc = new MfccDistance(logMelConfig, mfccCount);
    }

    /** The standard distance, {@link LogMel.Config#DEFAULT}, MFCC c1…c20. */
    public static AudioMetrics standard() {
        return new AudioMetrics(MultiResolutionStftDistance.standard(), LogMel.Config.DEFAULT,
                Mfcc.DEFAULT_COEFFICIENTS);
    }

    /** All four metrics. */
    public AudioScores score(AudioBuffer estimate, AudioBuffer target) {
        AlignedMono a = AlignedMono.of(estimate, target);
        int rate = logMel.config().sampleRate();
        if (a.sampleRate() != rate) {
            throw new BadInputException("audio metrics expect " + rate + " Hz audio, got " + a.sampleRate()
                    + " Hz; resample first");
        }
        return new AudioScores(
                mrStft.distance(a.estimate(), a.target()),
                logMel.distance(a.estimate(), a.target()),
                mfcc.distance(a.estimate(), a.target()),
                LoudnessDifference.lu(a));
    }

    /** MR-STFT distance only (any rate, both the same). */
    public double mrStft(AudioBuffer estimate, AudioBuffer target) {
        AlignedMono a = AlignedMono.of(estimate, target);
        return mrStft.distance(a.estimate(), a.target());
    }
}
