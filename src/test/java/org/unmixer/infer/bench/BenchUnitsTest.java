package org.unmixer.infer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.baseline.MeanBaseline;
import org.unmixer.infer.metrics.AudioMetrics;
import org.unmixer.infer.metrics.Bootstrap;
import org.unmixer.infer.metrics.ExampleScores;
import org.unmixer.infer.metrics.MetricNames;
import org.unmixer.infer.metrics.PresenceCounts;
import org.unmixer.params.Catalog;

class BenchUnitsTest {
    private static BenchRecord record(String example, String method, Map<String, Double> metrics,
            Map<String, PresenceCounts> presence, int renders, long nanos) {
        Patch p = MeanBaseline.defaultPatch(SourceSpec.synth(60, 100, 0.2));
        return new BenchRecord(new ExampleScores(example, method, metrics, presence), p, renders, nanos);
    }

    @Test
    void methodSummaryAveragesMetricsRendersAndTimeAndSumsPresenceCounts() {
        List<BenchRecord> records = List.of(
                record("e0", "a", Map.of("x", 1.0), Map.of("Saturator", new PresenceCounts(1, 0, 0)), 10, 100),
                record("e0", "b", Map.of("x", 5.0), Map.of(), 0, 7),
                record("e1", "a", Map.of("x", 3.0, "y", 4.0), Map.of("Saturator", new PresenceCounts(0, 0, 1)), 20, 300));
        List<MethodSummary> s = MethodSummary.of(records, new Bootstrap(new Bootstrap.Config(200, 0.95, 1)));
        assertEquals(List.of("a", "b"), s.stream().map(MethodSummary::method).toList());
        MethodSummary a = s.get(0);
        assertEquals(2, a.examples());
        assertEquals(2.0, a.metrics().get("x").mean(), 1e-12); // (1 + 3) / 2
        assertEquals(2, a.metrics().get("x").n());
        assertEquals(1, a.metrics().get("y").n()); // defined on e1 only
        assertEquals(4.0, a.metrics().get("y").mean(), 1e-12);
        assertEquals(15.0, a.rendersPerExample(), 1e-12); // (10 + 20) / 2
        assertEquals(200.0, a.nanosPerExample(), 1e-12); // (100 + 300) / 2
        // summed Saturator counts tp 1, fp 0, fn 1: P = 1, R = 1/2, F1 = 2·1·0.5 / 1.5 = 2/3
        assertEquals(1.0, a.presence().orElseThrow().precision(), 1e-12);
        assertEquals(0.5, a.presence().orElseThrow().recall(), 1e-12);
        assertEquals(2.0 / 3.0, a.presence().orElseThrow().f1(), 1e-12);
        assertTrue(s.get(1).presence().isEmpty());
        assertEquals(5.0, s.get(1).metrics().get("x").mean(), 1e-12);
    }

