package org.unmixer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The mixture maths against closed forms (1e-6: the constants inside are float32, the tests float64). */
class MixtureDensityTest {
    /** softplus⁻¹ so a test can ask for a given σ. */
    private static double inverseSoftplus(double y) {
        return Math.log(Math.expm1(y));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void singleComponentNllIsTheClosedFormGaussianNll() {
        try (NDManager m = NDManager.newBaseManager()) {
            double mu = 0.3;
            double sigma = 0.05;
            double target = 0.37;
            // raw layout [B=1, P=1, 3, K=1]: logit, mean (pre-sigmoid), scale (pre-softplus, before the floor)
            NDArray raw = m.create(new double[] {0.7, logit(mu), inverseSoftplus(sigma - MixtureDensity.SIGMA_FLOOR)})
                    .reshape(1, 3);
            MixtureDensity.Mixture mix = MixtureDensity.split(raw, 1, 1);
            double nll = MixtureDensity.nll(mix, m.create(new double[] {target}).reshape(1, 1)).getDouble(0, 0);
            double expected = 0.5 * Math.pow((target - mu) / sigma, 2) + Math.log(sigma) + 0.5 * Math.log(2 * Math.PI);
            assertThat(nll).isCloseTo(expected, within(1e-6));
            assertThat(MixtureDensity.mean(mix).getDouble(0, 0)).isCloseTo(mu, within(1e-12));
            assertThat(MixtureDensity.std(mix).getDouble(0, 0)).isCloseTo(sigma, within(1e-9));
            assertThat(MixtureDensity.mode(mix).getDouble(0, 0)).isCloseTo(mu, within(1e-12));
        }
    }

    @Test
    void twoComponentNllIsTheLogOfTheWeightedDensities() {
        try (NDManager m = NDManager.newBaseManager()) {
            // weights softmax(0, ln 3) = (1/4, 3/4); means 0.2, 0.8; σ 0.1, 0.2
            NDArray raw = m.create(new double[] {0, Math.log(3), logit(0.2), logit(0.8),
                    inverseSoftplus(0.1 - MixtureDensity.SIGMA_FLOOR), inverseSoftplus(0.2 - MixtureDensity.SIGMA_FLOOR)})
                    .reshape(1, 6);
            MixtureDensity.Mixture mix = MixtureDensity.split(raw, 1, 2);
            double t = 0.5;
            double density = 0.25 * gauss(t, 0.2, 0.1) + 0.75 * gauss(t, 0.8, 0.2);
            assertThat(MixtureDensity.nll(mix, m.create(new double[] {t}).reshape(1, 1)).getDouble(0, 0))
                    .isCloseTo(-Math.log(density), within(1e-6));
            // mode: peak density π/σ is 2.5 for the first, 3.75 for the second component
            assertThat(MixtureDensity.mode(mix).getDouble(0, 0)).isCloseTo(0.8, within(1e-12));
            double mean = 0.25 * 0.2 + 0.75 * 0.8;
            double var = 0.25 * (0.01 + 0.04) + 0.75 * (0.04 + 0.64) - mean * mean;
            assertThat(MixtureDensity.std(mix).getDouble(0, 0)).isCloseTo(Math.sqrt(var), within(1e-9));
        }
    }

    @Test
    void maskedMeanIgnoresAbsentTargetsAndIsZeroWhenNoneIsPresent() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray values = m.create(new float[] {1, 100, 3, 100}, new Shape(2, 2));
            NDArray mask = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
            assertThat(MixtureDensity.maskedMean(values, mask).getFloat()).isEqualTo(2f);
            assertThat(MixtureDensity.maskedMean(values, mask.zerosLike()).getFloat()).isEqualTo(0f);
        }
    }

    @Test
    void nllGradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] raw = {0.3, -0.2, 0.1, 0.9, -1.0, -0.5};
            double[] targets = {0.42};
            double[] analytic;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray x = m.create(raw).reshape(1, 6);
                x.setRequiresGradient(true);
                NDArray nll = MixtureDensity.nll(MixtureDensity.split(x, 1, 2), m.create(targets).reshape(1, 1)).sum();
                gc.backward(nll);
                analytic = x.getGradient().toDoubleArray();
            }
            double h = 1e-6;
            for (int i = 0; i < raw.length; i++) {
                double[] plus = raw.clone();
                double[] minus = raw.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (nllOf(m, plus, targets) - nllOf(m, minus, targets)) / (2 * h);
                assertThat(analytic[i]).as("∂nll/∂raw[%d]", i).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
            }
            assertThat(m.create(raw).getDataType()).isEqualTo(DataType.FLOAT64);
        }
    }

    private static double nllOf(NDManager m, double[] raw, double[] targets) {
        return MixtureDensity.nll(MixtureDensity.split(m.create(raw).reshape(1, 6), 1, 2), m.create(targets).reshape(1, 1))
                .sum().getDouble();
    }

    private static double gauss(double x, double mu, double sigma) {
        return Math.exp(-0.5 * Math.pow((x - mu) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI));
    }
}
