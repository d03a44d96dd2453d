package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void embeddingHas256ValuesForTheDefaultLogMel() {
        LogMelEmbedding embedding = new LogMelEmbedding();
        assertThat(embedding.dimension()).isEqualTo(256);
        assertThat(embedding.embed(Fixtures.render(Fixtures.priorPatch(0)))).hasSize(256);
    }

    @Test
    void otherRatesAreRefusedWithOneLine() {
        AudioBuffer at48k = AudioBuffer.silence(1, 4800, 48_000);
        assertThatThrownBy(() -> new LogMelEmbedding().embed(at48k))
                .isInstanceOf(BadInputException.class).hasMessageContaining("48000 Hz");
    }
}
