package org.unmixer.infer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;

class BestOfKTest {
    @Test
    void takesTheMinimumOverTheFirstKInRankOrder() {
        double[] d = {0.5, 0.7, 0.2, 0.9, 0.1, 0.05};
        assertThat(BestOfK.bestOf(d, 1)).isEqualTo(0.5);
        assertThat(BestOfK.bestOf(d, 3)).isEqualTo(0.2);
        assertThat(BestOfK.bestOf(d, 5)).isEqualTo(0.1); // the sixth is beyond K
    }

    @Test
    void fewerCandidatesThanKUsesThemAll() {
        double[] d = {0.4, 0.3};
        assertThat(BestOfK.bestOf(d, 3)).isEqualTo(0.3);
        assertThat(BestOfK.bestOf(d, 5)).isEqualTo(0.3);
        assertThatThrownBy(() -> BestOfK.bestOf(new double[0], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BestOfK.bestOf(d, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoreMeasuresOnlyTheCandidatesTheLargestKNeeds() {
        // candidate i is a constant signal of value v_i; the fake distance is |v − target value|
        float[] values = {0.5f, 0.7f, 0.2f, 0.9f, 0.1f, 0.0f};
        List<AudioBuffer> candidates = new ArrayList<>();
        for (float v : values) {
            candidates.add(AudioBuffer.mono(new float[] {v}, 44_100));
        }
        AudioBuffer target = AudioBuffer.mono(new float[] {0f}, 44_100);
        AtomicInteger calls = new AtomicInteger();
        Map<Integer, Double> s = BestOfK.score(candidates, target, (a, b) -> {
            calls.incrementAndGet();
            return Math.abs(a.channel(0)[0] - b.channel(0)[0]);
        });
        assertThat(s).containsOnlyKeys(1, 3, 5);
        assertThat(s.get(1)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(s.get(3)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(s.get(5)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(calls.get()).isEqualTo(5);
    }

    @Test
    void withTheRealDistanceAnExactCandidateAtRankThreeIsFoundFromKThree() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() - 0.5);
        }
        float[] quieter = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            quieter[i] = 0.5f * x[i];
        }
        AudioBuffer target = AudioBuffer.mono(x, 44_100);
        AudioBuffer wrong = AudioBuffer.mono(quieter, 44_100);
        Map<Integer, Double> s = BestOfK.score(List.of(wrong, wrong, target.copy()), target, AudioMetrics.standard()::mrStft);
        assertThat(s.get(1)).isGreaterThan(0.1);
        assertThat(s.get(3)).isZero();
        assertThat(s.get(5)).isZero();
    }
}
