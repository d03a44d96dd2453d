package org.unmixer.infer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.unmixer.infer.metrics.Bootstrap;

/**
 * The self-contained {@code report.html}, built as a string: the run notes, the aggregate table
 * (every metric, mean and 95 % interval, per method), presence and timing table, one inline SVG
 * strip plot per metric (each example a dot, one row per method, the mean as a bar), and for a few
 * examples the target's and each method's log-mel spectrogram (PNG data URIs) with
 * {@code <audio>} players pointing at WAVs beside the report.
 */
public final class HtmlReport {
    /** A method's (or the target's) spectrogram and audio for one shown example. */
    public record Clip(String label, String pngDataUri, String wavHref) {}

    /** One shown example. */
    public record Showcase(String example, List<Clip> clips) {}

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"};

    private HtmlReport() {}

    public static String build(String title, List<String> notes, Map<String, String> skipped,
            List<MethodSummary> summaries, List<BenchRecord> records, List<Showcase> showcases) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;}table{border-collapse:collapse;margin:1em 0;}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;}th{background:#eee;}"
                        + "td:first-child,th:first-child{text-align:left;}.clips{display:flex;flex-wrap:wrap;gap:1em;}"
                        + ".clip{text-align:center;}.clip img{width:260px;height:128px;image-rendering:pixelated;border:1px solid #999;}"
                        + "</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<ul>\n");
        for (String n : notes) {
            h.append("<li>").append(esc(n)).append("</li>\n");
        }
        h.append("</ul>\n");
        if (!skipped.isEmpty()) {
            h.append("<h2>Skipped inputs</h2>\n<table class=\"skipped\"><tr><th>input</th><th>reason</th></tr>\n");
            skipped.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n"));
            h.append("</table>\n");
        }
        List<String> metrics = metricNames(summaries);
        h.append("<h2>Metrics (mean [95 % bootstrap interval])</h2>\n<table class=\"metrics\"><tr><th>method</th><th>n</th>");
        for (String m : metrics) {
            h.append("<th>").append(esc(m)).append("</th>");
        }
        h.append("</tr>\n");
        for (MethodSummary s : summaries) {
            h.append("<tr><td>").append(esc(s.method())).append("</td><td>").append(s.examples()).append("</td>");
            for (String m : metrics) {
                h.append("<td>").append(esc(BenchTable.cell(s.metrics().get(m)))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<h2>Effect presence (macro over devices, summed counts), time and renders</h2>\n"
                + "<table class=\"presence\"><tr><th>method</th><th>precision</th><th>recall</th><th>F1</th>"
                + "<th>ms / example</th><th>renders / example</th></tr>\n");
        for (MethodSummary s : summaries) {
            h.append("<tr><td>").append(esc(s.method())).append("</td>");
            if (s.presence().isPresent()) {
                var p = s.presence().get();
                h.append(String.format(Locale.ROOT, "<td>%.3f</td><td>%.3f</td><td>%.3f</td>", p.precision(), p.recall(), p.f1()));
            } else {
                h.append("<td>–</td><td>–</td><td>–</td>");
            }
            h.append(String.format(Locale.ROOT, "<td>%.1f</td><td>%.1f</td></tr>\n", s.nanosPerExample() / 1e6,
                    s.rendersPerExample()));
        }
        h.append("</table>\n<h2>Distributions</h2>\n");
        List<String> methods = summaries.stream().map(MethodSummary::method).toList();
        for (String m : metrics) {
            h.append("<h3>").append(esc(m)).append("</h3>\n").append(stripPlot(m, methods, records)).append('\n');
        }
        if (!showcases.isEmpty()) {
            h.append("<h2>Examples: log-mel spectrograms and audio</h2>\n");
            for (Showcase sc : showcases) {
                h.append("<h3>").append(esc(sc.example())).append("</h3>\n<div class=\"clips\">\n");
                for (Clip c : sc.clips()) {
                    h.append("<div class=\"clip\"><div>").append(esc(c.label())).append("</div><img alt=\"")
                            .append(esc(c.label())).append(" log-mel\" src=\"").append(c.pngDataUri()).append("\"><br>")
                            .append("<audio controls preload=\"none\" src=\"").append(esc(c.wavHref())).append("\"></audio></div>\n");
                }
                h.append("</div>\n");
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Every metric any method reports, in first-seen order. */
    static List<String> metricNames(List<MethodSummary> summaries) {
        Set<String> names = new LinkedHashSet<>();
        summaries.forEach(s -> names.addAll(s.metrics().keySet()));
        return new ArrayList<>(names);
    }

    /** An SVG strip plot of {@code metric}: one row per method, a dot per example, the mean as a bar. */
    static String stripPlot(String metric, List<String> methods, List<BenchRecord> records) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        methods.forEach(m -> values.put(m, new ArrayList<>()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BenchRecord r : records) {
            Double v = r.scores().metrics().get(metric);
            if (v != null && values.containsKey(r.method())) {
                values.get(r.method()).add(v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi >= lo)) {
            return "<p>no values</p>";
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        int left = 90;
        int width = 600;
        int row = 24;
        int height = row * methods.size() + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">", left + width + 20, height));
        for (int i = 0; i < methods.size(); i++) {
            String m = methods.get(i);
            int y = row * i + row / 2 + 4;
            String colour = COLOURS[i % COLOURS.length];
            s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 4, esc(m)));
            List<Double> vs = values.get(m);
            for (double v : vs) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"%s\" fill-opacity=\"0.5\"/>",
                        x(v, lo, hi, left, width), y, colour));
            }
            if (!vs.isEmpty()) {
                double mean = vs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double xm = x(mean, lo, hi, left, width);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>",
                        xm, xm, y - 8, y + 8));
            }
        }
        int axis = row * methods.size() + 8;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#666\"/>", left, left + width, axis, axis));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", left, axis + 16, fmt(lo)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left + width, axis + 16, fmt(hi)));
        s.append("</svg>");
        return s.toString();
    }

    private static double x(double v, double lo, double hi, int left, int width) {
        return left + (v - lo) / (hi - lo) * width;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** For tests and callers that want a cell's text. */
    static String cell(Bootstrap.Summary b) {
        return BenchTable.cell(b);
    }
}
