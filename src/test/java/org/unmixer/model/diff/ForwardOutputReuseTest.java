package org.unmixer.model.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effects;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/** The mix and level adjoints give the same gradient from the forward pass's output as from a render of their own. */
class ForwardOutputReuseTest {
    private static final Catalog CATALOG = Catalog.standard();

    private static double[] gradients(DeviceAdjoint adjoint, DeviceSettings settings) {
        AudioBuffer input = Renderer.renderSource(new SourceSpec(SourceKind.NOISE, 60, 100, 0.2, 0.1, 3), Optional.empty(),
                Renderer.DEFAULT_RATE, 0.3);
        AudioBuffer output = Effects.forDevice(settings.device().name()).render(input, settings);
        SplittableRandom random = new SplittableRandom(4);
        double[][] upstream = new double[output.channelCount()][output.frames()];
        for (double[] channel : upstream) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = random.nextDouble(-1, 1);
            }
        }
        double[] theta = {settings.normalized(adjoint.parameters().get(0).name())};
        double[] rendering = new double[1];
        double[] reusing = new double[1];
        double[][] in = AudioArrays.toDouble(input);
        double[][] passedRendering = adjoint.pullBack(in, theta, input.sampleRate(), upstream, rendering);
        double[][] passedReusing = adjoint.pullBack(in, AudioArrays.toDouble(output), theta, input.sampleRate(), upstream, reusing);
        assertThat(passedReusing).isDeepEqualTo(passedRendering);
        return new double[] {rendering[0], reusing[0]};
    }

    @Test
    void dryWetFromTheOutputIsDryWetFromARender() {
        for (double wet : new double[] {100.0, 40.0, 6.0, 2.0}) { // 2 % is below the division's threshold: rendered
            DeviceSettings reverb = CATALOG.device("Reverb").defaults().with(Map.of("Dry/Wet", wet));
            double[] g = gradients(new DryWetAdjoint(reverb), reverb);
            assertThat(g[0]).as("Dry/Wet %s", wet).isNotZero();
            assertThat(g[1]).as("Dry/Wet %s", wet).isCloseTo(g[0], within(1e-5 * Math.abs(g[0])));
        }
        DeviceSettings phaser = CATALOG.device("Phaser-Flanger").defaults().with(Map.of("Dry/Wet", 55.0));
        double[] g = gradients(new DryWetAdjoint(phaser), phaser);
        assertThat(g[1]).isCloseTo(g[0], within(1e-5 * Math.abs(g[0])));
    }

    @Test
    void outputGainFromTheOutputIsOutputGainFromARender() {
        for (double db : new double[] {-6.0, 0.0, 4.0}) {
            DeviceSettings mbd = CATALOG.device("Multiband Dynamics").defaults().with(Map.of("Master Output", db));
            double[] g = gradients(new OutputGainAdjoint(mbd), mbd);
            assertThat(g[0]).isNotZero();
            assertThat(g[1]).as("Master Output %s dB", db).isCloseTo(g[0], within(1e-5 * Math.abs(g[0])));
        }
    }
}
