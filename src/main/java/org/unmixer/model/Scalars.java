package org.unmixer.model;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic of an NDArray with a constant that is safe under autograd.
 *
 * <p>DJL's {@code x.mul(2)} (likewise div, pow, maximum, minimum with a Number) wraps the constant
 * in a temporary tensor whose memory is a Java direct buffer (PyTorch's from_blob, not copied), does
 * the operation and closes the temporary. PyTorch's autograd keeps that tensor for the backward pass
 * (the gradient of x·c needs c), but the buffer is now unreachable: a garbage collection between the
 * forward and the backward pass frees it, and the backward reads whatever the memory then holds.
 * The gradients came out as 0, ±∞, NaN or 10¹² at random (found through the differentiable synth
 * voice, whose gradient was right in one run and garbage in the next). Here the constant is copied
 * into PyTorch-owned memory first, in x's data type, so nothing the graph holds can be freed under it.
 *
 * <p>Use these in every expression that a backward pass goes through; plain Number arithmetic is
 * fine where no gradient is taken.
 */
public final class Scalars {
    private Scalars() {
    }

    /** The constant c as a 0-d array owned by PyTorch, in {@code like}'s type and manager. */
    public static NDArray constant(NDArray like, double c) {
        NDArray borrowed = like.getManager().create(c);
        NDArray typed = borrowed.toType(like.getDataType(), false);
        // A clone: toType of an array already of the type returns the same storage, blob and all.
        NDArray owned = typed.duplicate();
        if (typed != borrowed) {
            typed.close();
        }
        borrowed.close();
        return owned;
    }

    public static NDArray mul(NDArray x, double c) {
        return x.mul(constant(x, c));
    }

    public static NDArray div(NDArray x, double c) {
        return x.div(constant(x, c));
    }

    public static NDArray pow(NDArray x, double c) {
        return x.pow(constant(x, c));
    }

    public static NDArray maximum(NDArray x, double c) {
        return x.maximum(constant(x, c));
    }

    public static NDArray minimum(NDArray x, double c) {
        return x.minimum(constant(x, c));
    }
}
