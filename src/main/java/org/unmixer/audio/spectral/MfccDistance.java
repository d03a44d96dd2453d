package org.unmixer.audio.spectral;

/**
 * MFCC L2: mean over frames of the Euclidean norm of the difference of the {@link Mfcc} vectors
 * (c1…c{count}, c0 excluded) of the two log-mel spectrograms, on mono signals of equal length at
 * the log-mel configuration's rate.
 */
public final class MfccDistance {
    private final LogMel logMel;
    private final Mfcc mfcc;

    public MfccDistance(LogMel.Config config, int count) {
        this.logMel = new LogMel(config);
        this.mfcc = new Mfcc(config.nMels(), count);
    }

    /** {@link LogMel.Config#DEFAULT} and {@link Mfcc#DEFAULT_COEFFICIENTS} (c1…c20). */
    public static MfccDistance standard() {
        return new MfccDistance(LogMel.Config.DEFAULT, Mfcc.DEFAULT_COEFFICIENTS);
    }

    public LogMel.Config config() {
        return logMel.config();
    }

    /** Distance between two mono signals of equal length. */
    public double distance(float[] estimate, float[] target) {
        LogMelDistance.requireSameLength(estimate, target);
        return FrameDistances.meanFrameL2(mfcc.compute(logMel.compute(estimate)), mfcc.compute(logMel.compute(target)));
    }
}
