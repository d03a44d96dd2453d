package org.unmixer.model.hyperbolic;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * One step of the recurrent cell the chain decoder runs once per effect slot: {@code (x, h) ↦ h'}.
 * The decoder is written against this class so the hyperbolic cell and its Euclidean twin (equal
 * parameter count) can be swapped for the benchmark.
 *
 * <p>Input {@code NDList{x [B, inputSize], h [B, hiddenSize]}}; output {@code NDList{h' [B,
 * hiddenSize]}}. For a {@link #hyperbolic()} cell x and h are points on its Poincaré ball and so is h'.
 * The parameters' shapes are fixed at construction, so {@code initialize} needs no shape inference.
 */
public abstract class ChainCell extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputSize;
    private final int hiddenSize;

    /**
     * @param inputSize length of x, ≥ 1
     * @param hiddenSize length of h, ≥ 1
     */
    protected ChainCell(int inputSize, int hiddenSize) {
        super(VERSION);
        if (inputSize < 1) {
            throw new IllegalArgumentException("inputSize must be ≥ 1, got " + inputSize);
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize must be ≥ 1, got " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    /** Length of the input vector x. */
    public final int inputSize() {
        return inputSize;
    }

    /** Length of the state vector h. */
    public final int hiddenSize() {
        return hiddenSize;
    }

    /** True when x, h and h' are points on a Poincaré ball rather than vectors of R^n. */
    public abstract boolean hyperbolic();

    /**
     * One step: {@code h' = cell(x, h)}.
     *
     * @param inputs {@code NDList{x [B, inputSize], h [B, hiddenSize]}}
     * @return {@code NDList{h' [B, hiddenSize]}}
     */
    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        checkInputShapes(inputs.getShapes());
        return new NDList(step(parameterStore, inputs, training));
    }

    /** The cell's maths, on inputs whose shapes have been checked. */
    protected abstract NDArray step(ParameterStore parameterStore, NDList inputs, boolean training);

    /** {@code [B, hiddenSize]} from {@code {[B, inputSize], [B, hiddenSize]}}. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputShapes(inputShapes);
        return new Shape[] {inputShapes[1]};
    }

    @Override
    protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("Unsupported encoding version: " + loadVersion);
        }
        readInputShapes(is);
    }

    /** A {@code [rows, columns]} Euclidean weight with Xavier (Glorot uniform) initialisation. */
    protected final Parameter addWeight(String name, int rows, int columns) {
        return addParameter(Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, columns))
                .optInitializer(new XavierInitializer())
                .build());
    }

    private void checkInputShapes(Shape[] shapes) {
        if (shapes.length != 2) {
            throw new IllegalArgumentException("a chain cell takes {x, h}, got " + shapes.length + " inputs");
        }
        Shape x = shapes[0];
        Shape h = shapes[1];
        if (x.dimension() != 2 || x.get(1) != inputSize) {
            throw new IllegalArgumentException("x must be [B, " + inputSize + "], got " + x);
        }
        if (h.dimension() != 2 || h.get(1) != hiddenSize || h.get(0) != x.get(0)) {
            throw new IllegalArgumentException("h must be [" + x.get(0) + ", " + hiddenSize + "], got " + h);
        }
    }
}
