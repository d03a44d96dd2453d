package org.unmixer.infer.metrics;

import java.util.List;

/** Edit distance between device-name sequences (insert, delete, substitute, each cost 1). */
public final class Levenshtein {
    private Levenshtein() {}

    /** Fewest single-device edits turning {@code a} into {@code b}. */
    public static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitute = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** {@link #distance} / max(|a|, |b|) in [0, 1]; 0 for two empty chains. */
    public static double normalized(List<String> a, List<String> b) {
        int longer = Math.max(a.size(), b.size());
        return longer == 0 ? 0 : distance(a, b) / (double) longer;
    }
}
