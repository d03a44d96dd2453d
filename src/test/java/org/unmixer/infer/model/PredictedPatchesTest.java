package org.unmixer.infer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.model.ChainDecoder;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.Prediction;
import org.unmixer.params.Catalog;
import org.unmixer.train.TrainingRun;

class PredictedPatchesTest {
    private final OutputLayout layout = new OutputLayout(Catalog.standard(), TrainingRun.wavetableNames());
    private final ModelConfig config = new ModelConfig(true, 1.0, 128, 130, 0, 8, 16, 16, 2, 4, 4, -9f, 3.7f,
            44_100, 1.5, -24, layout.wavetables(), layout.signature(), Map.of("Multiband Dynamics", "OTT"));

    /** Every continuous target with mixture mean {@code mean} and mode {@code mode}; first class everywhere. */
    private Prediction prediction(float mean, float mode, List<Integer> chain) {
        int p = layout.continuous().size();
        float[] means = new float[p];
        float[] modes = new float[p];
        Arrays.fill(means, mean);
        Arrays.fill(modes, mode);
        float[][] k = new float[p][];
        Arrays.fill(k, new float[] {1f});
        List<float[]> classes = new ArrayList<>();
        for (OutputLayout.Discrete d : layout.discrete()) {
            float[] probs = new float[d.classes().size()];
            probs[0] = 1;
            classes.add(probs);
        }
        return new Prediction(means, modes, new float[p], k, k, k, classes, new float[layout.effects().size()],
                List.of(new ChainDecoder.Chain(chain, 1.0)));
    }

    @Test
    void continuousParametersTakeTheMixtureMeanNotItsMode() {
        int saturator = layout.effects().indexOf("Saturator");
        Prediction p = prediction(0.25f, 0.75f, List.of(saturator));
        Patch patch = new PredictedPatches(Catalog.standard(), layout, config)
                .patch(p, p.chains().get(0), new SourceSpec(SourceKind.SYNTH, 60, 100, 1.0, 0.5, 0));
        assertThat(patch.chainNames()).containsExactly("Saturator");
        assertThat(patch.chain().get(0).normalized("Drive")).isCloseTo(0.25, within(1e-6));
        assertThat(patch.synth().orElseThrow().settings().normalized("Filter 1 Freq")).isCloseTo(0.25, within(1e-6));
        assertThat(new PredictedPatches(Catalog.standard(), layout, config).gateFraction(p)).isCloseTo(0.25, within(1e-6));
    }
}