    @Test
    void tableCellsAndHtmlEscaping() {
        assertEquals("1.235 [0.500, 2.000]", BenchTable.cell(new Bootstrap.Summary(3, 1.2345, 0.5, 2.0)));
        assertEquals("–", BenchTable.cell(null));
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot;", HtmlReport.esc("a<b> & \"c\""));
    }

    @Test
    void stripPlotPlacesDotsOnTheSharedAxis() {
        List<BenchRecord> records = List.of(
                record("e0", "a", Map.of("x", 0.0), Map.of(), 0, 1),
                record("e1", "a", Map.of("x", 2.0), Map.of(), 0, 1),
                record("e0", "b", Map.of("x", 1.0), Map.of(), 0, 1));
        String svg = HtmlReport.stripPlot("x", List.of("a", "b"), records);
        // axis from 90 to 690 px for values 0..2: 0 → 90, 1 → 390, 2 → 690
        assertTrue(svg.contains("cx=\"90.0\" cy=\"16\""), svg);
        assertTrue(svg.contains("cx=\"690.0\" cy=\"16\""), svg);
        assertTrue(svg.contains("cx=\"390.0\" cy=\"40\""), svg);
        // a's mean 1 → bar at 390 in row 0
        assertTrue(svg.contains("x1=\"390.0\" x2=\"390.0\" y1=\"8\" y2=\"24\""), svg);
        assertEquals("<p>no values</p>", HtmlReport.stripPlot("missing", List.of("a"), records));
    }

    @Test
    void scorerGivesZeroAudioDistanceForTheTruthAndBestOfKOnlyForSeveralCandidates() {
        SourceSpec source = SourceSpec.synth(57, 100, 0.3);
        Patch truth = MeanBaseline.defaultPatch(source)
                .withChain(List.of(Catalog.standard().device("Saturator").defaults().withNormalized("Drive", 0.8)));
        AudioBuffer target = Renderer.render(truth, 44_100, 0.6);
        BenchExample labelled = new BenchExample("t", target, source, Optional.of(truth));
        ExampleScorer scorer = new ExampleScorer(AudioMetrics.standard());

        ExampleScores exact = scorer.score(labelled, "oracle", new Estimation(List.of(new Candidate(truth, 0)), 0, 1));
        assertEquals(0.0, exact.metrics().get(MetricNames.MR_STFT), 1e-9);
        assertEquals(0.0, exact.metrics().get(MetricNames.LOG_MEL_L1), 1e-9);
        assertEquals(1.0, exact.metrics().get(MetricNames.CHAIN_EXACT));
        assertEquals(0.0, exact.metrics().get(MetricNames.PARAM_MAE), 1e-12);
        assertEquals(new PresenceCounts(1, 0, 0), exact.presence().get("Saturator"));
        assertFalse(exact.metrics().containsKey(MetricNames.bestOf(1)));

        Patch dry = MeanBaseline.defaultPatch(source);
        ExampleScores two = scorer.score(labelled, "m", new Estimation(
                List.of(new Candidate(dry, 0), new Candidate(truth, 1)), 2, 1));
        assertTrue(two.metrics().get(MetricNames.MR_STFT) > 0);
        assertEquals(two.metrics().get(MetricNames.MR_STFT), two.metrics().get(MetricNames.bestOf(1)), 1e-9);
        assertEquals(0.0, two.metrics().get(MetricNames.bestOf(3)), 1e-9); // the truth is the 2nd candidate
        assertEquals(0.0, two.metrics().get(MetricNames.bestOf(5)), 1e-9);
        assertEquals(0.0, two.metrics().get(MetricNames.CHAIN_EXACT)); // [] vs [Saturator]
        assertEquals(new PresenceCounts(0, 0, 1), two.presence().get("Saturator"));

        BenchExample unlabelled = new BenchExample("u", target, source, Optional.empty());
        ExampleScores audioOnly = scorer.score(unlabelled, "m", new Estimation(List.of(new Candidate(dry, 0)), 0, 1));
        assertEquals(List.of(MetricNames.MR_STFT, MetricNames.LOG_MEL_L1, MetricNames.MFCC_L2, MetricNames.LOUDNESS_DIFF_LU),
                List.copyOf(audioOnly.metrics().keySet()));
        assertTrue(audioOnly.presence().isEmpty());
    }

    @Test
    void jsonLineCarriesScoresPatchRendersAndTime() throws Exception {
        BenchRecord r = record("e0", "a", Map.of("x", 0.25), Map.of("Reverb", new PresenceCounts(0, 1, 0)), 3, 42);
        JsonNode j = BenchJson.mapper().readTree(BenchJson.line(r));
        assertEquals("e0", j.get("example").asText());
        assertEquals("a", j.get("method").asText());
        assertEquals(0.25, j.get("metrics").get("x").asDouble());
        assertEquals(1, j.get("presence").get("Reverb").get("fp").asInt());
        assertEquals(3, j.get("renders").asInt());
        assertEquals(42, j.get("nanos").asLong());
        assertEquals("unmixer-patch/1", j.get("patch").get("format").asText());
        assertFalse(BenchJson.line(r).contains("\n"));
    }
}
