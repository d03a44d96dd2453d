package org.unmixer.audio.spectral;

/**
 * Mel-frequency cepstral coefficients of log-mel frames: the orthonormal DCT-II of each frame
 * ({@code scipy.fft.dct(x, type=2, norm="ortho")}, librosa's {@code mfcc} convention), keeping
 * coefficients c1…c{@code count}.
 *
 * <p>c0 is <em>excluded</em>: it is {@code √N} times the frame's mean log energy, i.e. overall level,
 * which the loudness metric already measures; leaving it out makes MFCC distance a measure of
 * spectral shape. DCT-II orthonormal: {@code c_k = s_k Σ_n x_n cos(π k (2n + 1) / (2N))} with
 * {@code s_0 = √(1/N)}, {@code s_k = √(2/N)} for k ≥ 1.
 */
public final class Mfcc {
    /** Coefficients kept by default (c1…c20), the usual speech/music choice. */
    public static final int DEFAULT_COEFFICIENTS = 20;

    private final int bands;
    /** Basis rows for c1…c{count}, each of length {@code bands}. */
    private final double[][] basis;

    /**
     * @param bands mel bands per input frame (N)
     * @param count coefficients kept, c1…c{count}; needs {@code count < bands}
     */
    public Mfcc(int bands, int count) {
        if (bands < 2 || count < 1 || count >= bands) {
            throw new IllegalArgumentException("MFCC needs 1 ≤ count < bands, got " + count + " of " + bands);
        }
        this.bands = bands;
        this.basis = new double[count][bands];
        double scale = Math.sqrt(2.0 / bands);
        for (int k = 1; k <= count; k++) {
            for (int n = 0; n < bands; n++) {
                basis[k - 1][n] = scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * bands));
            }
        }
    }

    public int count() {
        return basis.length;
    }

    /** c1…c{count} of one log-mel frame of length {@code bands}. */
    public float[] coefficients(float[] logMelFrame) {
        if (logMelFrame.length != bands) {
            throw new IllegalArgumentException("frame has " + logMelFrame.length + " bands, expected " + bands);
        }
        float[] out = new float[basis.length];
        for (int k = 0; k < basis.length; k++) {
            double s = 0;
            for (int n = 0; n < bands; n++) {
                s += basis[k][n] * logMelFrame[n];
            }
            out[k] = (float) s;
        }
        return out;
    }

    /** Coefficients of every frame: shape {@code [frames][bands]} → {@code [frames][count]}. */
    public float[][] compute(float[][] logMel) {
        float[][] out = new float[logMel.length][];
        for (int t = 0; t < logMel.length; t++) {
            out[t] = coefficients(logMel[t]);
        }
        return out;
    }
}
