package org.unmixer.model.hyperbolic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.unmixer.model.Scalars;

/**
 * The Poincaré ball {@code D_c = {x : c‖x‖² < 1}} of curvature −c (c &gt; 0): Möbius gyrovector
 * operations, exponential and logarithmic maps and the geodesic distance, after Ganea, Bécigneul and
 * Hofmann, "Hyperbolic Neural Networks" (NeurIPS 2018), sections "Gyrovector spaces", "Connecting
 * gyrovector spaces and Riemannian geometry of the Poincaré ball" and "Hyperbolic feed-forward layers".
 *
 * <p>Every method works on the last axis and broadcasts over the leading ones: an array of shape
 * {@code [..., n]} is a batch of points (or tangent vectors) in {@code R^n}. Results are built only
 * from differentiable NDArray primitives, so DJL autograd differentiates through them.
 *
 * <p>Numerical safety in float32: norms are clamped below at 1e-15 (1e-3 in half precision) (so
 * {@code x/‖x‖} and the gradient of ‖x‖ stay finite at the origin, where the clamp makes them 0), the
 * argument of artanh is clamped to {@code ±(1 − BOUNDARY_EPS)}, and {@link #project} pulls points back
 * to radius {@code (1 − BOUNDARY_EPS)/√c}. Inside that radius the clamps change nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class PoincareBall {
    /** Curvature magnitude used when none is given; the unit ball. */
    public static final double DEFAULT_CURVATURE = 1.0;
    /**
     * Relative margin kept from the boundary: points live within radius {@code (1 − 1e-5)/√c}, where
     * the conformal factor is at most ≈ 1e5, and artanh is evaluated at most at {@code 1 − 1e-5}
     * (≈ 6.1). Float32 resolves 1 − 1e-5 from 1 with about 170 ulps to spare.
     */
    public static final double BOUNDARY_EPS = 1e-5;
    /** Suffix of a DJL parameter name whose vectors (along the last axis) are points on the ball. */
    public static final String BALL_PARAMETER_SUFFIX = "Ball";

    private final double c;
    private final double sqrtC;

    /** The unit ball, c = {@value #DEFAULT_CURVATURE}. */
    public PoincareBall() {
        this(DEFAULT_CURVATURE);
    }

    /**
     * @param c curvature magnitude, finite and &gt; 0 (the ball has radius 1/√c and curvature −c)
     */
    public PoincareBall(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("curvature c must be finite and > 0, got " + c);
        }
        this.c = c;
        this.sqrtC = Math.sqrt(c);
    }

    /** The curvature magnitude c. */
    public double curvature() {
        return c;
    }

    /** Largest norm a point may have after {@link #project}: {@code (1 − BOUNDARY_EPS)/√c}. */
    public double maxNorm() {
        return (1 - BOUNDARY_EPS) / sqrtC;
    }

    /**
     * The project's naming convention: a DJL parameter whose name ends with "Ball" ("biasRBall",
     * "tokensBall") holds points on the ball, one point per vector along its last axis; the optimizer
     * updates it with Riemannian steps instead of Euclidean ones.
     */
    public static boolean isBallParameter(String parameterName) {
        return parameterName.endsWith(BALL_PARAMETER_SUFFIX);
    }

    /**
     * Möbius addition {@code x ⊕ y = ((1 + 2c⟨x,y⟩ + c‖y‖²)·x + (1 − c‖x‖²)·y) / (1 + 2c⟨x,y⟩ +
     * c²‖x‖²‖y‖²)}. Not commutative, not associative; {@code (−x) ⊕ (x ⊕ y) = y}.
     *
     * @param x points {@code [..., n]}
     * @param y points broadcastable against x
     * @return {@code [..., n]}
     */
    public NDArray mobiusAdd(NDArray x, NDArray y) {
        NDArray xy = dot(x, y);
        NDArray x2 = dot(x, x);
        NDArray y2 = dot(y, y);
        NDArray numerator = x.mul(Scalars.mul(xy, 2 * c).add(Scalars.mul(y2, c)).add(1)).add(y.mul(Scalars.mul(x2, -c).add(1)));
        NDArray denominator = Scalars.mul(xy, 2 * c).add(Scalars.mul(x2.mul(y2), c * c)).add(1);
        return numerator.div(Scalars.maximum(denominator, minNorm(x.getDataType())));
    }

    /**
     * Möbius scalar multiplication {@code r ⊗ x = (1/√c)·tanh(r·artanh(√c‖x‖))·x/‖x‖}; 0 at x = 0.
     *
     * @param r scalars broadcastable against {@code [..., 1]}
     * @param x points {@code [..., n]}
     * @return {@code [..., n]}
     */
    public NDArray mobiusScalarMul(NDArray r, NDArray x) {
        NDArray norm = norm(x);
        return Scalars.div(x.div(norm).mul(artanh(Scalars.mul(norm, sqrtC)).mul(r).tanh()), sqrtC);
    }

    /**
     * Möbius matrix-vector multiplication {@code M ⊗ x = (1/√c)·tanh(‖Mx‖/‖x‖·artanh(√c‖x‖))·Mx/‖Mx‖}
     * (Ganea et al.'s Möbius version of x ↦ Mx); 0 where Mx = 0 (the clamped ‖Mx‖ makes
     * {@code Mx/‖Mx‖} exactly 0 there).
     *
     * @param m weight {@code [out, in]}
     * @param x points {@code [..., in]}
     * @return {@code [..., out]}
     */
    public NDArray mobiusMatVec(NDArray m, NDArray x) {
        return mobiusFromImage(x.matMul(m.transpose()), x);
    }

    /**
     * Möbius pointwise product {@code diag(d) ⊗ x}: {@link #mobiusMatVec} with the diagonal matrix,
     * so {@code Mx = d ⊙ x}.
     *
     * @param d diagonals {@code [..., n]}, same shape as x (or broadcastable)
     * @param x points {@code [..., n]}
     * @return {@code [..., n]}
     */
    public NDArray mobiusPointwise(NDArray d, NDArray x) {
        return mobiusFromImage(d.mul(x), x);
    }

    /**
     * Exponential map at the origin {@code exp_0(u) = tanh(√c‖u‖)·u/(√c‖u‖)} ({@link #expMap} at x = 0, where λ = 2).
     *
     * @param u tangent vectors at 0, {@code [..., n]}
     * @return points {@code [..., n]}
     */
    public NDArray expMap0(NDArray u) {
        NDArray scaledNorm = Scalars.mul(norm(u), sqrtC);
        return u.mul(scaledNorm.tanh().div(scaledNorm));
    }

    /**
     * Logarithmic map at the origin {@code log_0(y) = artanh(√c‖y‖)·y/(√c‖y‖)}, inverse of
     * {@link #expMap0}.
     *
     * @param y points {@code [..., n]}
     * @return tangent vectors at 0, {@code [..., n]}
     */
    public NDArray logMap0(NDArray y) {
        NDArray scaledNorm = Scalars.mul(norm(y), sqrtC);
        return y.mul(artanh(scaledNorm).div(scaledNorm));
    }

    /**
     * Exponential map {@code exp_x(u) = x ⊕ (tanh(√c·λ_x·‖u‖/2)·u/(√c‖u‖))}: the point reached
     * by following the geodesic from x with initial velocity u for unit time.
     *
     * @param x base points {@code [..., n]}
     * @param u tangent vectors at x, {@code [..., n]}
     * @return points {@code [..., n]}
     */
    public NDArray expMap(NDArray x, NDArray u) {
        NDArray uNorm = norm(u);
        NDArray second = u.mul(Scalars.mul(lambda(x).mul(uNorm), sqrtC / 2).tanh().div(Scalars.mul(uNorm, sqrtC)));
        return mobiusAdd(x, second);
    }

    /**
     * Logarithmic map {@code log_x(y) = (2/(√c·λ_x))·artanh(√c‖−x ⊕ y‖)·(−x ⊕ y)/‖−x ⊕ y‖},
     * inverse of {@link #expMap} at x.
     *
     * @param x base points {@code [..., n]}
     * @param y points {@code [..., n]}
     * @return tangent vectors at x, {@code [..., n]}
     */
    public NDArray logMap(NDArray x, NDArray y) {
        NDArray diff = mobiusAdd(x.neg(), y);
        NDArray diffNorm = norm(diff);
        NDArray scale = Scalars.mul(artanh(Scalars.mul(diffNorm, sqrtC)), 2 / sqrtC).div(lambda(x)).div(diffNorm);
        return diff.mul(scale);
    }

    /**
     * Geodesic distance {@code d(x, y) = (2/√c)·artanh(√c‖−x ⊕ y‖)}.
     *
     * @param x points {@code [..., n]}
     * @param y points {@code [..., n]}
     * @return distances {@code [...]} (the last axis removed)
     */
    public NDArray distance(NDArray x, NDArray y) {
        NDArray diffNorm = norm(mobiusAdd(x.neg(), y));
        return Scalars.mul(artanh(Scalars.mul(diffNorm, sqrtC)), 2 / sqrtC).squeeze(-1);
    }

    /**
     * Pulls points with {@code ‖x‖ > (1 − BOUNDARY_EPS)/√c} radially back to that radius,
     * {@code x·min(1, maxNorm/‖x‖)}; points inside are returned unchanged (multiplied by exactly 1).
     *
     * @param x points {@code [..., n]}
     * @return {@code [..., n]}
     */
    public NDArray project(NDArray x) {
        return x.mul(Scalars.minimum(Scalars.mul(Scalars.pow(norm(x), -1), maxNorm()), 1));
    }

    /**
     * Conformal factor {@code λ_x = 2/(1 − c‖x‖²)}: the Riemannian metric at x is {@code λ_x²} times
     * the Euclidean one.
     *
     * @param x points {@code [..., n]}
     * @return {@code [..., 1]}
     */
    public NDArray lambda(NDArray x) {
        return Scalars.mul(Scalars.pow(Scalars.maximum(Scalars.mul(dot(x, x), -c).add(1), minNorm(x.getDataType())), -1), 2);
    }

    /**
     * The Möbius version of a linear map from its Euclidean image {@code mx = Mx}:
     * {@code (1/√c)·tanh(‖mx‖/‖x‖·artanh(√c‖x‖))·mx/‖mx‖}. Lets callers form Mx once (for instance
     * {@code W·(r ⊙ h)} for {@code (W diag(r)) ⊗ h}) instead of composing two Möbius maps.
     *
     * @param mx Euclidean images {@code [..., out]}
     * @param x points {@code [..., in]} they came from
     * @return {@code [..., out]}
     */
    NDArray mobiusFromImage(NDArray mx, NDArray x) {
        NDArray xNorm = norm(x);
        NDArray mxNorm = norm(mx);
        NDArray radius = Scalars.div(mxNorm.div(xNorm).mul(artanh(Scalars.mul(xNorm, sqrtC))).tanh(), sqrtC);
        return mx.div(mxNorm).mul(radius);
    }

    /**
     * Smallest norm used as a divisor: 1e-15 for float32 and float64 (its square, 1e-30, is still a
     * normal float32), 1e-3 for half precision (whose smallest normal is ≈ 6e-5).
     */
    static double minNorm(DataType dataType) {
        return dataType == DataType.FLOAT16 || dataType == DataType.BFLOAT16 ? 1e-3 : 1e-15;
    }

    /** {@code ⟨x, y⟩} along the last axis, keeping it: {@code [..., 1]}. */
    private static NDArray dot(NDArray x, NDArray y) {
        return x.mul(y).sum(new int[] {-1}, true);
    }

    /**
     * {@code max(‖x‖, minNorm)} along the last axis, {@code [..., 1]}; taken as the square root of the
     * clamped squared norm so that its gradient is 0 (not NaN) at the origin.
     */
    private static NDArray norm(NDArray x) {
        double min = minNorm(x.getDataType());
        return Scalars.maximum(dot(x, x), min * min).sqrt();
    }

    /**
     * artanh with its argument clamped to {@code ±(1 − BOUNDARY_EPS)}, as {@code ½·log1p(2z/(1 − z))}:
     * DJL's PyTorch engine does not implement {@code atanh}, and {@code ½·log((1 + z)/(1 − z))} would
     * lose all relative precision for the small z of points near the origin.
     */
    private static NDArray artanh(NDArray z) {
        NDArray clamped = z.clip(-(1 - BOUNDARY_EPS), 1 - BOUNDARY_EPS);
        return Scalars.mul(log1p(Scalars.mul(clamped, 2).div(clamped.neg().add(1))), 0.5);
    }

    /**
     * {@code log(1 + w)} to full relative precision near 0 (DJL exposes no log1p): with {@code u = 1 + w}
     * rounded, {@code log(u)·w/(u − 1)} cancels the rounding of u (Goldberg 1991, "What every computer
     * scientist should know about floating-point arithmetic", Theorem 4), and its autograd derivative
     * is accurate for the same reason. Where u rounds to exactly 1, log1p(w) = w to working precision.
     */
    private static NDArray log1p(NDArray w) {
        NDArray u = w.add(1);
        NDArray uMinusOne = u.sub(1);
        NDArray isOne = uMinusOne.eq(0);
        // the denominator is 1 (not 0) where the other branch is taken, so no 0/0 poisons the gradient
        NDArray safeDenominator = uMinusOne.add(isOne.toType(w.getDataType(), false));
        return NDArrays.where(isOne, w, u.log().mul(w).div(safeDenominator));
    }
}
