package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

class SecantAdjointTest {
    private static final double RATE = 44_100;

    private static double[][] noiseBurst(int frames, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[2][frames];
        for (double[] c : x) {
            for (int i = 0; i < frames; i++) {
                c[i] = 0.3 * r.nextGaussian() * Math.exp(-i / (0.05 * RATE));
            }
        }
        return x;
    }

    /** f(θ) = ⟨u, device(x; θ)⟩, whose gradient the adjoint estimates. */
    private static double projection(Effect device, DeviceSettings base, List<ParamSpec> params, double[] theta, double[][] x, double[][] u) {
        DeviceSettings s = base;
        for (int i = 0; i < params.size(); i++) {
            s = s.withNormalized(params.get(i).name(), theta[i]);
        }
        return AudioArrays.dot(u, AudioArrays.toDouble(device.render(AudioArrays.toBuffer(x, RATE), s)));
    }

    @Test
    void averagedOverDrawsTheEstimateIsTheSecantOfEachSetting() {
        DeviceSettings phaser = Catalog.standard().device("Phaser-Flanger").defaults()
                .with(Map.of("Dry/Wet", 70.0, "Center Freq", 900.0, "Feedback", 40.0, "Mod Freq", 0.8));
        double[][] x = noiseBurst(6_000, 3);
        double[][] u = noiseBurst(6_000, 4);
        SecantAdjoint adjoint = new SecantAdjoint(phaser, new DryWetAdjoint(phaser), 11);
        List<ParamSpec> params = adjoint.parameters();
        assertThat(params.get(0).name()).isEqualTo("Dry/Wet");
        double[] theta = new double[params.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = phaser.normalized(params.get(i).name());
        }
        int draws = 300;
        double[] mean = new double[theta.length];
        for (int n = 0; n < draws; n++) {
            double[] g = new double[theta.length];
            double[][] passed = adjoint.pullBack(x, theta, RATE, u, g);
            assertThat(passed).isSameAs(u); // the input's gradient passes unchanged
            for (int i = 0; i < g.length; i++) {
                mean[i] += g[i] / draws;
            }
        }
        Effect device = Effects.forDevice("Phaser-Flanger");
        double largest = 0;
        double[] secant = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double h = i == 0 ? 1e-4 : SecantAdjoint.WIDTH / 2; // Dry/Wet is exact: a narrow central difference
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            secant[i] = (projection(device, phaser, params, up, x, u) - projection(device, phaser, params, down, x, u)) / (2 * h);
            largest = Math.max(largest, Math.abs(secant[i]));
        }
        assertThat(largest).isPositive();
        assertThat(mean[0]).as("Dry/Wet, exact on every draw").isCloseTo(secant[0], within(1e-4 * largest));
        for (int i = 1; i < theta.length; i++) {
            // SPSA's cross terms average out as 1/√draws: about 0.1 of the largest component here.
            assertThat(mean[i]).as(params.get(i).name()).isCloseTo(secant[i], within(0.25 * largest));
        }
    }

    @Test
    void theSameSeedGivesTheSameEstimates() {
        DeviceSettings reverb = Catalog.standard().device("Reverb").defaults().with(Map.of("Dry/Wet", 30.0));
        double[][] x = noiseBurst(3_000, 5);
        double[][] u = noiseBurst(3_000, 6);
        double[] theta = new double[1 + SecantAdjoint.PERTURBED.get("Reverb").size()];
        java.util.Arrays.fill(theta, 0.5);
        double[] first = new double[theta.length];
        double[] second = new double[theta.length];
        new SecantAdjoint(reverb, new DryWetAdjoint(reverb), 9).pullBack(x, theta, RATE, u, first);
        new SecantAdjoint(reverb, new DryWetAdjoint(reverb), 9).pullBack(x, theta, RATE, u, second);
        assertThat(second).containsExactly(first);
        assertThat(first).as("every setting gets a gradient").doesNotContain(0.0);
    }

    /** The forward pass may start the extra render early and hand over its output: the same estimates. */
    @Test
    void startingTheRenderInTheForwardPassChangesNothing() {
        DeviceSettings reverb = Catalog.standard().device("Reverb").defaults().with(Map.of("Dry/Wet", 30.0));
        double[][] x = noiseBurst(3_000, 7);
        double[][] u = noiseBurst(3_000, 8);
        double[] theta = new double[1 + SecantAdjoint.PERTURBED.get("Reverb").size()];
        java.util.Arrays.fill(theta, 0.5);
        theta[2] = 0.99; // near the edge: its δ turns round when it would leave [0, 1]
        DeviceSettings at = reverb;
        SecantAdjoint alone = new SecantAdjoint(reverb, new DryWetAdjoint(reverb), 9);
        for (int i = 0; i < theta.length; i++) {
            at = at.withNormalized(alone.parameters().get(i).name(), theta[i]);
        }
        double[][] y = AudioArrays.toDouble(Effects.forDevice("Reverb").render(AudioArrays.toBuffer(x, RATE), at));
        SecantAdjoint early = new SecantAdjoint(reverb, new DryWetAdjoint(reverb), 9);
        for (int step = 0; step < 3; step++) {
            double[] expected = new double[theta.length];
            double[] actual = new double[theta.length];
            alone.pullBack(x, y, theta, RATE, u, expected);
            early.forwardInput(AudioArrays.toBuffer(x, RATE), theta);
            early.pullBack(x, y, theta, RATE, u, actual);
            for (int i = 0; i < theta.length; i++) {
                assertThat(actual[i]).as("step %d, θ %d", step, i).isCloseTo(expected[i], within(1e-6 * Math.abs(expected[i])));
            }
        }
    }
}
