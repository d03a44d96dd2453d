package org.unmixer.model.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProxyTcnTest {
    private static final ProxyTcn.Config TINY = new ProxyTcn.Config(1, 1, 8, 3, List.of(1, 2, 4), 16);

    @Test
    void theReceptiveFieldCountsEveryDilation() {
        assertThat(TINY.receptiveField()).isEqualTo(1 + 2 * (1 + 2 + 4));
    }

    /** y = tanh(g·x)/g-ish soft clipping with the drive g = 1 + 5p set by the condition p. */
    private static float[] clip(float[] x, double p) {
        double g = 1 + 5 * p;
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.tanh(g * x[i]);
        }
        return y;
    }

    @Test
    void aFewStepsOnATinySetLowerTheSpectralLossOfAConditionedClipper() {
        int batch = 8;
        int samples = 1024;
        SplittableRandom r = new SplittableRandom(4);
        float[][] x = new float[batch][samples];
        float[][] y = new float[batch][];
        float[][] p = new float[batch][1];
        for (int b = 0; b < batch; b++) {
            double hz = 100 + 900 * r.nextDouble();
            for (int i = 0; i < samples; i++) {
                x[b][i] = (float) (0.8 * Math.sin(2 * Math.PI * hz * i / 44_100));
            }
            p[b][0] = (float) r.nextDouble();
            y[b] = clip(x[b], p[b][0]);
        }
        // Seeded, and each step as the trainers take it: clipped, guarded against NaN and with the
        // gradients cleared afterwards (DJL accumulates them otherwise, which once sent this to NaN).
        ai.djl.engine.Engine.getInstance().setRandomSeed(4);
        try (NDManager m = NDManager.newBaseManager(); Model model = Model.newInstance("proxy")) {
            ProxyTcn tcn = new ProxyTcn(TINY);
            tcn.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            tcn.initialize(m, DataType.FLOAT32, new Shape(batch, 1, samples), new Shape(batch, 1));
            NDArray audio = m.create(x).reshape(batch, 1, samples);
            NDArray cond = m.create(p);
            NDArray target = m.create(y);
            double[] loss = TinyTraining.firstAndLastLoss(tcn, m, audio, cond, target, 3e-3, 40);
            assertThat(loss[1]).isLessThan(0.6 * loss[0]);
        }
    }
}
