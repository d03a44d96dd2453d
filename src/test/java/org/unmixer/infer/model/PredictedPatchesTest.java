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

    /**
     * Every continuous target: two components, weights 0.3 and 0.7 with means 0.9 and 0.25 (mixture
     * mean 0.445), and a claimed mode of 0.9; first class everywhere.
     */
    private Prediction prediction(List<Integer> chain) {
        int p = layout.continuous().size();
        float[] mixtureMeans = new float[p];
        float[] modes = new float[p];
        Arrays.fill(mixtureMeans, 0.445f);
        Arrays.fill(modes, 0.9f);
        float[][] weights = new float[p][];
        float[][] means = new float[p][];
        float[][] sigmas = new float[p][];
        Arrays.fill(weights, new float[] {0.3f, 0.7f});
        Arrays.fill(means, new float[] {0.9f, 0.25f});
        Arrays.fill(sigmas, new float[] {0.01f, 0.2f});
        List<float[]> classes = new ArrayList<>();
        for (OutputLayout.Discrete d : layout.discrete()) {
            float[] probs = new float[d.classes().size()];
            probs[0] = 1;
            classes.add(probs);
        }
        return new Prediction(mixtureMeans, modes, new float[p], weights, means, sigmas, classes, new float[layout.effects().size()],
                List.of(new ChainDecoder.Chain(chain, 1.0)));
    }

    @Test
    void continuousParametersTakeTheMostWeightedComponentsMean() {
        int saturator = layout.effects().indexOf("Saturator");
        Prediction p = prediction(List.of(saturator));
        Patch patch = new PredictedPatches(Catalog.standard(), layout, config)
                .patch(p, p.chains().get(0), new SourceSpec(SourceKind.SYNTH, 60, 100, 1.0, 0.5, 0));
        assertThat(patch.chainNames()).containsExactly("Saturator");
        assertThat(patch.chain().get(0).normalized("Drive")).isCloseTo(0.25, within(1e-6));
        assertThat(patch.synth().orElseThrow().settings().normalized("Filter 1 Freq")).isCloseTo(0.25, within(1e-6));
        assertThat(new PredictedPatches(Catalog.standard(), layout, config).gateFraction(p)).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void transpositionsAreWholeSemitonesAsLiveStepsThem() {
        var wavetable = Catalog.standard().device("Wavetable").defaults()
                .with(Map.of("Osc 1 Transp", -12.33, "Osc 2 Transp", 9.46, "Osc 2 Detune", 7.3));
        var snapped = PredictedPatches.wholeSemitones(wavetable);
        assertThat(snapped.get("Osc 1 Transp")).isEqualTo(-12.0);
        assertThat(snapped.get("Osc 2 Transp")).isEqualTo(9.0);
        assertThat(snapped.get("Osc 2 Detune")).isEqualTo(7.3); // cents stay continuous
    }
}
