package org.unmixer.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.BadInputException;

class EstimationTest {
    private static final Patch P = new UniformPrior(1).sample(0, SourceSpec.synth(60, 100, 0.3));

    @Test
    void candidatesMustBeRankedBestFirst() {
        assertThat(new Estimation(List.of(new Candidate(P, 0.5), new Candidate(P, 0.5), new Candidate(P, 2)), 3, 10)
                .best().score()).isEqualTo(0.5);
        assertThatThrownBy(() -> new Estimation(List.of(new Candidate(P, 2), new Candidate(P, 1)), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ranked");
        assertThatThrownBy(() -> new Estimation(List.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanScoresAreRejected() {
        assertThatThrownBy(() -> new Candidate(P, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetsMustBePositive() {
        assertThat(Budget.renders(7)).isEqualTo(new Budget(7, Long.MAX_VALUE));
        assertThat(Budget.seconds(1.5)).isEqualTo(new Budget(Integer.MAX_VALUE, 1_500_000_000L));
        assertThatThrownBy(() -> Budget.renders(0)).isInstanceOf(BadInputException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> Budget.seconds(0)).isInstanceOf(BadInputException.class);
    }

    @Test
    void skeletonNamesMustBeAudioEffects() {
        EstimationInput input = new EstimationInput(AudioBuffer.silence(1, 100, 44_100), P.source(), Budget.renders(1));
        assertThat(input.skeleton()).isEqualTo(Optional.empty());
        assertThat(input.withSkeleton(List.of("Reverb", "Saturator")).skeleton()).contains(List.of("Reverb", "Saturator"));
        assertThatThrownBy(() -> input.withSkeleton(List.of("Wavetable")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not an audio effect");
        assertThatThrownBy(() -> input.withSkeleton(List.of("Reverbb"))).isInstanceOf(BadInputException.class);
    }
}
