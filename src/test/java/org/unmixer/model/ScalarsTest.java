package org.unmixer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    /** Makes the JVM collect garbage, as a long computation between forward and backward would. */
    private static void collectGarbage() {
        long sink = 0;
        for (int i = 0; i < 64; i++) {
            byte[] junk = new byte[4_000_000];
            junk[i] = 1;
            sink += junk[i];
        }
        assertThat(sink).isEqualTo(64);
        System.gc();
    }

    private static double gradientUnderGc(DataType type, BiFunction<NDArray, Double, NDArray> op, double x, double c) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray leaf = m.create(new double[] {x}).toType(type, true);
            leaf.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(leaf, c).sum();
                collectGarbage();
                gc.backward(y);
                return leaf.getGradient().toType(DataType.FLOAT64, false).getDouble(0);
            }
        }
    }

    @Test
    void gradientsThroughConstantsSurviveAGarbageCollectionBeforeTheBackwardPass() {
        // The bug this guards against gave 0, ±∞, NaN or 1e12 here about every other run.
        for (int run = 0; run < 3; run++) {
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                double tol = type == DataType.FLOAT32 ? 1e-5 : 1e-12;
                assertThat(gradientUnderGc(type, Scalars::mul, 0.3, 2.5)).isCloseTo(2.5, within(tol));
                assertThat(gradientUnderGc(type, Scalars::div, 0.3, 4.0)).isCloseTo(0.25, within(tol));
                assertThat(gradientUnderGc(type, Scalars::pow, 0.5, 3.0)).isCloseTo(3 * 0.25, within(tol));
                assertThat(gradientUnderGc(type, Scalars::maximum, 0.7, 0.5)).isCloseTo(1.0, within(tol));
                assertThat(gradientUnderGc(type, Scalars::maximum, 0.3, 0.5)).isCloseTo(0.0, within(tol));
                assertThat(gradientUnderGc(type, Scalars::minimum, 0.3, 0.5)).isCloseTo(1.0, within(tol));
            }
        }
    }

    @Test
    void theConstantTakesTheArraysType() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x32 = m.create(new float[] {1, 2});
            NDArray x64 = m.create(new double[] {1, 2});
            assertThat(Scalars.mul(x32, 0.1).getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(Scalars.mul(x64, 0.1).getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(Scalars.mul(x64, 0.1).toDoubleArray()).containsExactly(0.1, 0.2);
        }
    }
}
