package org.unmixer.dsp.reverb;

import java.util.HashSet;
import java.util.Set;

/**
 * Prime delay lengths. Mutually prime loop lengths keep the modes of a feedback delay network from
 * piling up on common multiples (Schroeder 1962; Jot &amp; Chaigne 1991); distinct primes are
 * pairwise coprime.
 */
public final class Primes {
    private Primes() {
    }

    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int f = 3; (long) f * f <= n; f += 2) {
            if (n % f == 0) {
                return false;
            }
        }
        return true;
    }

    /** The smallest prime ≥ max(2, n). */
    public static int atLeast(int n) {
        int p = Math.max(2, n);
        while (!isPrime(p)) {
            p++;
        }
        return p;
    }

    /**
     * For each target length (samples), the smallest prime ≥ it that is not already taken by
     * {@code taken} or an earlier entry; the chosen primes are added to {@code taken}.
     */
    public static int[] distinct(double[] targets, Set<Integer> taken) {
        int[] out = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            int p = atLeast((int) Math.round(targets[i]));
            while (taken.contains(p)) {
                p = atLeast(p + 1);
            }
            taken.add(p);
            out[i] = p;
        }
        return out;
    }

    /** {@link #distinct(double[], Set)} starting from nothing taken. */
    public static int[] distinct(double[] targets) {
        return distinct(targets, new HashSet<>());
    }
}
