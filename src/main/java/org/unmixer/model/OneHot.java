package org.unmixer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One-hot rows built in Java. DJL 0.32's {@code NDArray.oneHot} on the PyTorch engine gave rows
 * with garbage entries now and then (infinite gradients in the cross-entropy every few steps of
 * training; gone with this); building the matrix here is as cheap and leaves nothing to chance.
 */
final class OneHot {
    private OneHot() {
    }

    /** [n, classes] float32 with a 1 at (i, index[i]); rows of out-of-range indices stay 0. */
    static NDArray of(NDManager manager, int[] index, int classes) {
        float[] data = new float[index.length * classes];
        for (int i = 0; i < index.length; i++) {
            if (index[i] >= 0 && index[i] < classes) {
                data[i * classes + index[i]] = 1;
            }
        }
        return manager.create(data, new Shape(index.length, classes));
    }
}
