package org.unmixer.audio.spectral;

/**
 * Single-resolution STFT distance between an estimate x and a target y (auraloss {@code STFTLoss},
 * Yamamoto et al. 2020 "Parallel WaveGAN", Arık et al. 2019):
 *
 * <pre>
 *   SC  = ‖ |Y| − |X| ‖_F / ‖ |Y| ‖_F                     (spectral convergence)
 *   LM  = mean over frames and bins of | ln(|Y| + ε) − ln(|X| + ε) |   (log-magnitude L1)
 *   total = w_sc · SC + w_log_mag · LM
 * </pre>
 *
 * When the target is silent SC is 0 if the estimate is silent too and 1 otherwise (the value SC
 * takes for a silent estimate of a sounding target), so it never divides by zero. LM is symmetric in
 * x and y; SC is not. Computed frame by frame in double precision without storing spectrograms.
 */
public final class StftDistance {
    /** Magnitude floor inside the log: −100 dB re. 1, far below a quiet sound's unnormalised bins. */
    public static final double EPSILON = 1e-5;

    /** One resolution's terms: the two distances and their weighted sum. */
    public record Terms(double spectralConvergence, double logMagnitude, double total) {}

    private final Stft stft;
    private final double scWeight;
    private final double logMagWeight;

    /**
     * @param stft the analysis (size, hop, window, centring)
     * @param scWeight w_sc, weight of spectral convergence (auraloss default 1.0)
     * @param logMagWeight w_log_mag, weight of the log-magnitude term (auraloss default 1.0)
     */
    public StftDistance(Stft stft, double scWeight, double logMagWeight) {
        if (!(scWeight >= 0) || !(logMagWeight >= 0)) {
            throw new IllegalArgumentException("weights must be ≥ 0, got " + scWeight + ", " + logMagWeight);
        }
        this.stft = stft;
        this.scWeight = scWeight;
        this.logMagWeight = logMagWeight;
    }

    public Stft stft() {
        return stft;
    }

    /** The weighted total. */
    public double distance(float[] estimate, float[] target) {
        return terms(estimate, target).total();
    }

    /** Both terms and the total. Signals must have the same length. */
    public Terms terms(float[] estimate, float[] target) {
        if (estimate.length != target.length) {
            throw new IllegalArgumentException("signals differ in length: " + estimate.length + " vs "
                    + target.length);
        }
        Stft.Work workX = stft.newWork();
        Stft.Work workY = stft.newWork();
        int bins = stft.bins();
        double[] magX = new double[bins];
        double[] magY = new double[bins];
        int frames = stft.frames(target.length);
        double diffSquares = 0;
        double targetSquares = 0;
        double logL1 = 0;
        for (int t = 0; t < frames; t++) {
            stft.frameMagnitude(estimate, t, workX, magX);
            stft.frameMagnitude(target, t, workY, magY);
            for (int k = 0; k < bins; k++) {
                double x = magX[k];
                double y = magY[k];
                double d = y - x;
                diffSquares += d * d;
                targetSquares += y * y;
                logL1 += Math.abs(Math.log((y + EPSILON) / (x + EPSILON)));
            }
        }
        double sc;
        if (targetSquares > 0) {
            sc = Math.sqrt(diffSquares / targetSquares);
        } else {
            sc = diffSquares > 0 ? 1.0 : 0.0;
        }
        double lm = logL1 / ((double) frames * bins);
        return new Terms(sc, lm, scWeight * sc + logMagWeight * lm);
    }
}
