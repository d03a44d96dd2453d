package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.audio.spectral.StftDistance;
import org.unmixer.model.Scalars;

/**
 * The project's multi-resolution STFT distance ({@link MultiResolutionStftDistance#standard()}) as a
 * differentiable NDArray function, for training through proxies and for inference-time finetuning:
 * per resolution spectral convergence ‖|Y| − |X|‖_F / ‖|Y|‖_F plus the mean log-magnitude L1
 * |ln(|Y| + ε) − ln(|X| + ε)|, averaged over the resolutions (FFT 2048 … 64, hop N/4, periodic Hann,
 * frames centred with zero padding, unnormalised magnitudes, ε = 1e-5) — the same numbers as the
 * Java {@link StftDistance}, which the tests check.
 *
 * <p>Computed in the estimate's data type (float64 for the tightest match; DJL's casts do not carry
 * gradients, so the estimate is never cast). The zero padding is done here (torch's own centring
 * pads by reflection).
 */
public final class SpectralDistance {
    private final int[] fftSizes;

    public SpectralDistance(int[] fftSizes) {
        this.fftSizes = fftSizes.clone();
    }

    public static SpectralDistance standard() {
        return new SpectralDistance(MultiResolutionStftDistance.STANDARD_FFT_SIZES);
    }

    /**
     * Per-example distance of {@code estimate} to {@code target}, both [batch, samples]: [batch].
     * Only the estimate needs to carry gradients.
     */
    public NDArray distance(NDArray estimate, NDArray target) {
        if (!estimate.getShape().equals(target.getShape()) || estimate.getShape().dimension() != 2) {
            throw new IllegalArgumentException("estimate and target must both be [batch, samples], got "
                    + estimate.getShape() + " and " + target.getShape());
        }
        DataType type = estimate.getDataType();
        NDArray x = estimate;
        NDArray y = target.getDataType() == type ? target : target.toType(type, false);
        NDArray sum = null;
        for (int n : fftSizes) {
            // [batch, bins · frames]: DJL's PyTorch reductions take one axis at a time.
            NDArray magX = magnitude(x, n).reshape(x.getShape().get(0), -1);
            NDArray magY = magnitude(y, n).reshape(y.getShape().get(0), -1);
            NDArray diff = magY.sub(magX);
            NDArray num = diff.square().sum(new int[] {1}).sqrt();
            NDArray den = magY.square().sum(new int[] {1}).sqrt();
            // A silent target: SC is 1 for a sounding estimate and 0 for a silent one, as in StftDistance.
            NDArray silent = den.eq(0).toType(type, false);
            NDArray sounding = silent.neg().add(1);
            NDArray sc = num.div(den.add(silent)).mul(sounding).add(silent.mul(num.gt(0).toType(type, false)));
            NDArray lm = magY.add(StftDistance.EPSILON).log().sub(magX.add(StftDistance.EPSILON).log()).abs().mean(new int[] {1});
            NDArray total = sc.add(lm);
            sum = sum == null ? total : sum.add(total);
        }
        return Scalars.div(sum, fftSizes.length);
    }

    /** |STFT| [batch, bins, frames] with zero-padded centring and a periodic Hann window. */
    static NDArray magnitude(NDArray x, int n) {
        NDManager m = x.getManager();
        long batch = x.getShape().get(0);
        NDArray pad = m.zeros(new Shape(batch, n / 2), x.getDataType());
        NDArray padded = ai.djl.ndarray.NDArrays.concat(new NDList(pad, x, pad), 1);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return padded.stft(n, n / 4, false, m.create(w).toType(x.getDataType(), false), false, true).abs();
    }

}
