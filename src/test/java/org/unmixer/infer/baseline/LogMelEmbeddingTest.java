package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.params.BadInputException;

class LogMelEmbeddingTest {

    @Test
    void meanAndPopulationStdPerBandMeansFirst() {
        // band 0: 1, 3 → mean 2, std √((1+1)/2) = 1; band 1: 2, 6 → mean 4, std √((4+4)/2) = 2
        float[] e = LogMelEmbedding.meanAndStd(new float[][] {{1, 2}, {3, 6}});
        assertThat(e).containsExactly(2f, 4f, 1f, 2f);
    }

    @Test
    void constantBandHasZeroStd() {
        float[] e = LogMelEmbedding.meanAndStd(new float[][] {{-5}, {-5}, {-5}});
        assertThat(e).containsExactly(-5f, 0f);
    }

    @Test
    void distanceIsEuclidean() {
        // (0,0,0) to (3,4,12): √(9 + 16 + 144) = 13
        assertThat(LogMelEmbedding.distance(new float[] {0, 0, 0}, new float[] {3, 4, 12})).isEqualTo(13.0);
        assertThat(LogMelEmbedding.distance(new float[] {1, 2}, new float[] {1, 2})).isEqualTo(0.0);
    }

    @Test
    void embeddingHas544ValuesForTheDefaultLogMel() {
        LogMelEmbedding embedding = new LogMelEmbedding();
        assertThat(embedding.dimension()).isEqualTo(4 * 128 + 32);
        assertThat(embedding.embed(Fixtures.render(Fixtures.priorPatch(0)))).hasSize(544);
    }

    @Test
    void changeStatsAreMeanAbsoluteStepThenStdOfSteps() {
        // band 0: 0, 2, 0 → steps +2, −2: mean |step| 2, step mean 0, std 2;
        // band 1: 1, 2, 3 → steps +1, +1: mean |step| 1, std 0
        float[] c = LogMelEmbedding.changeStats(new float[][] {{0, 1}, {2, 2}, {0, 3}});
        assertThat(c).containsExactly(2f, 1f, 2f, 0f);
        assertThat(LogMelEmbedding.changeStats(new float[][] {{4, 5}})).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void envelopeIsLogEnergyBelowTheLoudestFrameAveragedPerStretch() {
        // one band with mel powers 1, 1, ½, ¼ (natural logs 0, 0, −ln 2, −2 ln 2);
        // two stretches: frames 0–1 (0 below the peak) and frames 2–3 (mean −1.5·ln 2)
        float[][] frames = {{0f}, {0f}, {(float) -Math.log(2)}, {(float) -Math.log(4)}};
        float[] e = LogMelEmbedding.envelope(frames, 2);
        assertThat(e[0]).isCloseTo(0f, within(1e-6f));
        assertThat(e[1]).isCloseTo((float) (-1.5 * Math.log(2)), within(1e-6f));
        // fewer frames than stretches: each stretch takes the nearest frame
        assertThat(LogMelEmbedding.envelope(new float[][] {{0f}}, 3)).containsExactly(0f, 0f, 0f);
    }

    @Test
    void aReverbTailChangesTheEnvelopeButNotTheTimbreAlone() {
        float[][] dry = {{0f, 0f}, {0f, 0f}, {-20f, -20f}, {-20f, -20f}};
        float[][] tail = {{0f, 0f}, {0f, 0f}, {-3f, -3f}, {-6f, -6f}};
        float[] a = LogMelEmbedding.of(dry);
        float[] b = LogMelEmbedding.of(tail);
        assertThat(a).hasSize(4 * 2 + LogMelEmbedding.ENVELOPE_SEGMENTS);
        int envelope = 4 * 2;
        assertThat(b[envelope + LogMelEmbedding.ENVELOPE_SEGMENTS - 1])
                .isGreaterThan(a[envelope + LogMelEmbedding.ENVELOPE_SEGMENTS - 1] + 10);
    }

    @Test
    void otherRatesAreRefusedWithOneLine() {
        AudioBuffer at48k = AudioBuffer.silence(1, 4800, 48_000);
        assertThatThrownBy(() -> new LogMelEmbedding().embed(at48k))
                .isInstanceOf(BadInputException.class).hasMessageContaining("48000 Hz");
    }
}
