package org.unmixer.infer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.LevelMatch;
import org.unmixer.model.ChainDecoder;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.Prediction;
import org.unmixer.params.Catalog;
import org.unmixer.train.TrainingRun;

class CandidateRefinerTest {
    private static final String POSITION = "Wavetable/Osc 1 Pos";
    private static final SourceSpec SOURCE = new SourceSpec(SourceKind.SYNTH, 48, 100, 0.4, 0.2, 0);

    private final OutputLayout layout = new OutputLayout(Catalog.standard(), TrainingRun.wavetableNames());
    private final ModelConfig config = new ModelConfig(true, 1.0, 128, 130, 0, 8, 16, 16, 2, 4, 4, -9f, 3.7f,
            44_100, 1.5, -24, layout.wavetables(), layout.signature(), Map.of("Multiband Dynamics", "OTT"));
    private final PredictedPatches patches = new PredictedPatches(Catalog.standard(), layout, config);

    /**
     * Every continuous target sure of 0.5, except the wavetable position: 0.1 (weight 0.6) or 0.9
     * (weight 0.4), both narrow. Every On/Off switch On, otherwise the first class. Chains: dry,
     * then Saturator alone.
     */
    private Prediction prediction() {
        int p = layout.continuous().size();
        float[][] weights = new float[p][];
        float[][] means = new float[p][];
        float[][] sigmas = new float[p][];
        for (int j = 0; j < p; j++) {
            boolean bimodal = layout.continuous().get(j).name().equals(POSITION);
            weights[j] = bimodal ? new float[] {0.6f, 0.4f} : new float[] {1, 0};
            means[j] = bimodal ? new float[] {0.1f, 0.9f} : new float[] {0.5f, 0.5f};
            sigmas[j] = new float[] {0.001f, 0.001f};
        }
        List<float[]> classes = new ArrayList<>();
        for (OutputLayout.Discrete d : layout.discrete()) {
            float[] probs = new float[d.classes().size()];
            probs[Math.max(0, d.classes().indexOf("On"))] = 1;
            classes.add(probs);
        }
        float[] flat = new float[p];
        Arrays.fill(flat, 0.5f);
        int saturator = layout.effects().indexOf("Saturator");
        return new Prediction(flat, flat, flat, weights, means, sigmas, classes, new float[layout.effects().size()],
                List.of(new ChainDecoder.Chain(List.of(), 0.7), new ChainDecoder.Chain(List.of(saturator), 0.3)));
    }

    private static double position(Patch patch) {
        return patch.synth().orElseThrow().settings().normalized("Osc 1 Pos");
    }

    @Test
    void drawsFollowTheMixtureWeightsAndAreSeeded() {
        Prediction p = prediction();
        int j = 0;
        while (!layout.continuous().get(j).name().equals(POSITION)) {
            j++;
        }
        int high = 0;
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            high += p.draw(rng, 1.0).point(j) > 0.5 ? 1 : 0;
        }
        assertThat(high / 2000.0).isCloseTo(0.4, within(0.04));
        assertThat(p.draw(new SplittableRandom(9), 1.0).point(j)).isEqualTo(p.draw(new SplittableRandom(9), 1.0).point(j));
    }

    @Test
    void aDrawCloserToTheTargetReplacesThePointEstimateOfTheBestChainOnly() {
        Prediction p = prediction();
        // The truth is the less weighted mode (position 0.9) and 9 dB quieter than the point estimate.
        Patch point = patches.patch(p, p.chains().get(0), SOURCE);
        var synth = point.synth().orElseThrow();
        Patch truth = new Patch(SOURCE, java.util.Optional.of(new org.unmixer.dsp.patch.SynthSpec(
                synth.settings().withNormalized("Osc 1 Pos", 0.9).with("Volume", synth.settings().get("Volume") - 9),
                synth.oscillator1(), synth.oscillator2(), synth.unison())), List.of());
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);

        CandidateRefiner.Refined r = new CandidateRefiner(patches, new CandidateRefiner.Settings(8, 1.0),
                LevelMatch.standard()).refine(p, q -> SOURCE, target);

        assertThat(r.chosenDraw()).isPositive();
        assertThat(position(r.patches().get(0))).isCloseTo(0.9, within(0.01));
        assertThat(r.volumeChangesDb().get(0)).isCloseTo(-9, within(0.5));
        // The second chain keeps its point estimate, level-matched, and the chain order is the model's.
        assertThat(position(r.patches().get(1))).isCloseTo(0.1, within(0.01));
        assertThat(r.patches().get(1).chainNames()).containsExactly("Saturator");
        assertThat(r.volumeChangesDb().get(1)).isNegative();
        assertThat(r.renders()).isBetween(10, 20);
    }

    @Test
    void withoutDrawsEveryChainIsOnlyLevelMatched() {
        Prediction p = prediction();
        AudioBuffer target = Renderer.render(patches.patch(p, p.chains().get(0), SOURCE), Renderer.DEFAULT_RATE);

        CandidateRefiner.Refined r = new CandidateRefiner(patches, CandidateRefiner.Settings.LEVEL_ONLY,
                LevelMatch.standard()).refine(p, q -> SOURCE, target);

        assertThat(r.chosenDraw()).isZero();
        assertThat(r.patches().get(0)).isEqualTo(patches.patch(p, p.chains().get(0), SOURCE));
        assertThat(r.distances().get(0)).isCloseTo(0, within(1e-9));
        assertThat(r.patches()).hasSize(2);
    }
}
