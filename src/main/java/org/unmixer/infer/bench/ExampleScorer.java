package org.unmixer.infer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.infer.metrics.BestOfK;
import org.unmixer.infer.metrics.ExampleScores;
import org.unmixer.infer.metrics.MetricNames;
import org.unmixer.infer.metrics.PatchMetrics;
import org.unmixer.infer.metrics.PresenceCounts;

/**
 * Scores one estimation against its example. Audio metrics are taken on the best candidate
 * re-rendered by the reference renderer at the target's rate and length (whatever score the method
 * gave it); best-of-K MR-STFT (K = 1, 3, 5) only when the method returned more than one candidate;
 * patch metrics and presence counts only when the example is labelled. Non-finite values are left
 * out, as {@link ExampleScores} requires.
 */
public final class ExampleScorer {
    private final AudioMetrics metrics;

    public ExampleScorer(AudioMetrics metrics) {
        this.metrics = metrics;
    }

    /** The reference render of {@code patch} matching {@code target}'s rate and length. */
    public static AudioBuffer render(Patch patch, AudioBuffer target) {
        return Renderer.render(patch, target.sampleRate(), target.seconds());
    }

    public ExampleScores score(BenchExample example, String method, Estimation estimation) {
        Map<String, Double> m = new LinkedHashMap<>();
        AudioBuffer best = render(estimation.best().patch(), example.target());
        putFinite(m, metrics.score(best, example.target()).toMap());
        List<Candidate> candidates = estimation.candidates();
        if (candidates.size() > 1) {
            List<AudioBuffer> renders = new ArrayList<>();
            renders.add(best);
            int kMax = BestOfK.K_VALUES.get(BestOfK.K_VALUES.size() - 1);
            for (int i = 1; i < Math.min(kMax, candidates.size()); i++) {
                renders.add(render(candidates.get(i).patch(), example.target()));
            }
            Map<String, Double> bestOf = new LinkedHashMap<>();
            BestOfK.score(renders, example.target(), metrics::mrStft)
                    .forEach((k, v) -> bestOf.put(MetricNames.bestOf(k), v));
            putFinite(m, bestOf);
        }
        Map<String, PresenceCounts> presence = Map.of();
        if (example.truth().isPresent()) {
            Patch truth = example.truth().get();
            putFinite(m, PatchMetrics.score(estimation.best().patch(), truth));
            presence = PatchMetrics.presence(estimation.best().patch(), truth);
        }
        return new ExampleScores(example.id(), method, m, presence);
    }

    private static void putFinite(Map<String, Double> into, Map<String, Double> from) {
        from.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                into.put(k, v);
            }
        });
    }
}
