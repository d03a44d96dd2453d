package org.unmixer.infer.bench;

import java.util.List;
import java.util.Locale;
import org.unmixer.infer.metrics.Bootstrap;
import org.unmixer.infer.metrics.MetricNames;

/**
 * The one-screen text table: method × key metrics (mean and 95 % interval), presence macro F1,
 * chain match modulo commuting neighbours, time and renders per example. A metric a method never
 * defined shows as "–".
 */
public final class BenchTable {
    /** Metrics shown with their interval, in column order. */
    public static final List<String> KEY_METRICS = List.of(MetricNames.MR_STFT, MetricNames.LOG_MEL_L1,
            MetricNames.MFCC_L2, MetricNames.PARAM_MAE, MetricNames.CHAIN_EXACT_COMMUTING);

    private BenchTable() {}

    public static String text(List<MethodSummary> summaries) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %4s", "method", "n"));
        for (String m : KEY_METRICS) {
            sb.append(String.format(Locale.ROOT, "  %-24s", m));
        }
        sb.append(String.format(Locale.ROOT, "  %-8s %10s %10s%n", "pres_F1", "ms/ex", "renders/ex"));
        for (MethodSummary s : summaries) {
            sb.append(String.format(Locale.ROOT, "%-8s %4d", s.method(), s.examples()));
            for (String m : KEY_METRICS) {
                sb.append(String.format(Locale.ROOT, "  %-24s", cell(s.metrics().get(m))));
            }
            String f1 = s.presence().map(p -> String.format(Locale.ROOT, "%.3f", p.f1())).orElse("–");
            sb.append(String.format(Locale.ROOT, "  %-8s %10.1f %10.1f%n", f1, s.nanosPerExample() / 1e6,
                    s.rendersPerExample()));
        }
        return sb.toString();
    }

    /** {@code mean [low, high]} with three decimals, or "–". */
    public static String cell(Bootstrap.Summary b) {
        if (b == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", b.mean(), b.low(), b.high());
    }
}
