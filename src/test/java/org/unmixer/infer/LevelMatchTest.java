package org.unmixer.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Loudness;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.Catalog;

class LevelMatchTest {
    private static final SourceSpec SOURCE = new SourceSpec(SourceKind.SYNTH, 57, 100, 0.4, 0.2, 0);
    private static final int RATE = Renderer.DEFAULT_RATE;

    /** The prior's first patch with its effects removed and the volume at {@code db}. */
    private static Patch dryAt(double db) {
        Patch p = new UniformPrior(11).sample(0, SOURCE).withChain(List.of());
        return LevelMatch.withVolume(p, db);
    }

    private static double volume(Patch p) {
        return p.synth().orElseThrow().settings().get(LevelMatch.VOLUME);
    }

    @Test
    void aDrySynthIsMatchedInOneRenderToTheVolumeThatMadeTheTarget() {
        AudioBuffer target = Renderer.render(dryAt(-20), RATE);

        LevelMatch.Result r = new LevelMatch(1, 0.01).match(dryAt(-8), target);

        // The volume is a plain gain before nothing non-linear: one measurement finds it exactly.
        assertThat(r.renders()).isEqualTo(1);
        assertThat(r.residualLu()).isCloseTo(-12, within(0.05));
        assertThat(volume(r.patch())).isCloseTo(-20, within(0.05));
        assertThat(r.volumeChangeDb()).isCloseTo(-12, within(0.05));
        // The returned render is the first one scaled by the correction: the target, for a dry synth.
        assertThat(Loudness.integratedLufs(r.render().orElseThrow())).isCloseTo(Loudness.integratedLufs(target), within(0.05));
    }

    @Test
    void withASaturatorInTheChainASecondRenderGetsCloserThanTheFirst() {
        Map<String, Object> hot = Map.of("Drive", 18.0, "Type", "Hard Curve", "Dry/Wet", 100.0);
        var saturator = Catalog.standard().device("Saturator").defaults().with(hot);
        Patch truth = dryAt(-6).withChain(List.of(saturator));
        AudioBuffer target = Renderer.render(truth, RATE);
        Patch guess = dryAt(-30).withChain(List.of(saturator));

        Patch once = new LevelMatch(1, 0.01).match(guess, target).patch();
        Patch twice = new LevelMatch(2, 0.01).match(guess, target).patch();

        double errorOnce = Math.abs(Loudness.integratedLufs(Renderer.render(once, RATE)) - Loudness.integratedLufs(target));
        double errorTwice = Math.abs(Loudness.integratedLufs(Renderer.render(twice, RATE)) - Loudness.integratedLufs(target));
        // Driven harder, the saturator compresses: the first correction overshoots the level change.
        assertThat(errorOnce).isGreaterThan(0.5);
        assertThat(errorTwice).isLessThan(errorOnce);
    }

    @Test
    void stopsWithinToleranceWithoutSpendingTheBudget() {
        AudioBuffer target = Renderer.render(dryAt(-10), RATE);

        LevelMatch.Result r = new LevelMatch(5, 0.5).match(dryAt(-10.2), target);

        assertThat(r.renders()).isEqualTo(1);
        assertThat(volume(r.patch())).isEqualTo(-10.2);
    }

    @Test
    void theVolumeStaysInItsRangeWhenTheTargetIsLouderThanTheSynthCanBe() {
        AudioBuffer quiet = Renderer.render(dryAt(-40), RATE);
        float[][] loud = quiet.channels().clone();
        for (int c = 0; c < loud.length; c++) {
            loud[c] = quiet.channels()[c].clone();
            for (int i = 0; i < loud[c].length; i++) {
                loud[c][i] *= 1000; // +60 dB: beyond Volume's 0 dB top
            }
        }

        LevelMatch.Result r = new LevelMatch(3, 0.1).match(dryAt(-40), new AudioBuffer(loud, RATE));

        assertThat(volume(r.patch())).isEqualTo(0.0);
        assertThat(r.renders()).isEqualTo(2); // the second render finds the volume pinned and stops
    }

    @Test
    void patchesWithoutASynthAndSilentTargetsAreLeftAlone() {
        Patch noise = new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.4, 0.2, 5), java.util.Optional.empty(), List.of());
        AudioBuffer target = Renderer.render(dryAt(-10), RATE);
        AudioBuffer silence = AudioBuffer.silence(2, target.frames(), RATE);

        assertThat(LevelMatch.standard().match(noise, target)).isEqualTo(new LevelMatch.Result(noise, 0, 0, 0, java.util.Optional.empty()));
        assertThat(LevelMatch.standard().match(dryAt(-10), silence).renders()).isZero();
    }
}
