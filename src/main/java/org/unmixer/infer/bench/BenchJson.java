package org.unmixer.infer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.metrics.Bootstrap;
import org.unmixer.infer.metrics.PresenceCounts;

/**
 * The bench's JSON: one line per finished example × method ({@code results.jsonl}) and the final
 * {@code results.json}. Timings are the only fields named {@code nanos…}, so two runs can be
 * compared by dropping them.
 */
public final class BenchJson {
    public static final String FORMAT = "unmixer-bench/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BenchJson() {}

    public static ObjectNode record(BenchRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("example", r.example()).put("method", r.method());
        ObjectNode m = o.putObject("metrics");
        r.scores().metrics().forEach(m::put);
        if (!r.scores().presence().isEmpty()) {
            ObjectNode p = o.putObject("presence");
            for (Map.Entry<String, PresenceCounts> e : r.scores().presence().entrySet()) {
                p.putObject(e.getKey()).put("tp", e.getValue().tp()).put("fp", e.getValue().fp()).put("fn", e.getValue().fn());
            }
        }
        o.set("patch", PatchJson.standard().toTree(r.best(), true));
        o.put("renders", r.renders()).put("nanos", r.nanos());
        return o;
    }

    /** One compact line, no newline. */
    public static String line(BenchRecord r) {
        return record(r).toString();
    }

    public static ObjectNode summary(MethodSummary s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("method", s.method()).put("examples", s.examples());
        ObjectNode m = o.putObject("metrics");
        for (Map.Entry<String, Bootstrap.Summary> e : s.metrics().entrySet()) {
            Bootstrap.Summary b = e.getValue();
            m.putObject(e.getKey()).put("n", b.n()).put("mean", b.mean()).put("low", b.low()).put("high", b.high());
        }
        s.presence().ifPresent(p -> o.putObject("presence_macro").put("precision", p.precision())
                .put("recall", p.recall()).put("f1", p.f1()).put("devices", p.devices()));
        o.put("renders_per_example", s.rendersPerExample());
        o.put("nanos_per_example", s.nanosPerExample());
        return o;
    }

    /**
     * The whole results document.
     *
     * @param info run description (suite, seed, methods, budget, notes on advantages and leakage)
     * @param skipped input name → reason, for inputs reported and left out
     */
    public static ObjectNode results(ObjectNode info, Map<String, String> skipped, List<BenchRecord> records,
            List<MethodSummary> summaries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("run", info);
        ObjectNode sk = root.putObject("skipped");
        skipped.forEach(sk::put);
        root.put("skipped_count", skipped.size());
        ArrayNode ex = root.putArray("examples");
        records.forEach(r -> ex.add(record(r)));
        ArrayNode agg = root.putArray("aggregate");
        summaries.forEach(s -> agg.add(summary(s)));
        return root;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
