package org.unmixer.params;

import java.util.Collection;

/** "Did you mean …?" for misspelt names, by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** {@code " (did you mean \"X\"?)"} for the closest candidate within a few edits, else the list of names. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = levenshtein(wrong.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best != null && bestDistance <= Math.max(2, wrong.length() / 3)) {
            return " (did you mean \"" + best + "\"?)";
        }
        return candidates.size() <= 12 ? " (one of: " + String.join(", ", candidates) + ")" : "";
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
